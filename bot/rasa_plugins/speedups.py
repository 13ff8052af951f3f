"""Start-up tweaks to Rasa 3.6 internals that keep its behaviour but remove repeated work."""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
import signal
import socket
import time
from typing import Any

from rasa.core.actions.action import RemoteAction

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from jsonschema.validators import validator_for

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # once, instead of on every action call
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Same check as Rasa's, with the schema compiled once instead of per response."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match

    error = best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        if isinstance(error, ValidationError):
            error.message += ". Failed to validate Action server response from API."
        raise error
    return True


# A worker that lived at least this long, or was killed by a signal, is replaced when it dies;
# one that exits by itself sooner (a bad model, a port in use) is not, so start-up errors still
# stop the server instead of looping.
RESTART_AFTER_S = 30.0
PR_SET_PDEATHSIG = 1


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to send this worker SIGTERM when the server's main process dies (even by
    kill -9), so no orphaned worker keeps serving beside the replacement's."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the supervisor's stop still reaches it
        return
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)


def _serve_worker(parent_pid: int, **settings: Any) -> None:
    """In a worker process: bind its own SO_REUSEPORT socket and serve, as Sanic does.

    Sanic binds the socket after the `before_server_start` listeners (where Rasa loads the
    model), so a worker only joins the port once it can answer: a replacement worker, or a
    whole server restarting, never holds connections it cannot serve yet.
    """
    from sanic.server.runners import serve

    # The main process's handlers came with the fork: until Sanic installs its own (once the
    # model is loaded), a SIGTERM or Ctrl-C simply ends the worker.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _die_with_parent(parent_pid)
    serve(**settings)


def _serve_workers_balanced(server_settings: dict[str, Any], workers: int) -> None:
    """Sanic 21.12's multi-worker start, except that each worker listens on its own
    SO_REUSEPORT socket, so the kernel spreads new connections over the workers, and a
    worker that dies is replaced.

    With Sanic's one shared socket, the first worker to wake up accepts every waiting
    connection (asyncio accepts in a loop), and keep-alive keeps them there: under a
    burst of clients one worker did all the work while the other sat idle. And Sanic
    leaves a dead worker dead: with two server processes behind a load balancer, one
    killed worker would halve that server for good.
    """
    from sanic.server.events import trigger_events

    settings = dict(server_settings, reuse_port=True, run_multiple=True, sock=None)
    main_start = settings.pop("main_start", None)
    main_stop = settings.pop("main_stop", None)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    trigger_events(main_start, loop)

    context = multiprocessing.get_context("fork")
    parent = os.getpid()
    stopping = False

    def start_worker() -> tuple[Any, float]:
        process = context.Process(
            target=_serve_worker, args=(parent,), kwargs=settings, daemon=True
        )
        process.start()
        return process, time.monotonic()

    def stop_workers(signum: int, _frame: Any) -> None:
        nonlocal stopping
        if os.getpid() != parent:
            raise SystemExit(0)
        stopping = True
        logger.info("Received signal %s. Shutting down.", signal.Signals(signum).name)
        for process, _ in running:
            if process.pid is not None and process.is_alive():
                os.kill(process.pid, signal.SIGTERM)

    signal.signal(signal.SIGINT, stop_workers)
    signal.signal(signal.SIGTERM, stop_workers)
    running = [start_worker() for _ in range(workers)]
    while not stopping and any(process.is_alive() for process, _ in running):
        time.sleep(0.2)
        for index, (process, started) in enumerate(running):
            if stopping or process.is_alive() or process.exitcode is None:
                continue
            lived = time.monotonic() - started
            if process.exitcode < 0 or lived >= RESTART_AFTER_S:
                logger.warning(
                    "Worker %s stopped (exit code %s) after %.0f s; starting another.",
                    process.pid, process.exitcode, lived,
                )  # fmt: skip
                running[index] = start_worker()
    for process, _ in running:
        process.join()
    trigger_events(main_stop, loop)
    loop.close()


def _balance_sanic_workers() -> None:
    import sanic.app
    from sanic.server.runners import serve_multiple

    if not hasattr(socket, "SO_REUSEPORT") or getattr(sanic.app, "_council_balanced", False):
        return
    original = serve_multiple

    def serve_multiple_balanced(server_settings: dict[str, Any], workers: int) -> None:
        if server_settings.get("unix") or server_settings.get("sock") is not None:
            return original(server_settings, workers)  # a socket given by the caller: Sanic's way
        return _serve_workers_balanced(server_settings, workers)

    sanic.app.serve_multiple = serve_multiple_balanced  # type: ignore[attr-defined]
    sanic.app._council_balanced = True  # type: ignore[attr-defined]


def install() -> None:
    """Rasa validates every action-server response with `jsonschema.validate`, which
    re-checks the constant schema against its meta-schema each time: about a third of
    the server's CPU under load. Validate with a cached validator instead.

    And spread connections over the Sanic workers (RASA_WORKERS), see
    `_serve_workers_balanced`."""
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    _balance_sanic_workers()
