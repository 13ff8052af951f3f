"""Rasa project for the council contact assistant: settings, council data, CLI."""
