"""The advisor console, served by the Rasa server under /webhooks/console/: queue, tickets, register."""

from __future__ import annotations

import hmac
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot import handoff_messages
from bot.council import get_council
from bot.records.insight_figures import contact_costs
from bot.records.support_register import SupportRegister, identities, normalise_uk_phone
from bot.records.tickets import TicketQueue, TicketView
from bot.settings import Environment as Env
from bot.settings import Settings, get_settings
from bot.storage import audit
from bot.storage.engine import session_scope
from channels import conversation_control
from channels.client_address import request_client_address
from channels.console import accounts, insight
from channels.console_auth import AdvisorAccounts, SignedIn, SignInThrottle
from channels.delivery import DeliveryError, delivery_for
from channels.security_headers import fresh, install_fallback_headers

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
STATIC_FILES = {
    "console.js": "text/javascript; charset=utf-8",
    "console.css": "text/css; charset=utf-8",
}
COOKIE = "councilbot_console"
LOGIN_COOKIE = "councilbot_login_csrf"
BASE = "/webhooks/console"
MAX_REPLY_CHARS = 2000
READ_AUDIT_EVERY_S = 300.0
SECURITY_HEADERS: Mapping[str, str] = MappingProxyType(
    {
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Frame-Options": "DENY",
    }
)
CRITERIA = {
    "no_online": "cannot get online",
    "no_library": "cannot reasonably get help at a library",
    "no_helper": "has no one to help them",
}


def _templates() -> Environment:
    # Autoescape everywhere: everything a resident wrote is shown as text, never as HTML.
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _waiting(minutes: int) -> str:
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


def ticket_json(ticket: TicketView) -> dict[str, Any]:
    """What the live queue shows for a ticket (no identifiers beyond the channel)."""
    return {
        "reference": ticket.reference,
        "priority": ticket.priority,
        "topic": ticket.intent.replace("_", " "),
        "reason": ticket.reason,
        "channel": ticket.channel,
        "status": ticket.status,
        "claimed_by": ticket.claimed_by,
        "position": ticket.position,
        "acting_for": ticket.acting_for,
        "waiting": _waiting(ticket.waiting_minutes()),
        "created_at": ticket.created_at.isoformat(),
    }


class ConsoleInput(InputChannel):
    """Not a resident channel: Rasa mounts it so the console shares the server and its agent."""

    @classmethod
    def name(cls) -> str:
        return "console"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(get_settings())

    def __init__(self, settings: Settings) -> None:
        self.accounts = AdvisorAccounts()
        self.tickets = TicketQueue()
        self.register = SupportRegister()
        self.throttle = SignInThrottle(settings)
        self.trusted_proxies = settings.trusted_proxies
        self.council = get_council(settings.council_dir)
        self.secure_cookie = settings.environment is Env.PRODUCTION
        self.templates = _templates()
        self._reads_audited: dict[tuple[str, str, str], float] = {}
        self.costs = contact_costs(settings.council_dir)
        self.security_headers = SECURITY_HEADERS

    # Helpers -------------------------------------------------------------

    def _page(self, name: str, status: int = 200, **values: Any) -> HTTPResponse:
        html = self.templates.get_template(name).render(
            council=self.council.name, base=BASE, **values
        )
        return response.html(html, status=status, headers=fresh(SECURITY_HEADERS))

    def _signed_in(self, request: Request) -> SignedIn | None:
        return self.accounts.session(request.cookies.get(COOKIE))

    @staticmethod
    def _redirect(path: str) -> HTTPResponse:
        return response.redirect(f"{BASE}{path}", status=303, headers=fresh(SECURITY_HEADERS))

    @staticmethod
    def _csrf_ok(request: Request, advisor: SignedIn) -> bool:
        sent = request.form.get("csrf_token", "") if request.form else ""
        return bool(sent) and hmac.compare_digest(sent, advisor.csrf_token)

    def _guard(self, request: Request, change: bool = False) -> SignedIn | HTTPResponse:
        """The signed-in advisor, or the response to send instead (sign-in page, 403)."""
        try:
            advisor = self._signed_in(request)
        except SQLAlchemyError:
            logger.exception("console: database unavailable")
            return self._page(
                "error.html", 503, message="The database is not available. Try again shortly."
            )
        if advisor is None:
            if change or request.path.endswith(".json"):
                return response.json(
                    {"error": "Please sign in again."}, status=401, headers=fresh(SECURITY_HEADERS)
                )
            return self._redirect("/login")
        if change and not self._csrf_ok(request, advisor):
            return self._page(
                "error.html", 403, advisor=advisor,
                message="This form has expired. Go back, reload the page and try again.",
            )  # fmt: skip
        return advisor

    # Routes ----------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        console = Blueprint("advisor_console", __name__)

        @console.listener("before_server_start")
        async def headers_everywhere(app: Any, _loop: Any) -> None:
            install_fallback_headers(app)

        @console.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @console.route("/static/<filename>", methods=["GET"])
        async def static(_: Request, filename: str) -> HTTPResponse:
            if filename not in STATIC_FILES:
                return response.json(
                    {"error": "Not found."}, status=404, headers=fresh(SECURITY_HEADERS)
                )
            return await response.file(
                STATIC_DIR / filename,
                mime_type=STATIC_FILES[filename],
                headers=fresh(SECURITY_HEADERS),
            )

        @console.route("/login", methods=["GET"])
        async def login_page(_: Request) -> HTTPResponse:
            return self._login_page()

        @console.route("/login", methods=["POST"])
        async def login(request: Request) -> HTTPResponse:
            return self._login(request)

        @console.route("/logout", methods=["POST"])
        async def logout(request: Request) -> HTTPResponse:
            advisor = self._guard(request, change=True)
            if isinstance(advisor, HTTPResponse):
                return advisor
            self.accounts.sign_out(request.cookies.get(COOKIE))
            reply = self._redirect("/login")
            reply.cookies[COOKIE] = ""
            reply.cookies[COOKIE]["max-age"] = 0
            reply.cookies[COOKIE]["path"] = BASE
            return reply

        @console.route("/queue", methods=["GET"])
        async def queue_page(request: Request) -> HTTPResponse:
            advisor = self._guard(request)
            if isinstance(advisor, HTTPResponse):
                return advisor
            tickets = [ticket_json(t) for t in self.tickets.queue()]
            return self._page(
                "queue.html", advisor=advisor, tickets=tickets, notice=request.args.get("notice")
            )

        @console.route("/queue.json", methods=["GET"])
        async def queue_json(request: Request) -> HTTPResponse:
            advisor = self._guard(request)
            if isinstance(advisor, HTTPResponse):
                return advisor
            return response.json(
                {"tickets": [ticket_json(t) for t in self.tickets.queue()]},
                headers=fresh(SECURITY_HEADERS),
            )

        @console.route("/tickets/<reference>", methods=["GET"])
        async def ticket_page(request: Request, reference: str) -> HTTPResponse:
            return await self._ticket_page(request, reference)

        @console.route("/tickets/<reference>/transcript.json", methods=["GET"])
        async def ticket_transcript(request: Request, reference: str) -> HTTPResponse:
            advisor = self._guard(request)
            if isinstance(advisor, HTTPResponse):
                return advisor
            ticket = self.tickets.get(reference)
            if ticket is None:
                return response.json(
                    {"error": "No such ticket."}, status=404, headers=fresh(SECURITY_HEADERS)
                )
            self._audit_read(advisor, "ticket.transcript", f"ticket:{reference}")
            lines = await conversation_control.transcript(request.app.ctx.agent, ticket.sender_id)
            return response.json(
                {
                    "status": ticket.status,
                    "lines": [
                        {
                            "sender": line.sender,
                            "name": line.name,
                            "text": line.text,
                            "at": line.at.isoformat(),
                        }
                        for line in lines
                    ],
                },
                headers=fresh(SECURITY_HEADERS),
            )

        @console.route("/tickets/<reference>/claim", methods=["POST"])
        async def claim(request: Request, reference: str) -> HTTPResponse:
            advisor = self._guard(request, change=True)
            if isinstance(advisor, HTTPResponse):
                return advisor
            if not self.tickets.claim(reference, advisor.advisor_id):
                ticket = self.tickets.get(reference)
                # The resident took back a false alarm before anyone claimed it.
                notice = "withdrawn" if ticket is not None and ticket.withdrawn else "taken"
                return self._redirect(f"/queue?notice={notice}")
            self._audit(advisor, "ticket.claim", f"ticket:{reference}")
            return self._redirect(f"/tickets/{reference}")

        @console.route("/tickets/<reference>/reply", methods=["POST"])
        async def reply(request: Request, reference: str) -> HTTPResponse:
            return await self._reply(request, reference)

        @console.route("/tickets/<reference>/close", methods=["POST"])
        async def close(request: Request, reference: str) -> HTTPResponse:
            return await self._close(request, reference)

        @console.route("/register", methods=["GET"])
        async def register_page(request: Request) -> HTTPResponse:
            advisor = self._guard(request)
            if isinstance(advisor, HTTPResponse):
                return advisor
            entries = self.register.entries(advisor.username)
            return self._page(
                "register.html", advisor=advisor, entries=entries, criteria=CRITERIA,
                notice=request.args.get("notice"),
            )  # fmt: skip

        @console.route("/register", methods=["POST"])
        async def register_add(request: Request) -> HTTPResponse:
            return self._register_add(request)

        @console.route("/register/<entry_id:int>/remove", methods=["POST"])
        async def register_remove(request: Request, entry_id: int) -> HTTPResponse:
            advisor = self._guard(request, change=True)
            if isinstance(advisor, HTTPResponse):
                return advisor
            removed = self.register.remove(entry_id, advisor.username)
            return self._redirect(f"/register?notice={'removed' if removed else 'missing'}")

        insight.add_routes(console, self)
        accounts.add_routes(console, self)
        return console

    # Actions -------------------------------------------------------------------

    def _audit(self, advisor: SignedIn, action: str, subject: str) -> None:
        with session_scope() as session:
            audit.record(session, advisor.username, action, subject)

    def _audit_read(self, advisor: SignedIn, action: str, subject: str) -> None:
        """Audit a read the page repeats every few seconds: once per advisor, subject and
        READ_AUDIT_EVERY_S in this process, so the log says who read what without flooding."""
        key = (advisor.username, action, subject)
        now = time.monotonic()
        if now - self._reads_audited.get(key, -READ_AUDIT_EVERY_S) < READ_AUDIT_EVERY_S:
            return
        self._audit(advisor, action, subject)
        self._reads_audited[key] = now

    def _login_page(self, status: int = 200, **values: Any) -> HTTPResponse:
        """The sign-in form with a fresh CSRF token, kept in a strict cookie for its POST."""
        token = secrets.token_urlsafe(32)
        page = self._page("login.html", status, csrf_token=token, **values)
        page.cookies[LOGIN_COOKIE] = token
        cookie = page.cookies[LOGIN_COOKIE]
        cookie["httponly"] = True
        cookie["samesite"] = "Strict"
        cookie["path"] = f"{BASE}/login"
        cookie["secure"] = self.secure_cookie
        return page

    @staticmethod
    def _login_csrf_ok(request: Request) -> bool:
        """The form's token matches the cookie set with the form (another site can send neither)."""
        sent = (request.form.get("csrf_token") or "") if request.form else ""
        expected = request.cookies.get(LOGIN_COOKIE) or ""
        return bool(sent and expected) and hmac.compare_digest(sent, expected)

    def _login(self, request: Request) -> HTTPResponse:
        if not self._login_csrf_ok(request):
            return self._login_page(
                403, error="This sign-in form has expired. Please enter your details again."
            )
        username = (request.form.get("username") or "") if request.form else ""
        password = (request.form.get("password") or "") if request.form else ""
        address = request_client_address(request, self.trusted_proxies)
        try:
            if not self.throttle.attempt(username, address):
                return self._login_page(
                    429,
                    error=f"Too many attempts. Wait {self.throttle.lockout_minutes} minutes "
                    "or ask your team leader.",
                )
            try:
                token = self.accounts.sign_in(username, password)
            except SQLAlchemyError:
                self.throttle.abandoned(username, address)
                raise
            if token is None:
                return self._login_page(401, error="That username and password don't match.")
            self.throttle.succeeded(username, address)
        except SQLAlchemyError:
            logger.exception("console: sign-in failed: database unavailable")
            return self._login_page(503, error="The database is not available. Try again shortly.")
        reply = self._redirect("/queue")
        reply.cookies[COOKIE] = token
        cookie = reply.cookies[COOKIE]
        cookie["httponly"] = True
        cookie["samesite"] = "Strict"
        cookie["path"] = BASE
        cookie["secure"] = self.secure_cookie
        return reply

    async def _ticket_page(self, request: Request, reference: str) -> HTTPResponse:
        advisor = self._guard(request)
        if isinstance(advisor, HTTPResponse):
            return advisor
        ticket = self.tickets.get(reference)
        if ticket is None:
            return self._page(
                "error.html",
                404,
                advisor=advisor,
                message="There is no ticket with that reference.",
            )
        self._audit(advisor, "ticket.view", f"ticket:{reference}")
        lines = await conversation_control.transcript(request.app.ctx.agent, ticket.sender_id)
        return self._page(
            "ticket.html",
            advisor=advisor,
            ticket=ticket,
            info=ticket_json(ticket),
            lines=lines,
            mine=ticket.status == "claimed" and ticket.claimed_by_id == advisor.advisor_id,
            canned=self.council.advisors.canned_replies,
            outcomes=self.council.advisors.close_outcomes,
            notice=request.args.get("notice"),
        )

    def _held_by(self, advisor: SignedIn, reference: str) -> TicketView | None:
        ticket = self.tickets.get(reference)
        if (
            ticket is None
            or ticket.status != "claimed"
            or ticket.claimed_by_id != advisor.advisor_id
        ):
            return None
        return ticket

    async def _reply(self, request: Request, reference: str) -> HTTPResponse:
        advisor = self._guard(request, change=True)
        if isinstance(advisor, HTTPResponse):
            return advisor
        ticket = self._held_by(advisor, reference)
        if ticket is None:
            return self._redirect(f"/tickets/{reference}?notice=not-yours")
        text = (request.form.get("text") or "").strip()
        if not text or len(text) > MAX_REPLY_CHARS:
            return self._redirect(f"/tickets/{reference}?notice=reply-length")
        try:
            await delivery_for(request.app, ticket.channel).send(
                ticket.sender_id, text, sender="advisor"
            )
        except DeliveryError as error:
            logger.warning("console: reply not delivered on %s: %s", ticket.channel, error)
            return self._redirect(f"/tickets/{reference}?notice=not-delivered")
        await conversation_control.add_advisor_message(
            request.app.ctx.agent, ticket.sender_id, text, advisor.display_name
        )
        self._audit(advisor, "ticket.reply", f"ticket:{reference}")
        return self._redirect(f"/tickets/{reference}")

    async def _close(self, request: Request, reference: str) -> HTTPResponse:
        advisor = self._guard(request, change=True)
        if isinstance(advisor, HTTPResponse):
            return advisor
        outcome = (request.form.get("outcome") or "").strip()
        if outcome not in self.council.advisors.close_outcomes:
            return self._redirect(f"/tickets/{reference}?notice=need-outcome")
        closed = self.tickets.close(reference, advisor.advisor_id, outcome)
        if closed is None:
            return self._redirect(f"/tickets/{reference}?notice=not-yours")
        self._audit(advisor, "ticket.close", f"ticket:{reference}")
        await conversation_control.follow_ticket(request.app.ctx.agent, closed)
        try:
            await delivery_for(request.app, closed.channel).send(
                closed.sender_id, handoff_messages.resumed_text(self.council), sender="system"
            )
        except DeliveryError as error:
            logger.warning("console: closing notice not delivered on %s: %s", closed.channel, error)
        return self._redirect("/queue?notice=closed")

    def _register_add(self, request: Request) -> HTTPResponse:
        advisor = self._guard(request, change=True)
        if isinstance(advisor, HTTPResponse):
            return advisor
        form = request.form or {}
        label = (form.get("label") or "").strip()
        phone = normalise_uk_phone(form.get("phone") or "")
        met = [text for key, text in CRITERIA.items() if form.get(key)]
        if not label or phone is None or len(met) != len(CRITERIA):
            return self._redirect("/register?notice=invalid")
        self.register.register(
            identities("twilio_sms", phone),
            label=f"{label} (…{phone[-3:]})",
            reason="Advisor confirmed: " + "; ".join(met),
            added_by=advisor.username,
        )
        return self._redirect("/register?notice=added")
