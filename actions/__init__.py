"""Custom actions served by the Rasa SDK action server, one module per capability."""
