"""Rasa plug-ins: the SQL tracker store, the SQL lock store and the start-up speed-ups."""
