"""End to end: scripted residents with known outcomes go through the real servers, and the
insight pages and their CSV show exactly those numbers."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, update

from bot.council import get_council
from bot.records.advisor_accounts import AdvisorAccounts
from bot.storage.models import HandoffTicket, utcnow
from tests.e2e.console_client import ConsoleClient
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]

PASSWORD = "a long test password"
EACH = 5  # five of each outcome: counts below 5 are shown as "fewer than 5"
WAIT_S = 100  # every handed-off resident waits exactly this long before an advisor claims


@pytest.fixture(scope="module")
def servers(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Real servers on their own database, so only this module's residents are counted."""
    from bot.storage.migrate import upgrade_database
    from tests.support.servers import LiveServers

    root = tmp_path_factory.mktemp("insight")
    url = f"sqlite:///{root / 'insight.db'}"
    upgrade_database(url)
    running = LiveServers(trained_model, url, root / "logs").start()
    yield running
    running.stop()


def _street():
    council = get_council()
    return next(s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1)


def _order_a_bin(servers, finish: bool) -> None:
    street = _street()
    chat = WebchatClient(servers.webchat)
    chat.send("someone nicked my wheelie bin last night")
    asked = chat.send(street.postcode)
    assert "house number or name" in texts(asked).lower(), texts(asked)
    if finish:
        chat.send(str(street.first_number or 1))
        done = chat.press("/affirm", "Yes, order it")
        assert "reference is RB-" in texts(done), texts(done)


def _csv(manager: ConsoleClient, page: str) -> list[dict[str, str]]:
    reply = manager.http.get(f"{manager.base}/insight/{page}.csv", timeout=60)
    reply.raise_for_status()
    return list(csv.DictReader(io.StringIO(reply.text)))


def test_known_outcomes_show_exactly_on_the_insight_pages_and_in_the_csv(servers):
    for _ in range(EACH):
        _order_a_bin(servers, finish=True)
    for _ in range(EACH):
        _order_a_bin(servers, finish=False)  # left at the house number question
    references = []
    for _ in range(EACH):
        handed = WebchatClient(servers.webchat).press("/request_human", "Talk to a person")
        references.append(texts(handed).split("Your reference is ")[1].split(".")[0])

    AdvisorAccounts(servers.database_url).create("sam", "Sam", PASSWORD)
    AdvisorAccounts(servers.database_url).create("morgan", "Morgan", PASSWORD, role="manager")
    base = f"{servers.base_url}/webhooks/console"
    advisor = ConsoleClient(base, "sam", PASSWORD)
    engine = create_engine(servers.database_url, future=True)
    for reference in references:
        with engine.begin() as connection:  # raised exactly WAIT_S seconds before the claim
            connection.execute(
                update(HandoffTicket)
                .where(HandoffTicket.reference == reference)
                .values(created_at=utcnow() - timedelta(seconds=WAIT_S))
            )
        assert advisor.claim(reference).ok
    manager = ConsoleClient(base, "morgan", PASSWORD)

    funnel = _csv(manager, "funnels")
    bins = {
        (r["row"], r["column"]): r["value"] for r in funnel if r["table"] == "Funnel: request bin"
    }
    steps = {bins[(row, "Step")]: row for row, column in bins if column == "Step"}
    assert bins[(steps["started"], "Reached")] == str(2 * EACH)
    assert bins[(steps["completed"], "Reached")] == str(EACH)
    left = {bins[(row, "Step")]: bins[(row, "Gave up here")] for row in steps.values()}
    gave_up = {step: n for step, n in left.items() if n != "0"}
    assert gave_up == {"house": str(EACH)}, left  # "What's the house number or name?"

    overview = {
        r["column"]: r["value"] for r in _csv(manager, "overview") if r["table"] == "figures"
    }
    assert overview["Transactions completed without a person"] == str(EACH)
    assert overview["Conversations"] == str(3 * EACH)

    advisors = {
        r["column"]: r["value"] for r in _csv(manager, "advisors") if r["table"] == "figures"
    }
    assert advisors["Tickets claimed"] == str(EACH)
    assert float(advisors["Median wait until claimed (seconds)"]) == pytest.approx(WAIT_S, abs=2)
    assert float(advisors["90th percentile wait (seconds)"]) == pytest.approx(WAIT_S, abs=2)
    assert advisors["Claimed within 180 seconds (%)"] == "100"

    shift = {
        r["column"]: r["value"] for r in _csv(manager, "channel-shift") if r["table"] == "figures"
    }
    assert shift["Estimated saving (£)"] == f"{EACH * 2.68:.2f}"

    # The page shows the same figures as the CSV.
    page = manager.http.get(f"{base}/insight/advisors", timeout=60).text
    assert f'data-figure="Tickets claimed">{EACH}<' in page
    as_json = json.loads(manager.http.get(f"{base}/insight/overview.json", timeout=60).text)
    assert as_json["figures"][0] == {"label": "Conversations", "value": str(3 * EACH)}
