"""Stops the council clock (``bot.council.clock``), and with it every module's "now", in tests."""

from __future__ import annotations

from datetime import datetime

import pytest


def stop_clock(monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
    """Every clock (``Council.now``, ``actions.context.now`` and ``today``) reads ``at`` from now on."""
    from bot.council import clock

    if at.tzinfo is None:
        raise ValueError("stop the clock at a time with its time zone")
    monkeypatch.setattr(clock, "instant", lambda: at)
