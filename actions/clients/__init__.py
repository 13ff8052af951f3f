"""Clients for external and council systems, each with an SQL or in-memory default."""
