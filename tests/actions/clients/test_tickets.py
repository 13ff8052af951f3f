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
