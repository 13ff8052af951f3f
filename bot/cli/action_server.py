"""`python -m bot.cli.action_server --actions actions ...`: the Rasa SDK action server, with LOG_LEVEL applied."""

from __future__ import annotations

from bot.log_level import apply_log_level
from bot.settings import get_settings


def main() -> None:
    """Set our loggers to LOG_LEVEL, then hand the command line to the Rasa SDK."""
    apply_log_level(get_settings().log_level)
    from rasa_sdk.__main__ import main as rasa_sdk_main

    rasa_sdk_main()


if __name__ == "__main__":
    main()
