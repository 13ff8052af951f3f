"""The insight section over HTTP: managers only, filters, small counts hidden, CSV and JSON the same figures."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

import pytest
import requests

from bot.records import insight_events as ev
from bot.records.advisor_accounts import AdvisorAccounts
from channels.console.channel import ConsoleInput
from channels.console.insight import read_filters
from tests.e2e.console_client import ConsoleClient
from tests.support.channel_app import RunningChannel, ScriptedBot

PASSWORD = "correct horse battery"


@pytest.fixture
def console(sqlite_url) -> Iterator[RunningChannel]:
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam", PASSWORD)
    accounts.create("morgan", "Morgan", PASSWORD, role="manager")
    with RunningChannel(ConsoleInput.from_credentials(None), ScriptedBot()) as running:
        yield running


def _completed(count: int, channel: str) -> None:
    for n in range(count):
        ev.record(ev.TRANSACTION_COMPLETED, f"{channel}-{n}", channel=channel, service="missed_bin")


def test_an_advisor_cannot_open_insight_but_a_manager_can(console):
    sam = ConsoleClient(console.base_url, "sam", PASSWORD)
    refused = sam.http.get(f"{console.base_url}/insight/overview", timeout=30)
    assert refused.status_code == 403 and "for managers" in refused.text
    assert sam.http.get(f"{console.base_url}/insight/overview.csv", timeout=30).status_code == 403
    assert (
        "Insight"
        not in sam.http.get(f"{console.base_url}/queue", timeout=30).text.split("<main")[0]
    )
    morgan = ConsoleClient(console.base_url, "morgan", PASSWORD)
    page = morgan.http.get(f"{console.base_url}/insight/overview", timeout=30)
    assert page.status_code == 200 and "Conversations per day by channel" in page.text


def test_signed_out_visitors_are_sent_to_sign_in(console):
    page = requests.get(f"{console.base_url}/insight/overview", allow_redirects=False, timeout=30)
    assert page.status_code == 303 and page.headers["Location"].endswith("/login")


def test_the_channel_shift_page_and_its_csv_show_the_same_counts_with_small_ones_hidden(console):
    _completed(6, "webchat")
    _completed(2, "twilio_sms")
    morgan = ConsoleClient(console.base_url, "morgan", PASSWORD)
    page = morgan.http.get(f"{console.base_url}/insight/channel-shift", timeout=30).text
    assert "fewer than 5" in page and "SOCITM" in page
    rows = list(
        csv.DictReader(
            io.StringIO(
                morgan.http.get(f"{console.base_url}/insight/channel-shift.csv", timeout=30).text
            )
        )
    )
    by_channel = {r["row"]: r["value"] for r in rows if r["column"] == "Completed"}
    assert sorted(by_channel.values()) == ["6", "fewer than 5"]
    headline = {r["column"]: r["value"] for r in rows if r["table"] == "figures"}
    assert headline["Transactions completed without a person"] == "8"
    assert headline["Estimated saving (£)"] == "21.44"
    only_sms = morgan.http.get(
        f"{console.base_url}/insight/channel-shift.json?channel=twilio_sms", timeout=30
    ).json()
    assert only_sms["filters"]["channel"] == "twilio_sms"
    assert only_sms["figures"][0]["value"] == "fewer than 5"


def test_every_insight_page_answers_in_html_csv_and_json(console):
    morgan = ConsoleClient(console.base_url, "morgan", PASSWORD)
    for page in ("overview", "funnels", "advisors", "channel-shift", "not-understood"):
        for suffix in ("", ".csv", ".json"):
            assert (
                morgan.http.get(
                    f"{console.base_url}/insight/{page}{suffix}", timeout=30
                ).status_code
                == 200
            )
    assert morgan.http.get(f"{console.base_url}/insight/nothing", timeout=30).status_code == 404


def test_filters_default_to_the_last_30_days_and_bad_input_is_ignored():
    today = date(2026, 12, 3)
    default = read_filters({}, today)
    assert (default.start, default.end, default.channel, default.extra_support) == (
        date(2026, 11, 4),
        today,
        None,
        None,
    )
    odd = read_filters(
        {"start": "nonsense", "end": "2026-11-01", "channel": "fax", "extra_support": "yes"}, today
    )
    assert (odd.end, odd.channel, odd.extra_support) == (date(2026, 11, 1), None, True)
