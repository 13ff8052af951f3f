"""The advisor queue orders tickets by priority, then by how long people have waited."""

from __future__ import annotations

from bot.intents import Priority, Route
from bot.records.tickets import RULE_REASON_PREFIX, WITHDRAW_WINDOW, TicketQueue


def _raise(queue: TicketQueue, sender: str, intent: str, route: Route, priority: Priority):
    return queue.raise_ticket(
        channel="webchat",
        sender_id=sender,
        intent=intent,
        route=route,
        priority=priority,
        reason="test",
        summary=f"- message from {sender}",
        form_values={},
    )


def test_an_urgent_ticket_goes_above_every_waiting_normal_ticket(database_url):
    queue = TicketQueue()
    first = _raise(queue, "a", "make_complaint", Route.ADVISOR, Priority.NORMAL)
    second = _raise(queue, "b", "request_human", Route.ADVISOR, Priority.NORMAL)
    urgent = _raise(queue, "c", "gas_leak", Route.EMERGENCY, Priority.URGENT)
    high = _raise(queue, "d", "register_death", Route.ADVISOR, Priority.HIGH)
    assert (first.position, second.position) == (1, 2)
    assert urgent.position == 1
    assert high.position == 2
    order = [t.sender_id for t in queue.open_tickets()]
    assert order == ["c", "d", "a", "b"]


def test_a_conversation_has_one_open_ticket_and_a_crisis_raises_its_priority(database_url):
    queue = TicketQueue()
    normal = _raise(queue, "same", "request_human", Route.ADVISOR, Priority.NORMAL)
    again = _raise(queue, "same", "suicide_self_harm", Route.EMERGENCY, Priority.URGENT)
    assert again.already_open and again.reference == normal.reference
    assert again.priority is Priority.URGENT
    tickets = queue.open_tickets()
    assert len(tickets) == 1 and tickets[0].intent == "suicide_self_harm"


def test_asking_again_for_a_person_does_not_lower_an_urgent_ticket(database_url):
    queue = TicketQueue()
    _raise(queue, "same", "domestic_abuse", Route.URGENT_ADVISOR, Priority.URGENT)
    again = _raise(queue, "same", "request_human", Route.ADVISOR, Priority.NORMAL)
    assert again.priority is Priority.URGENT
    assert queue.open_tickets()[0].intent == "domestic_abuse"


def test_200_mixed_tickets_come_out_urgent_then_extra_support_then_high_then_normal_longest_wait_first(
    database_url,
):
    import random
    from datetime import timedelta

    from sqlalchemy import update

    from bot.storage.engine import session_scope
    from bot.storage.models import HandoffTicket

    queue = TicketQueue()
    rng = random.Random(7)
    priorities = [Priority.URGENT, Priority.EXTRA_SUPPORT, Priority.HIGH, Priority.NORMAL]
    for n in range(200):
        priority = rng.choice(priorities)
        route = Route.URGENT_ADVISOR if priority is Priority.URGENT else Route.ADVISOR
        _raise(queue, f"s{n}", "request_human", route, priority)
    # Waiting times that do not follow the order the tickets were created in.
    with session_scope() as session:
        for ticket in session.query(HandoffTicket).all():
            waited = rng.randint(0, 600)
            session.execute(
                update(HandoffTicket)
                .where(HandoffTicket.id == ticket.id)
                .values(created_at=ticket.created_at - timedelta(minutes=waited))
            )
    shown = queue.queue()
    rank = {p.value: i for i, p in enumerate(priorities)}
    keys = [(rank[t.priority], t.created_at) for t in shown]
    assert len(shown) == 200
    assert keys == sorted(keys)
    assert [t.position for t in shown] == list(range(1, 201))
    assert shown[0].priority == "urgent" and shown[-1].priority == "normal"


def test_a_claimed_ticket_leaves_the_waiting_queue_and_only_its_advisor_can_close_it(database_url):
    from bot.records.advisor_accounts import AdvisorAccounts

    accounts = AdvisorAccounts()
    sam = accounts.create("sam", "Sam", "correct horse battery")
    alex = accounts.create("alex", "Alex", "correct horse battery")
    queue = TicketQueue()
    first = _raise(queue, "a", "request_human", Route.ADVISOR, Priority.NORMAL)
    second = _raise(queue, "b", "request_human", Route.ADVISOR, Priority.NORMAL)
    assert queue.claim(first.reference, sam)
    assert not queue.claim(first.reference, alex)
    assert queue.open_ticket_for("b").position == 1
    assert queue.close(first.reference, alex, "Resolved in the chat") is None
    closed = queue.close(first.reference, sam, "Resolved in the chat")
    assert (
        closed is not None
        and closed.status == "closed"
        and closed.outcome == "Resolved in the chat"
    )
    assert queue.open_ticket_for("a") is None
    assert [t.reference for t in queue.queue()] == [second.reference]


def _urgent(queue: TicketQueue, sender: str, reason: str = "Topic needs an advisor: homelessness"):
    return queue.raise_ticket(
        channel="webchat",
        sender_id=sender,
        intent="homelessness",
        route=Route.URGENT_ADVISOR,
        priority=Priority.URGENT,
        reason=reason,
        summary="- he left on the 14th of november",
        form_values={},
    )


def _audit_actions(reference: str) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from bot.storage.engine import session_scope
    from bot.storage.models import AuditEvent

    with session_scope() as session:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.subject == f"ticket:{reference}")
        )
        return [(row.actor, row.action) for row in rows.scalars()]


def test_a_false_alarm_is_withdrawn_kept_audited_and_leaves_the_queue(database_url):
    queue = TicketQueue()
    raised = _urgent(queue, "resident")
    assert queue.withdraw_false_alarm(raised.reference)
    ticket = queue.get(raised.reference)
    assert ticket is not None and ticket.withdrawn and ticket.outcome
    assert raised.reference not in [t.reference for t in queue.queue()]
    assert queue.open_ticket_for("resident") is None
    assert _audit_actions(raised.reference) == [("resident", "ticket.withdraw")]
    assert not queue.claim(raised.reference, advisor_id=1)


def test_a_ticket_a_safety_rule_raised_is_never_withdrawn(database_url):
    queue = TicketQueue()
    raised = _urgent(queue, "resident", reason=f"{RULE_REASON_PREFIX}homeless")
    assert not queue.withdraw_false_alarm(raised.reference)
    assert queue.get(raised.reference).status == "open"
    assert _audit_actions(raised.reference) == []


def test_a_rule_matched_crisis_while_waiting_stops_a_false_alarm_being_withdrawn(database_url):
    queue = TicketQueue()
    raised = _urgent(queue, "resident")
    _urgent(queue, "resident", reason=f"{RULE_REASON_PREFIX}nowhere to sleep")
    assert queue.get(raised.reference).raised_by_rule
    assert not queue.withdraw_false_alarm(raised.reference)


def test_a_false_alarm_cannot_be_withdrawn_once_claimed_or_after_the_window(database_url):
    from datetime import timedelta

    from bot.storage.models import utcnow

    queue = TicketQueue()
    claimed = _urgent(queue, "claimed")
    queue.claim(claimed.reference, advisor_id=None)  # type: ignore[arg-type]
    assert not queue.withdraw_false_alarm(claimed.reference)
    late = _urgent(queue, "late")
    assert not queue.withdraw_false_alarm(
        late.reference, now=utcnow() + WITHDRAW_WINDOW + timedelta(seconds=1)
    )
    assert queue.withdraw_false_alarm(
        late.reference, now=utcnow() + WITHDRAW_WINDOW - timedelta(minutes=1)
    )


def test_only_urgent_tickets_can_be_withdrawn_as_false_alarms(database_url):
    queue = TicketQueue()
    normal = _raise(queue, "person", "request_human", Route.ADVISOR, Priority.NORMAL)
    assert not queue.withdraw_false_alarm(normal.reference)


def test_a_conversation_is_with_the_advisors_while_its_ticket_is_open_or_claimed(database_url):
    from sqlalchemy import exists, select

    from bot.records.tickets import with_advisors
    from bot.storage.engine import session_scope

    def paused(sender: str) -> bool:
        with session_scope() as session:
            return bool(session.execute(select(exists().where(with_advisors(sender)))).scalar())

    queue = TicketQueue()
    raised = _raise(queue, "resident", "request_human", Route.ADVISOR, Priority.NORMAL)
    assert paused("resident") and not paused("someone-else")
    ticket = queue.open_ticket_for("resident")
    assert ticket is not None and ticket.with_advisors
    from bot.records.advisor_accounts import AdvisorAccounts

    advisor = AdvisorAccounts().create("sam", "Sam", "correct horse battery")
    assert queue.claim(raised.reference, advisor)
    assert paused("resident")
    closed = queue.close(raised.reference, advisor, "Resolved")
    assert closed is not None and not closed.with_advisors
    assert not paused("resident")
    assert queue.open_ticket_for("resident") is None


def test_a_ticket_never_keeps_a_card_number_the_resident_typed(database_url):
    queue = TicketQueue()
    raised = queue.raise_ticket(
        channel="webchat",
        sender_id="card-sender",
        intent="request_human",
        route=Route.ADVISOR,
        priority=Priority.NORMAL,
        reason="test",
        summary="- can I pay with 4111 1111 1111 1111\n- account 51234567",
        form_values={"note": "sort code 12-34-56 account 12345678"},
        acting_for="AB123456C",
    )
    ticket = queue.get(raised.reference)
    assert ticket is not None
    assert ticket.summary == "- can I pay with [card number removed]\n- account 51234567"
    assert ticket.form_values == {
        "note": "sort code [bank details removed] account [bank details removed]"
    }
    assert ticket.acting_for == "[National Insurance number removed]"[:60]


def test_a_ticket_writes_insight_events_from_handoff_to_close_with_the_wait(database_url):
    from datetime import timedelta

    from sqlalchemy import select, update

    from bot.records.advisor_accounts import AdvisorAccounts
    from bot.storage.engine import session_scope
    from bot.storage.models import AnalyticsEvent, HandoffTicket, utcnow

    advisor = AdvisorAccounts().create("sam", "Sam", "a long enough password")
    queue = TicketQueue()
    raised = _raise(queue, "web-7", "request_human", Route.ADVISOR, Priority.NORMAL)
    _raise(queue, "web-7", "domestic_abuse", Route.URGENT_ADVISOR, Priority.URGENT)  # escalates
    with session_scope() as session:
        session.execute(update(HandoffTicket).values(created_at=utcnow() - timedelta(seconds=150)))
    assert queue.claim(raised.reference, advisor)
    queue.close(raised.reference, advisor, "Resolved")
    with session_scope() as session:
        rows = session.execute(select(AnalyticsEvent).order_by(AnalyticsEvent.id)).scalars().all()
        seen = [(r.kind, r.service, r.priority, r.reason, r.wait_seconds, r.outcome) for r in rows]
    assert seen[0] == ("handoff", "request_human", "normal", "asked for a person", None, None)
    assert seen[1] == ("handoff", "domestic_abuse", "urgent", "urgent topic", None, None)
    assert seen[2][0] == "crisis_detected"
    kind, _, priority, _, wait, _ = seen[3]
    assert (kind, priority) == ("advisor_claimed", "urgent") and 149 <= wait <= 152
    assert seen[4][0] == "ticket_closed" and seen[4][5] == "Resolved"
