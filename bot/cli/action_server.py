"""`python -m bot.cli.action_server --actions actions ...`: the Rasa SDK action server, with LOG_LEVEL applied and the daily jobs (the retention purge) started."""

from __future__ import annotations

from typing import Any

from bot.log_level import apply_log_level
from bot.settings import get_settings


def quiet_http_errors(app: Any) -> Any:
    """Answer Sanic's own errors (404, 405, ...) with their status and no traceback.

    The Rasa SDK's catch-all exception handler logs a full traceback and answers 500 for
    every exception, so a request for an unknown path looked like a crash. Sanic picks the
    most specific handler, so this one wins for its HTTP errors and the SDK's keeps the rest.
    """
    from sanic import response
    from sanic.exceptions import SanicException
    from sanic.request import Request

    @app.exception(SanicException)
    async def http_error(_: Request, error: SanicException) -> Any:
        status = getattr(error, "status_code", 500) or 500
        return response.json({"error": str(error)}, status=status)

    return app


def install_quiet_http_errors() -> None:
    """Wrap the Rasa SDK's create_app so every action server it makes gets quiet_http_errors."""
    import rasa_sdk.endpoint

    create_app = rasa_sdk.endpoint.create_app
    if getattr(create_app, "_quiet_http_errors", False):
        return

    def create_quiet_app(*args: Any, **kwargs: Any) -> Any:
        return quiet_http_errors(create_app(*args, **kwargs))

    create_quiet_app._quiet_http_errors = True  # type: ignore[attr-defined]
    rasa_sdk.endpoint.create_app = create_quiet_app  # type: ignore[assignment]


def main() -> None:
    """Set our loggers to LOG_LEVEL, start the daily jobs, then hand the command line to the Rasa SDK.

    The action server is the long-running process every deployment has (Rasa servers may be
    several workers); with several action servers the lease in the database still lets the
    purge run once a day.
    """
    apply_log_level(get_settings().log_level)
    install_quiet_http_errors()
    from bot.records.daily_jobs import start_daily_jobs

    start_daily_jobs()
    from rasa_sdk.__main__ import main as rasa_sdk_main

    rasa_sdk_main()


if __name__ == "__main__":
    main()
