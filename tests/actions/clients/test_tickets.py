"""The advisor queue orders tickets by priority, then by how long people have waited."""

from __future__ import annotations

from actions.clients.tickets import TicketQueue
from bot.intents import Priority, Route


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
    from channels.console_auth import AdvisorAccounts

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
    assert closed is not None and closed.status == "closed" and closed.outcome == "Resolved in the chat"
    assert queue.open_ticket_for("a") is None
    assert [t.reference for t in queue.queue()] == [second.reference]
