"""The stores every process uses: requests, bookings, tickets, support register, postcodes, venues."""
