"""`python -m bot.cli.action_server --actions actions ...`: the Rasa SDK action server, with LOG_LEVEL applied and the daily jobs (the retention purge) started."""

from __future__ import annotations

from bot.log_level import apply_log_level
from bot.settings import get_settings


def main() -> None:
    """Set our loggers to LOG_LEVEL, start the daily jobs, then hand the command line to the Rasa SDK.

    The action server is the long-running process every deployment has (Rasa servers may be
    several workers); with several action servers the lease in the database still lets the
    purge run once a day.
    """
    apply_log_level(get_settings().log_level)
    from bot.records.daily_jobs import start_daily_jobs

    start_daily_jobs()
    from rasa_sdk.__main__ import main as rasa_sdk_main

    rasa_sdk_main()


if __name__ == "__main__":
    main()
