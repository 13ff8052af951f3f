"""The stores every process uses (receipts, outbound messages and the council's records)."""
