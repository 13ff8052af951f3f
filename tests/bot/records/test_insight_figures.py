"""The insight figures count exactly what the events say, with small counts never shown exactly."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bot.records import insight_events as ev
from bot.records import insight_figures as figures
from bot.records.insight_figures import Filters
from bot.storage.engine import session_scope
from bot.storage.models import AnalyticsEvent

DAY = datetime(2026, 11, 10, 9, 0, tzinfo=timezone.utc)
RANGE = Filters(date(2026, 11, 1), date(2026, 11, 30))


def add(
    kind: str,
    sender: str,
    at: datetime = DAY,
    *,
    channel: str = "webchat",
    support: bool = False,
    **fields,
):
    with session_scope() as session:
        row = ev.build(kind, sender, channel=channel, occurred_at=at, **fields)
        session.add(AnalyticsEvent(**row, extra_support=support))


def journey(
    sender: str,
    questions: list[str],
    end: str | None,
    channel: str = "webchat",
    support: bool = False,
):
    jid = f"j-{sender}"
    common = {"journey": jid, "service": "missed_bin", "channel": channel, "support": support}
    add(ev.TRANSACTION_STARTED, sender, **common)
    previous = None
    for q in questions:
        add(ev.QUESTION_ASKED, sender, question=q, previous_question=previous, **common)
        previous = q
    if end:
        add(end, sender, question=questions[-1], **common)


def test_a_funnel_counts_each_question_reached_and_where_people_left(database_url):
    for n in range(6):
        journey(f"done-{n}", ["postcode", "bin_type"], ev.TRANSACTION_COMPLETED)
    journey("left-1", ["postcode", "bin_type"], None)  # stopped answering
    journey("left-2", ["postcode"], ev.TRANSACTION_ABANDONED)  # went on to something else
    journey("sms-1", ["postcode"], ev.TRANSACTION_CANCELLED, channel="twilio_sms", support=True)
    (funnel,) = figures.funnels(RANGE)
    assert funnel["started"] == 9 and funnel["completed"] == 6
    assert funnel["questions"] == [
        {"question": "postcode", "reached": 9, "left_here": 1},
        {"question": "bin_type", "reached": 7, "left_here": 1},
    ]
    assert (funnel["cancelled"], funnel["abandoned"]) == (1, 2)
    (sms,) = figures.funnels(Filters(RANGE.start, RANGE.end, channel="twilio_sms"))
    assert (sms["started"], sms["cancelled"]) == (1, 1)
    (support,) = figures.funnels(Filters(RANGE.start, RANGE.end, extra_support=True))
    assert support["started"] == 1


def test_advisor_waits_give_the_median_the_90th_percentile_and_the_share_within_180_seconds(
    database_url,
):
    for n, wait in enumerate([60, 120, 170, 200, 600]):
        add(
            ev.ADVISOR_CLAIMED,
            f"r{n}",
            DAY + timedelta(minutes=30),
            wait_seconds=wait,
            reason="asked for a person",
        )
    add(ev.ADVISOR_CLAIMED, "crisis", DAY, wait_seconds=30, reason="safety rule", priority="urgent")
    found = figures.advisors(RANGE)
    assert found["median_wait_s"] == 145 and found["p90_wait_s"] == 600
    assert found["claimed_within_180s"] == 66.7
    assert (found["crisis_claimed"], found["crisis_median_wait_s"]) == (1, 30)
    # 1,150 seconds of waiting between 08:50 and 09:30 over a 30-day range.
    by_hour = {row["hour"]: row["average_waiting"] for row in found["queue_by_hour"]}
    assert by_hour["09:00"] > 0 and by_hour["14:00"] == 0


def test_channel_shift_counts_only_transactions_no_person_took_part_in(database_url):
    for n in range(3):
        add(ev.TRANSACTION_COMPLETED, f"web-{n}", service="missed_bin")
    add(ev.TRANSACTION_COMPLETED, "handed", service="missed_bin")
    add(ev.HANDOFF, "handed", reason="asked for a person", priority="normal")
    costs = figures.ContactCosts(8.62, 2.83, 0.15, "test")
    shift = figures.channel_shift(RANGE, costs)
    assert shift["completed_without_person"] == 3
    assert shift["saving"] == round(3 * 2.68, 2)


def test_overview_finds_repeat_contact_and_first_contact_resolution(database_url):
    add(ev.CONVERSATION_STARTED, "a")
    add(ev.TRANSACTION_STARTED, "a", service="missed_bin", journey="1")
    add(ev.TRANSACTION_COMPLETED, "a", service="missed_bin", journey="1")
    add(ev.TRANSACTION_STARTED, "a", DAY + timedelta(days=3), service="missed_bin", journey="2")
    add(ev.TRANSACTION_STARTED, "b", service="request_bin", journey="3")
    add(ev.TRANSACTION_COMPLETED, "b", service="request_bin", journey="3")
    found = figures.overview(RANGE)
    assert found["repeat_contacts"] == 1
    assert found["first_contact_resolution"] == 50.0  # b's was resolved first time, a's was not


def test_not_understood_lists_the_most_frequent_masked_messages(database_url):
    for _ in range(3):
        add(ev.NOT_UNDERSTOOD, "x", masked_text="my thing at PL1 2AB")
    add(ev.NOT_UNDERSTOOD, "y", masked_text="blah")
    assert figures.not_understood(RANGE) == [
        {"message": "my thing at [postcode]", "times": 3},
        {"message": "blah", "times": 1},
    ]


def test_small_counts_are_never_shown_exactly():
    assert [figures.shown(n) for n in (0, 1, 4, 5, 12)] == [
        "0",
        "fewer than 5",
        "fewer than 5",
        "5",
        "12",
    ]


def test_the_demo_council_names_its_contact_costs_and_their_source(tmp_path: Path):
    costs = figures.contact_costs(Path("councils/example"))
    assert (costs.face_to_face, costs.phone, costs.online) == (8.62, 2.83, 0.15)
    assert "SOCITM" in costs.source
    assert figures.contact_costs(tmp_path).saving_per_contact == 2.68  # SOCITM defaults
