"""Start-up tweaks to Rasa 3.6 internals that keep its behaviour but remove repeated work."""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
import signal
import socket
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


def _listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def _serve_on_own_socket(index: int, sockets: list[socket.socket], **settings: Any) -> None:
    """In a worker process: keep only this worker's socket open, then serve as Sanic does."""
    from sanic.server.runners import serve

    for number, sock in enumerate(sockets):
        if number != index:
            sock.close()
    serve(**dict(settings, sock=sockets[index]))


def _serve_workers_balanced(server_settings: dict[str, Any], workers: int) -> None:
    """Sanic 21.12's multi-worker start, except that each worker listens on its own
    SO_REUSEPORT socket, so the kernel spreads new connections over the workers.

    With Sanic's one shared socket, the first worker to wake up accepts every waiting
    connection (asyncio accepts in a loop), and keep-alive keeps them there: under a
    burst of clients one worker did all the work while the other sat idle.
    """
    from sanic.server.events import trigger_events

    settings = dict(server_settings, reuse_port=True, run_multiple=True)
    main_start = settings.pop("main_start", None)
    main_stop = settings.pop("main_stop", None)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    trigger_events(main_start, loop)

    sockets = [
        _listening_socket(settings["host"], settings["port"], settings["backlog"])
        for _ in range(workers)
    ]
    settings["host"] = settings["port"] = None
    context = multiprocessing.get_context("fork")
    processes = [
        context.Process(
            target=_serve_on_own_socket, args=(index, sockets), kwargs=settings, daemon=True
        )
        for index in range(workers)
    ]

    def stop_workers(signum: int, _frame: Any) -> None:
        logger.info("Received signal %s. Shutting down.", signal.Signals(signum).name)
        for process in processes:
            if process.pid is not None and process.is_alive():
                os.kill(process.pid, signal.SIGTERM)

    signal.signal(signal.SIGINT, stop_workers)
    signal.signal(signal.SIGTERM, stop_workers)
    for process in processes:
        process.start()
    for sock in sockets:  # each worker now holds the only copy of its own socket
        sock.close()
    for process in processes:
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
