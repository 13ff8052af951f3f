"""Custom Rasa input channels: webchat (with its widget), SMS, Telegram, advisor console."""
