"""LOG_LEVEL, applied to our own loggers and to Rasa's in every process the project starts.

`bot.cli.launcher` passes LOG_LEVEL to both servers (Rasa reads it itself), the Rasa server
(`bot.rasa_plugins.server`), the action server (`bot.cli.action_server`) and the `councilbot`
command set our loggers to it, and the action server's Rasa SDK gets the nearest of its own
verbosity flags.
"""

from __future__ import annotations

import logging

#: The logging levels LOG_LEVEL accepts.
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
#: The packages whose loggers are ours.
OUR_LOGGERS = ("bot", "actions", "channels")


def apply_log_level(level: str) -> None:
    """Set our own loggers to ``level`` (one of LEVELS)."""
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(level)


def rasa_sdk_verbosity(level: str) -> list[str]:
    """The Rasa SDK action server's flag nearest to ``level`` (it knows DEBUG, INFO and WARNING)."""
    if level == "DEBUG":
        return ["--debug"]
    if level == "INFO":
        return []  # its default
    return ["--quiet"]
