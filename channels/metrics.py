"""Prometheus metrics for operations: messages, reply latency, errors, send failures, queue length.

Served at /metrics (an absolute prefix, so Rasa does not put it under /webhooks/), only with
`Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN set it answers 404.

Several Sanic worker processes answer messages, and a scrape reaches only one of them, so the
counters and the histogram use prometheus-client's multiprocess mode: each process writes its
own files under PROMETHEUS_MULTIPROC_DIR (set by `councilbot run` for the Rasa server) and the
scrape adds them up. Without that variable (one process, tests) the default registry is used.
The queue length is not counted by any process: it is read from the database at scrape time,
so every worker and every server behind a load balancer reports the same figure.
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings, get_settings
from bot.storage.engine import session_scope
from bot.storage.models import HandoffTicket

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"

MESSAGES = Counter(
    "councilbot_messages_total", "Residents' messages received, by channel.", ["channel"]
)
REPLY_SECONDS = Histogram(
    "councilbot_reply_seconds",
    "Time from a resident's message reaching the assistant to its replies being ready.",
    ["channel"],
    buckets=(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0),
)
ERRORS = Counter(
    "councilbot_turn_errors_total",
    "Messages that failed and got the 'something went wrong' reply, by channel.",
    ["channel"],
)
SEND_FAILURES = Counter(
    "councilbot_outbound_send_failures_total",
    "Texts the provider refused or that failed to send (each attempt), by channel.",
    ["channel"],
)


@contextmanager
def turn(channel: str) -> Iterator[None]:
    """Count a message and time its turn (an error is counted by the caller, who answers it)."""
    MESSAGES.labels(channel).inc()
    started = time.perf_counter()
    try:
        yield
    finally:
        REPLY_SECONDS.labels(channel).observe(time.perf_counter() - started)


def count_error(channel: str) -> None:
    ERRORS.labels(channel).inc()


def count_send_failure(channel: str) -> None:
    SEND_FAILURES.labels(channel).inc()


class QueueCollector:
    """Tickets waiting for an advisor, by priority, read from the database at each scrape."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "councilbot_queue_length",
            "Tickets waiting for an advisor, by priority.",
            labels=["priority"],
        )
        try:
            with session_scope() as session:
                rows = session.execute(
                    select(HandoffTicket.priority, func.count())
                    .where(HandoffTicket.status == "open")
                    .group_by(HandoffTicket.priority)
                ).all()
        except SQLAlchemyError:
            rows = []
        for priority in ("urgent", "extra_support", "high", "normal"):
            gauge.add_metric([priority], float(dict(rows).get(priority, 0)))
        yield gauge


def exposition() -> bytes:
    """Every metric in Prometheus' text format, added up over the worker processes."""
    registry = REGISTRY
    if os.environ.get(MULTIPROCESS_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    scrape = CollectorRegistry()
    scrape.register(QueueCollector())  # type: ignore[arg-type]
    return generate_latest(registry) + generate_latest(scrape)


def clear_stale_files(directory: str | None) -> None:
    """Remove an earlier run's per-process files (called once, before the workers start)."""
    if not directory:
        return
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):
        stale.unlink(missing_ok=True)


class MetricsInput(InputChannel):
    """Not a resident channel: Rasa mounts it so the metrics are served by the Rasa server."""

    @classmethod
    def name(cls) -> str:
        return "metrics"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(get_settings())

    def __init__(self, settings: Settings) -> None:
        self.token = settings.metrics_token.get_secret_value()
        # Channels are made in the main process before Sanic starts its workers.
        clear_stale_files(os.environ.get(MULTIPROCESS_ENV))

    def url_prefix(self) -> str:
        """`/metrics`, where Prometheus looks by default: an absolute prefix, so Rasa's
        `register` (which joins it to `/webhooks/`) mounts it at the root."""
        return "/metrics"

    def allowed(self, request: Request) -> bool:
        sent = request.headers.get("authorization", "")
        return bool(self.token) and hmac.compare_digest(
            sent.encode(), f"Bearer {self.token}".encode()
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        metrics = Blueprint("metrics", __name__)

        @metrics.route("", methods=["GET"], strict_slashes=False)
        async def scrape(request: Request) -> HTTPResponse:
            if not self.token:
                return response.text("Metrics are switched off (set METRICS_TOKEN).", status=404)
            if not self.allowed(request):
                return response.text("Unauthorised.", status=401)
            return response.raw(exposition(), content_type=CONTENT_TYPE_LATEST)

        return metrics
