"""The advisor console (templates/, static/): `channels.console.ConsoleInput` in credentials.yml."""

from channels.console.channel import ConsoleInput

__all__ = ["ConsoleInput"]
