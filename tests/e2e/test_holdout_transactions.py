"""End to end: held-out opening messages for transactions, answered by a scripted resident.

Each held-out message for a self-service intent starts a webchat conversation with the real
servers; the scripted resident answers the questions; the conversation counts as completed
when the assistant quotes a reference that is stored in the database.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, select

from actions.missed_bin import assess_collection
from bot.cli.triage import read_messages
from bot.council import get_council
from bot.settings import PROJECT_ROOT
from bot.storage.models import ServiceRequest
from tests.support.scripted_resident import TRANSACTION_INTENTS, Household, Outcome, converse

pytestmark = [pytest.mark.e2e, pytest.mark.model]

HOLDOUT = PROJECT_ROOT / "tests" / "data" / "triage_holdout.yml"
#: The share of held-out transaction openings that must end with a stored reference.
REQUIRED_SHARE = 0.85


def households() -> dict[str, Household]:
    """A home for each kind of request, from the demo council's data."""
    council = get_council()
    alone = [s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1]
    street, other = alone[0], alone[1]
    default = Household(
        street.postcode,
        street.name,
        str(street.first_number or 1),
        new_address=f"{other.first_number or 1} {other.name}, {other.postcode}",
    )
    homes: dict[str, Household] = defaultdict(lambda: default)
    now = datetime.now(ZoneInfo("Europe/London"))
    for candidate in alone:
        for bin_type in council.bin_types.values():
            if candidate.round_id(bin_type.key) and (
                assess_collection(council, candidate, bin_type, now).outcome == "report"
            ):
                homes["report_missed_bin"] = Household(
                    candidate.postcode,
                    candidate.name,
                    str(candidate.first_number or 1),
                    new_address=default.new_address,
                    prefer=(bin_type.name,),
                )
                return homes
    return homes


def run_holdout(webchat_url: str) -> dict[str, list[Outcome]]:
    """Every held-out transaction opening, driven to its end; outcomes by intent."""
    homes = households()
    outcomes: dict[str, list[Outcome]] = defaultdict(list)
    for text, intent in read_messages(HOLDOUT):
        if intent in TRANSACTION_INTENTS:
            outcomes[intent].append(converse(webchat_url, text, homes[intent]))
    return outcomes


def summary(outcomes: dict[str, list[Outcome]]) -> list[str]:
    lines = []
    for intent in TRANSACTION_INTENTS:
        done = sum(o.completed for o in outcomes.get(intent, []))
        lines.append(f"{intent:<34} {done:>3}/{len(outcomes.get(intent, []))}")
    return lines


def stored_references(database_url: str) -> set[str]:
    engine = create_engine(database_url, future=True)
    with engine.connect() as connection:
        stored = set(connection.execute(select(ServiceRequest.reference)).scalars())
    engine.dispose()
    return stored


def test_most_held_out_transaction_openings_end_with_a_stored_reference(live_servers):
    outcomes = run_holdout(live_servers.webchat)
    stored = stored_references(live_servers.database_url)
    # Only a stored service request counts: an advisor ticket (AD-...) is a handoff.
    for group in outcomes.values():
        for outcome in group:
            if outcome.reference not in stored:
                outcome.reference = None
    every = [o for group in outcomes.values() for o in group]
    share = sum(o.completed for o in every) / len(every)
    print("\n".join(["", *summary(outcomes), f"completed {share:.0%} of {len(every)}"]))

    failures = [
        f"{o.opening!r}: {' | '.join(o.transcript)[-400:]}" for o in every if not o.completed
    ]
    assert share >= REQUIRED_SHARE, "\n".join(failures[:15])
