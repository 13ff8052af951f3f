"""The actions' shared dependencies: the configured council and one store of each kind per process (actions/context.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions import context
from bot.settings import get_settings
from tests.bot.council.test_council import broken_copy
from tests.conftest import reset_cached_state


@pytest.mark.parametrize(
    "store",
    ["service_requests", "bulky_bookings", "tickets", "support_register", "digital_sessions"],
)
def test_each_store_is_made_once_and_shared_by_every_action(sqlite_url, store: str):
    make = getattr(context, store)
    assert make() is make()


def test_the_council_is_the_one_in_the_configured_folder(sqlite_url, tmp_path: Path, monkeypatch):
    folder = broken_copy(
        tmp_path, "council.yml", "name: Example Borough Council", "name: Testshire Council"
    )
    monkeypatch.setenv("COUNCIL_DIR", str(folder))
    reset_cached_state()
    try:
        assert get_settings().council_dir == folder
        assert context.council().name == "Testshire Council"
    finally:
        monkeypatch.undo()
        reset_cached_state()


def test_postcodes_are_looked_up_in_the_shared_directory():
    record = context.postcodes().lookup("PL1 2JT")
    assert record is not None and record.local_authority == context.council().ons_code
