"""`python -m bot.rasa_plugins.server run ...`: Rasa's own command line, with the start-up tweaks installed first.

This is the one place `bot.rasa_plugins.speedups` is installed. Every Rasa server the project starts
(`make run` / `councilbot run`, the end-to-end test servers and `make bench`) is started
through `bot.cli.launcher.rasa_server_command`, which runs this module, so the tweaks do not
depend on which channels `bot/credentials.yml` lists. They must be installed in the main
process before Rasa calls `app.run` (that is where Sanic starts its workers), which no
Rasa endpoint or channel hook can promise. Starting `rasa run` by hand works, without them.
"""

from __future__ import annotations

from bot.log_level import apply_log_level
from bot.rasa_plugins import speedups as rasa_speedups
from bot.rasa_plugins.tracker_store import fail_loudly
from bot.settings import get_settings


def main() -> None:
    """Install the speed-ups, make tracker store errors reach the channels, and set our loggers
    to LOG_LEVEL, then hand the command line to Rasa (`rasa run ...`)."""
    rasa_speedups.install()
    fail_loudly()
    apply_log_level(get_settings().log_level)  # Rasa sets its own from LOG_LEVEL
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
