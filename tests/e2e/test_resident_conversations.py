"""End to end: whole residents' conversations through the real webchat, judged by how they end.

`tests/data/resident_conversations.yml` was written from a resident's side by someone who never
saw the assistant's data; `tests/data/issue10_conversations.yml` holds the conversations that
went wrong for a new user (issue 10), each of which must now end well.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.settings import PROJECT_ROOT
from tests.support.conversation_runner import Result, Runner, load_conversations

pytestmark = [pytest.mark.e2e, pytest.mark.model]

DATA = PROJECT_ROOT / "tests" / "data"
RESIDENTS = load_conversations(DATA / "resident_conversations.yml")
ISSUE_10 = load_conversations(DATA / "issue10_conversations.yml")
#: The share of residents' conversations that must end as the resident intended.
REQUIRED_SHARE = 0.90


@pytest.fixture(scope="module")
def runner(live_servers) -> Iterator[Runner]:
    runner = Runner(live_servers.webchat, live_servers.database_url)
    yield runner
    runner.close()


@pytest.fixture(scope="module")
def resident_results(runner: Runner) -> list[Result]:
    results = [runner.run(conversation) for conversation in RESIDENTS]
    ran = [r for r in results if r.skipped is None]
    passed = sum(r.passed for r in ran)
    print(f"\nresidents' conversations: {passed}/{len(ran)} ended as intended "
          f"({len(results) - len(ran)} skipped today)")  # fmt: skip
    for result in ran:
        if not result.passed:
            print(result.report())
    return ran


def test_most_residents_conversations_end_as_the_resident_intended(resident_results):
    passed = [r for r in resident_results if r.passed]
    share = len(passed) / len(resident_results)
    failed = "\n".join(r.report() for r in resident_results if not r.passed)
    assert share >= REQUIRED_SHARE, f"{share:.0%} ended as intended\n{failed}"


def test_no_conversation_that_is_not_a_crisis_raises_an_urgent_ticket(resident_results):
    false_alarms = [
        r.report()
        for r in resident_results
        if r.conversation.expect.get("ticket") not in (None, "urgent", "any") and r.urgent
    ]
    assert not false_alarms, "\n".join(false_alarms)


def test_every_real_crisis_gets_an_urgent_ticket(resident_results):
    crises = [r for r in resident_results if r.conversation.expect.get("ticket") == "urgent"]
    assert crises, "the set has no crisis conversations"
    missed = [r.report() for r in crises if not r.urgent]
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize("conversation", ISSUE_10, ids=[c.id for c in ISSUE_10])
def test_a_conversation_that_went_wrong_for_a_new_user_now_ends_well(runner: Runner, conversation):
    result = runner.run(conversation)
    if result.skipped:
        pytest.skip(result.skipped)
    assert result.passed, result.report()
