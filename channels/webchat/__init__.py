"""The webchat channel and its widget (static/): `channels.webchat.WebchatInput` in credentials.yml."""

from channels.webchat.channel import WebchatInput

__all__ = ["WebchatInput"]
