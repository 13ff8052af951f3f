"""The stores every process uses: requests, bookings, tickets, support register, postcodes, venues, receipts, outbound messages, advisor accounts."""
