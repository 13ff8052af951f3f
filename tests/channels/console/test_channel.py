"""The advisor console over HTTP: sign in, queue, claim, reply, close, register (channels/console/channel.py)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import pytest
import requests
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.council import get_council
from bot.intents import Priority, Route
from bot.records.advisor_accounts import AdvisorAccounts
from bot.records.support_register import SupportRegister
from bot.records.tickets import TicketQueue
from channels.console.channel import ConsoleInput
from channels.conversation_control import transcript
from channels.delivery import Delivery, register_delivery
from channels.handoff_gate import HandoffGate
from tests.e2e.console_client import ConsoleClient, sign_in
from tests.support.channel_app import RunningChannel, ScriptedBot
from tests.support.rasa_agent import InMemoryAgent

PASSWORD = "correct horse battery"
RESIDENT = "webchat-session-7"


class RecordingDelivery(Delivery):
    """The webchat's delivery as the console sees it: records what would reach the resident."""

    channel = "webchat"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []

    async def send(self, sender_id: str, text: str, *, sender: str = "advisor") -> None:
        self.sent.append((sender_id, text, sender))


@pytest.fixture
def console(sqlite_url) -> Iterator[tuple[RunningChannel, RecordingDelivery, InMemoryAgent]]:
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam", PASSWORD)
    accounts.create("alex", "Alex", PASSWORD)
    with RunningChannel(ConsoleInput.from_credentials(None), ScriptedBot()) as running:
        delivery, agent = RecordingDelivery(), InMemoryAgent()
        register_delivery(running.app, delivery)
        running.app.ctx.agent = agent
        yield running, delivery, agent


def waiting_ticket() -> str:
    raised = TicketQueue().raise_ticket(
        channel="webchat",
        sender_id=RESIDENT,
        intent="human_handoff",
        route=Route.ADVISOR,
        priority=Priority.NORMAL,
        reason="Asked for a person",
        summary="- my council tax bill is wrong",
        form_values={},
    )
    return raised.reference


async def assistant_answers_next(agent: InMemoryAgent) -> bool:
    """Whether the resident's next message goes to the assistant (through the handoff gate)."""
    received: list[str] = []

    async def assistant(message: UserMessage) -> None:
        received.append(message.text or "")

    message = UserMessage("thanks", CollectingOutputChannel(), RESIDENT, input_channel="webchat")
    held = await HandoffGate().handle(agent, assistant, message)
    return held is None and received == ["thanks"]


def test_a_signed_in_advisor_sees_the_waiting_tickets(console):
    running, _, _ = console
    reference = waiting_ticket()

    sam = ConsoleClient(running.base_url, "sam", PASSWORD)

    assert [ticket["reference"] for ticket in sam.queue()] == [reference]


def test_a_wrong_password_is_refused_and_nothing_is_shown_without_signing_in(console):
    running, _, _ = console
    waiting_ticket()

    wrong = sign_in(requests.Session(), running.base_url, "sam", "guess")
    page = requests.get(f"{running.base_url}/queue", allow_redirects=False, timeout=30)
    data = requests.get(f"{running.base_url}/queue.json", timeout=30)

    assert wrong.status_code == 401 and "That username and password" in wrong.text
    assert page.status_code == 303 and page.headers["Location"].endswith("/login")
    assert data.status_code == 401


def test_a_change_without_the_forms_token_is_refused(console):
    running, _, _ = console
    reference = waiting_ticket()
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)

    forged = sam.http.post(f"{running.base_url}/tickets/{reference}/claim", data={}, timeout=30)

    assert forged.status_code == 403
    assert TicketQueue().get(reference).status == "open"


def test_a_ticket_claimed_by_one_advisor_cannot_be_claimed_by_another(console):
    running, _, _ = console
    reference = waiting_ticket()
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)
    alex = ConsoleClient(running.base_url, "alex", PASSWORD)

    sam.claim(reference)
    late = alex.claim(reference)

    assert TicketQueue().get(reference).status == "claimed"
    assert "notice=taken" in late.url


def test_an_advisors_reply_reaches_the_resident_and_the_transcript(console):
    running, delivery, agent = console
    reference = waiting_ticket()
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)
    sam.claim(reference)

    sam.reply(reference, "Hello, I'm Sam. Let me look at your bill.")

    assert delivery.sent == [(RESIDENT, "Hello, I'm Sam. Let me look at your bill.", "advisor")]
    lines = sam.transcript(reference)["lines"]
    assert (lines[-1]["sender"], lines[-1]["name"]) == ("advisor", "Sam")


def test_only_the_advisor_holding_a_ticket_can_reply(console):
    running, delivery, _ = console
    reference = waiting_ticket()
    ConsoleClient(running.base_url, "sam", PASSWORD).claim(reference)
    alex = ConsoleClient(running.base_url, "alex", PASSWORD)

    refused = alex.reply(reference, "I'll take this one.")

    assert "notice=not-yours" in refused.url
    assert delivery.sent == []


def test_closing_a_ticket_hands_the_resident_back_to_the_assistant(console):
    running, delivery, agent = console
    reference = waiting_ticket()
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)
    sam.claim(reference)
    outcome = get_council().advisors.close_outcomes[0]

    sam.close(reference, outcome)

    assert TicketQueue().get(reference).status == "closed"
    assert asyncio.run(assistant_answers_next(agent)), "the assistant answers the resident again"
    assert delivery.sent[-1][2] == "system" and "automated assistant again" in delivery.sent[-1][1]
    assert (
        asyncio.run(transcript(agent, RESIDENT)) == []
    )  # the notice went by the channel, not Rasa


def test_a_ticket_is_not_closed_without_an_outcome(console):
    running, _, _ = console
    reference = waiting_ticket()
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)
    sam.claim(reference)

    refused = sam.close(reference, "")

    assert "notice=need-outcome" in refused.url
    assert TicketQueue().get(reference).status == "claimed"


def test_a_resident_is_added_to_the_register_only_when_every_criterion_is_confirmed(console):
    running, _, _ = console
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)
    everything = {"no_online": "on", "no_library": "on", "no_helper": "on"}

    missing = sam.post("/register", label="Mrs Example", phone="07700 900123", no_online="on")
    added = sam.post("/register", label="Mrs Example", phone="07700 900123", **everything)

    assert "notice=invalid" in missing.url and "notice=added" in added.url
    assert SupportRegister().is_registered("twilio_sms", "+447700900123")


def test_an_advisors_redirect_to_a_ticket_never_reaches_the_next_visitor(console):
    running, _, _ = console
    reference = waiting_ticket()
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)

    claimed = sam.claim(reference)
    anonymous = requests.get(f"{running.base_url}/login", allow_redirects=False, timeout=30)

    assert claimed.url.endswith(f"/tickets/{reference}")
    assert anonymous.status_code == 200
    assert "Location" not in anonymous.headers
    assert reference not in str(anonymous.headers)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/webhooks/console/no-such-page", 404),
        ("GET", "/no-such-page", 404),
        ("GET", "/webhooks/console/static/no-such-file.js", 404),
        ("PUT", "/webhooks/console/login", 405),
    ],
)
def test_sanics_own_error_pages_carry_the_security_headers(console, method, path, status):
    running, _, _ = console
    root = running.base_url.removesuffix("/webhooks/console")

    page = requests.request(method, f"{root}{path}", allow_redirects=False, timeout=30)

    assert page.status_code == status
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "no-referrer"


def test_the_sign_in_form_carries_a_csrf_token_and_a_post_without_it_signs_nobody_in(console):
    running, _, _ = console
    browser = requests.Session()
    form = browser.get(f"{running.base_url}/login", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token, "the sign-in form has no CSRF token"
    details = {"username": "sam", "password": PASSWORD}

    no_token = browser.post(f"{running.base_url}/login", data=details, allow_redirects=False,
                            timeout=30)  # fmt: skip
    other_site = requests.post(  # another site's form: the strict cookie is not sent
        f"{running.base_url}/login", data={**details, "csrf_token": token.group(1)},
        allow_redirects=False, timeout=30,
    )  # fmt: skip
    fresh_form = browser.get(f"{running.base_url}/login", timeout=30)
    fresh_token = re.search(r'name="csrf_token" value="([^"]+)"', fresh_form.text).group(1)
    signed_in = browser.post(f"{running.base_url}/login", data={**details, "csrf_token": fresh_token},
                             allow_redirects=False, timeout=30)  # fmt: skip

    assert no_token.status_code == 403 and "councilbot_console" not in no_token.cookies
    assert other_site.status_code == 403 and "councilbot_console" not in other_site.cookies
    assert signed_in.status_code == 303 and signed_in.headers["Location"].endswith("/queue")
    assert "SameSite=Strict" in form.headers["Set-Cookie"]


def test_reading_a_tickets_transcript_is_audited_once_not_on_every_refresh(console):
    from sqlalchemy import select

    from bot.storage.engine import session_scope
    from bot.storage.models import AuditEvent

    running, _, _ = console
    reference = waiting_ticket()
    sam = ConsoleClient(running.base_url, "sam", PASSWORD)

    for _ in range(3):  # the ticket page refreshes it every 2 seconds
        sam.transcript(reference)

    with session_scope() as session:
        events = session.execute(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.subject)
        ).all()
    assert [tuple(e) for e in events if e.action == "ticket.transcript"] == [
        ("sam", "ticket.transcript", f"ticket:{reference}")
    ]
