"""How a status check describes a request: one describer per service, looked up in one registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from actions.bulky_items import money, pounds
from actions.formatting import day_and_date
from actions.forms.resident_answers import when
from bot.council.schedule import format_time

if TYPE_CHECKING:
    from bot.council import Council

STATUS_WORDS = {
    "received": "We've received it and passed it to the team.",
    "in_progress": "The team is working on it.",
    "completed": "It has been done.",
    "cancelled": "It was cancelled.",
}


@dataclass(frozen=True)
class StatusReply:
    """The parts of a status reply, in the order the resident reads them."""

    headline: str  # which request this is
    facts: tuple[str, ...] = ()  # what the resident told us, before the status
    status: str | None = None  # replaces the usual status words (a booked session)
    notes: tuple[str, ...] = ()  # what else they want to know, after the status
    promise: str | None = None  # what we promised and by when; said only while the request is open


#: (council, stored request, its service in services.yml) -> the reply's parts.
Describer = Callable[[Any, Any, Any], StatusReply]


def is_open(found: Any) -> bool:
    return found.status in ("received", "in_progress")


def status_words(found: Any) -> str:
    return STATUS_WORDS.get(found.status, f"Status: {found.status}.")


def describe(council: Council, found: Any) -> list[str]:
    """The lines of a status reply for any stored request."""
    service = council.service(found.service)
    reply = DESCRIBERS.get(found.service, _any_request)(council, found, service)
    lines = [reply.headline, *reply.facts, reply.status or status_words(found), *reply.notes]
    if is_open(found) and reply.promise:
        lines.append(reply.promise)
    return lines


def _at_address(found: Any, service: Any) -> str:
    return f"{service.name}, reference {found.reference}, at {found.address}."


def _aim_to_finish(found: Any) -> str:
    return f"We aim to finish it by {day_and_date(found.due_by)}."


def _any_request(council: Council, found: Any, service: Any) -> StatusReply:
    """Any service without a describer of its own."""
    return StatusReply(_at_address(found, service), promise=_aim_to_finish(found))


def _missed_bin(council: Council, found: Any, service: Any) -> StatusReply:
    """MB: the promise the report gave, to come back and collect the bin."""
    bin_type = council.bin_types.get(found.details.get("bin_type") or "")
    what = f"your {bin_type.name}" if bin_type else "it"
    return StatusReply(
        _at_address(found, service),
        promise=f"We'll collect {what} by {day_and_date(found.due_by)}.",
    )


def _bulky_waste(council: Council, found: Any, service: Any) -> StatusReply:
    """BW: the date is the one the resident chose, not a target."""
    promise = (
        f"Your collection is booked for {day_and_date(found.due_by)}."
        if found.details.get("collection_date")
        else _aim_to_finish(found)
    )
    return StatusReply(_at_address(found, service), promise=promise)


def _digital_session(council: Council, found: Any, service: Any) -> StatusReply:
    """DS: a booked session says when to come instead of a target date."""
    starts = found.details.get("starts_at")
    if not starts:
        return _any_request(council, found, service)
    booked = None
    if found.status == "received":
        begins = datetime.fromisoformat(starts)
        booked = (
            f"You're booked in for {day_and_date(begins.date())} at {format_time(begins.time())}. "
            "If you can't come, please call the venue so someone else can have the place."
        )
    return StatusReply(_at_address(found, service), status=booked)


def _bin_order(council: Council, found: Any, service: Any) -> StatusReply:
    """RB: which container, and that delivery waits for payment."""
    orders = council.bin_requests
    container = orders.container(found.details.get("bin_type") or "") if orders else None
    what = container.description if container else "bin"
    by = day_and_date(found.due_by)
    unpaid = found.details.get("paid") is False
    return StatusReply(
        f"{service.name}, reference {found.reference}: a {what} for {found.address}.",
        promise=f"We'll deliver it by {by} once it's paid for."
        if unpaid
        else f"We'll deliver it by {by}.",
    )


def _fly_tipping(council: Council, found: Any, service: Any) -> StatusReply:
    """FT: what was dumped, and when we aim to clear it."""
    tips = council.fly_tipping
    kind = tips.kind(found.details.get("kind") or "") if tips else None
    what = kind.name if kind else "fly-tipping"
    return StatusReply(
        f"{service.name}, reference {found.reference}: {what}, at {found.address}.",
        promise=f"We aim to clear it by {day_and_date(found.due_by)}.",
    )


def _street_problem(council: Council, found: Any, service: Any) -> StatusReply:
    """SP: the problem in the resident's words, and whether we make it safe or fix it."""
    what = found.details.get("what") or "a street problem"
    aim = "make it safe" if found.details.get("urgent") else "fix it"
    return StatusReply(
        f"{service.name}, reference {found.reference}: {what}, at {found.address}.",
        promise=f"We aim to {aim} by {day_and_date(found.due_by)}.",
    )


def _housing_repair(council: Council, found: Any, service: Any) -> StatusReply:
    """HR: which repair, and who to call if an emergency gets worse."""
    rules = council.housing_repairs
    details = found.details or {}
    kind = rules.kind(details.get("repair_kind")) if rules else None
    notes = []
    if kind is not None:
        room = f", {details['room'].lower()}" if details.get("room") else ""
        notes.append(f"Repair: {kind.name}{room}.")
    if is_open(found) and details.get("priority") == "emergency" and rules is not None:
        line = council.config.safety[rules.out_of_hours_line]
        notes.append(
            f"It's an emergency repair: we aim to make it safe {rules.emergency_timescale}. "
            f"If it gets worse, call {line.name} on {line.phone}."
        )
    return StatusReply(
        _at_address(found, service), notes=tuple(notes), promise=_aim_to_finish(found)
    )


def _parking_permit(council: Council, found: Any, service: Any) -> StatusReply:
    """PP: which permit, and the payment and evidence still needed."""
    rules = council.parking
    details = found.details or {}
    permit = rules.permit_type(details.get("permit_type")) if rules else None
    notes = []
    if permit is not None and rules is not None:
        zone = next((z for z in rules.zones if z.key == details.get("zone")), None)
        text = permit.name
        if details.get("vehicle_reg"):
            text += f" for {details['vehicle_reg']}"
        if zone is not None:
            text += f" in {zone.name}"
        notes.append(text + ".")
        if is_open(found) and not details.get("paid") and details.get("evidence_by"):
            price = pounds(money(details.get("price") or 0))
            notes.append(
                f"We need your payment ({price}) and evidence by "
                f"{day_and_date(date.fromisoformat(details['evidence_by']))}: {rules.evidence_upload}"
            )
    by = day_and_date(found.due_by)
    waiting = " once we have your payment and evidence" if not details.get("paid") else ""
    return StatusReply(
        _at_address(found, service),
        notes=tuple(notes),
        promise=f"We aim to post your permit by {by}{waiting}.",
    )


_MOVES = {
    "in": "moving into the area",
    "out": "moving out of the area",
    "within": "moving within the area",
}


def _council_tax_move(council: Council, found: Any, service: Any) -> StatusReply:
    """CM: the move the resident told us about, and which bill comes next."""
    details = found.details or {}
    move = details.get("move")
    facts: tuple[str, ...] = ()
    if move in _MOVES and details.get("move_date"):
        facts = (
            f"You told us you're {_MOVES[move]} on {when(details['move_date'])} ({found.address}).",
        )
    bill = "your final bill" if move == "out" else "your new bill"
    return StatusReply(
        f"{service.name}, reference {found.reference}.",
        facts=facts,
        promise=f"We'll send {bill} by {day_and_date(found.due_by)}.",
    )


def _council_tax_discount(council: Council, found: Any, service: Any) -> StatusReply:
    """CD: the discount asked for, and from when."""
    details = found.details or {}
    facts = (
        (f"You asked for it from {when(details['from_date'])}.",)
        if details.get("from_date")
        else ()
    )
    return StatusReply(
        f"Single person discount application, reference {found.reference}, for {found.address}.",
        facts=facts,
        promise=f"We'll write with our decision by {day_and_date(found.due_by)}.",
    )


def _benefits_change(council: Council, found: Any, service: Any) -> StatusReply:
    """BC: the change of circumstances and when it happened (no address: found by postcode)."""
    details = found.details or {}
    rules = council.benefits
    titles = {c.key: c.title for c in rules.changes} if rules else {}
    what = titles.get(str(details.get("change")), "a change")
    facts = (
        (f"You told us: {what}, from {when(details['change_date'])}.",)
        if details.get("change_date")
        else ()
    )
    return StatusReply(
        f"Change of circumstances for your benefits, reference {found.reference}.",
        facts=facts,
        promise=f"We'll write about your new entitlement by {day_and_date(found.due_by)}.",
    )


#: Service key (services.yml) -> its describer; services not listed read as ``_any_request``.
DESCRIBERS: dict[str, Describer] = {
    "missed_bin": _missed_bin,
    "bulky_waste": _bulky_waste,
    "assisted_digital": _digital_session,
    "request_bin": _bin_order,
    "fly_tipping": _fly_tipping,
    "street_problem": _street_problem,
    "housing_repair": _housing_repair,
    "parking_permit": _parking_permit,
    "council_tax_move": _council_tax_move,
    "council_tax_discount": _council_tax_discount,
    "benefits_change": _benefits_change,
}
