"""Tell us you are moving (council tax): in, out or within the area, the date, the addresses, the account."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.formatting import CHECK_A_REQUEST, SEND_OR_NOT, button, day_and_date
from actions.forms.opening_message import opening_message
from actions.forms.repair import DATE_WORDS
from actions.forms.resident_answers import (
    DONT_KNOW_BUTTON,
    account_question,
    account_words,
    address_problem,
    person,
    read_address,
    says_stop,
    stop_form,
    validate_account,
    validate_confirm,
    validate_date,
    when,
)
from actions.forms.spoken_dates import check_date
from actions.forms.validation import ResidentFormValidation
from actions.request_store import store_request

SERVICE = "council_tax_move"
MOVE_SLOTS = (
    "ctax_move_kind",
    "ctax_move_date",
    "ctax_old_address",
    "ctax_new_address",
    "ctax_account",
    "ctax_move_confirm",
)
KINDS = {
    "in": "moving into the area",
    "out": "moving out of the area",
    "within": "moving within the area",
}
KIND_BUTTONS = [
    button("Moving into the area", "Moving into the area"),
    button("Moving out of the area", "Moving out of the area"),
    button("Moving within the area", "Moving within the area"),
]
_WITHIN = re.compile(
    r"\b(within|another (address|house|home|flat) in|same (area|borough|council)|still in the area)\b"
)
_OUT = re.compile(r"\b(mov(e|ed|ing) (out|away)|leaving|out of the (area|borough)|forwarding)\b")
_IN = re.compile(r"\b(mov(e|ed|ing) in(to)?|new to the area|(moving|moved) (here|to the area))\b")


def read_kind(text: str) -> str | None:
    """ "moving out", "I've moved into the area", "moving within Example Borough" -> out / in / within."""
    words = " ".join(str(text or "").lower().split())
    if _WITHIN.search(words):
        return "within"
    if _OUT.search(words):
        return "out"
    if _IN.search(words):
        return "in"
    return None


def _needs_old_address(kind: str | None) -> bool:
    return kind in ("out", "within")


def _needs_account(kind: str | None) -> bool:
    return kind in ("out", "within")  # someone moving into the area has no account with us yet


def _in_area_address(kind: str, old: str | None, new: str | None) -> str | None:
    """The address in our area the account is about: the one left behind when moving out."""
    return old if kind == "out" else new


def _is_local(postcode: str | None) -> bool:
    record = context.postcodes().lookup(postcode) if postcode else None
    return record is not None and record.local_authority == context.council().ons_code


class ValidateCouncilTaxMoveForm(ResidentFormValidation):
    """Checks the kind of move, the date (council limits), the addresses and the account number."""

    def name(self) -> str:
        return "validate_council_tax_move_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        kind = tracker.get_slot("ctax_move_kind")
        return [
            slot
            for slot in domain_slots
            if not (slot == "ctax_old_address" and not _needs_old_address(kind))
            and not (slot == "ctax_account" and not _needs_account(kind))
        ]

    async def extract_ctax_move_kind(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # "I'm moving out of the borough" says which on the opening message.
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("ctax_move_kind"):
            kind = read_kind(tracker.latest_message.get("text") or "")
            if kind:
                return {"ctax_move_kind": kind}
        return {}

    async def extract_ctax_move_date(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # "I moved out on the 3rd of March" gives the date on the opening message too; only a
        # date that reads cleanly and is within the council's window is taken.
        if opening_message(tracker) and not tracker.get_slot("ctax_move_date"):
            rules = context.council().council_tax
            text = tracker.latest_message.get("text") or ""
            if rules is not None and DATE_WORDS.search(text):
                window = rules.moving
                check = check_date(
                    text, context.today(), window.earliest_days_ago, window.latest_days_ahead
                )
                if check.problem is None and check.day is not None:
                    return {"ctax_move_date": check.day.isoformat()}
        return {}

    def validate_ctax_move_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value in KINDS:
            return {"ctax_move_kind": value}
        kind = read_kind(str(value or ""))
        if kind:
            return {"ctax_move_kind": kind}
        if says_stop(tracker, value):
            return stop_form(dispatcher, {"ctax_move_kind": None})
        dispatcher.utter_message(
            text="Sorry, I didn't catch that. Please choose one.", buttons=KIND_BUTTONS
        )
        return {"ctax_move_kind": None}

    def validate_ctax_move_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        rules = context.council().council_tax
        assert rules is not None
        phone = context.council().config.contact.phone
        return validate_date(
            "ctax_move_date",
            value,
            dispatcher,
            tracker,
            rules.moving,
            "moving date",
            f"For a move longer ago, please talk to a person or call us on {phone}.",
            "Please tell us nearer the time.",
        )

    def validate_ctax_old_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if says_stop(tracker, value):
            return stop_form(dispatcher, {"ctax_old_address": None})
        found = read_address(value, "council tax", in_area=True)
        if found.text is None:
            return address_problem(dispatcher, "ctax_old_address", found)
        return {"ctax_old_address": found.text}

    def validate_ctax_new_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if says_stop(tracker, value):
            return stop_form(dispatcher, {"ctax_new_address": None})
        kind = tracker.get_slot("ctax_move_kind")
        # Someone moving into the area must give an address here; otherwise any real address will do.
        found = read_address(value, "council tax", in_area=kind == "in")
        if found.text is None:
            return address_problem(dispatcher, "ctax_new_address", found)
        if found.text == tracker.get_slot("ctax_old_address"):
            dispatcher.utter_message(text="That's the address you're leaving. What's the new one?")
            return {"ctax_new_address": None}
        local = _is_local(found.postcode)
        if kind == "out" and local:
            dispatcher.utter_message(
                text="That address is in our area, so I'll record this as a move within the area."
            )
            return {"ctax_new_address": found.text, "ctax_move_kind": "within"}
        if kind == "within" and not local:
            dispatcher.utter_message(
                text="That address is outside our area, so I'll record this as moving out of the area. "
                "We'll send your final bill there."
            )
            return {"ctax_new_address": found.text, "ctax_move_kind": "out"}
        return {"ctax_new_address": found.text}

    def validate_ctax_account(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return validate_account(value, dispatcher, tracker)

    def validate_ctax_move_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return validate_confirm("ctax_move_confirm", value, dispatcher, tracker)


class ActionAskMoveKind(Action):
    """Opens the move by asking which kind, as buttons."""

    def name(self) -> str:
        return "action_ask_ctax_move_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"I can update {person(tracker).possessive} council tax for the move. "
            f"{person(tracker).is_.capitalize()} moving into the area, out of it, or to another address in the area?",
            buttons=KIND_BUTTONS,
        )
        return []


class ActionAskMoveDate(Action):
    """Asks for the moving date, with examples of what can be typed."""

    def name(self) -> str:
        return "action_ask_ctax_move_date"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        kind = tracker.get_slot("ctax_move_kind")
        moving = {"in": "in", "out": "out"}.get(kind, "")
        dispatcher.utter_message(
            text=f"What date {person(tracker).is_} moving{' ' + moving if moving else ''}? "
            "For example: 12/01/2027, 1st March, next Friday or today."
        )
        return []


class ActionAskOldAddress(Action):
    """Asks for the address being left (in our area)."""

    def name(self) -> str:
        return "action_ask_ctax_old_address"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"What's the address {person(tracker).they_are} leaving? Please include the postcode, "
            "for example: 12 Tamar Close, PL2 1AB."
        )
        return []


class ActionAskNewAddress(Action):
    """Asks for the new address; when moving out it is the forwarding address, which can be anywhere."""

    def name(self) -> str:
        return "action_ask_ctax_new_address"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("ctax_move_kind") == "out":
            text = (
                f"What's {person(tracker).possessive} new address, with the postcode? It can be anywhere in the UK: "
                "we'll send your final bill there."
            )
        else:
            text = (
                f"What's {person(tracker).possessive} new address in the area? Please include the postcode, "
                "for example: 12 Tamar Close, PL2 1AB."
            )
        dispatcher.utter_message(text=text)
        return []


class ActionAskAccount(Action):
    """Asks for the council tax account number, which residents may not know."""

    def name(self) -> str:
        return "action_ask_ctax_account"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=account_question(person(tracker).possessive), buttons=[DONT_KNOW_BUTTON]
        )
        return []


def move_summary(tracker: Tracker) -> str:
    kind = tracker.get_slot("ctax_move_kind")
    who = person(tracker).they_are
    lines = [
        f"{who[0].upper()}{who[1:]} {KINDS.get(kind, 'moving')} on {when(tracker.get_slot('ctax_move_date'))}."
    ]
    if _needs_old_address(kind):
        lines.append(f"Leaving: {tracker.get_slot('ctax_old_address')}")
    label = "Forwarding address" if kind == "out" else "New address"
    lines.append(f"{label}: {tracker.get_slot('ctax_new_address')}")
    if _needs_account(kind):
        lines.append(f"Account number: {account_words(tracker.get_slot('ctax_account'))}")
    return "\n".join(lines)


class ActionAskMoveConfirm(Action):
    """Reads the move back and asks to send it."""

    def name(self) -> str:
        return "action_ask_ctax_move_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"Here's what I'll send to the council tax team:\n{move_summary(tracker)}\nIs that right?",
            buttons=SEND_OR_NOT,
        )
        return []


class ActionSubmitCouncilTaxMove(Action):
    """Stores the move once, and gives the reference and when the new bill will come."""

    def name(self) -> str:
        return "action_submit_council_tax_move"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        council = context.council()
        clear = [SlotSet(slot, None) for slot in MOVE_SLOTS]
        kind = tracker.get_slot("ctax_move_kind")
        moved = tracker.get_slot("ctax_move_date")
        old = tracker.get_slot("ctax_old_address") if _needs_old_address(kind) else None
        new = tracker.get_slot("ctax_new_address")
        here = _in_area_address(kind, old, new) if kind in KINDS else None
        if not here or not moved or not new or tracker.get_slot("ctax_move_confirm") is not True:
            return clear  # the form was stopped early; the reason was already given
        account = tracker.get_slot("ctax_account") if _needs_account(kind) else None
        service = council.service(SERVICE)
        postcode = here.rsplit(", ", 1)[-1]
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=postcode,
            address=here,
            due_by=council.add_working_days(context.today(), service.timescale_working_days),
            # Kind, date and both addresses are what the team needs to close or open the account.
            details={
                "move": kind,
                "move_date": moved,
                "old_address": old,
                "new_address": new,
                "account_number": account if account and account != "unknown" else None,
                # Who told us, when a relative or carer reported it for the resident.
                "acting_for": tracker.get_slot("acting_for"),
            },
            same_job=[kind, moved, old or "", new],
            what="send this",
        )
        if stored is None:
            return clear
        bill = "your final bill" if kind == "out" else "your new bill"
        if stored.created_now:
            text = (
                f"Thank you. I've told the council tax team you're {KINDS[kind]} on {when(moved)}.\n"
                f"Your reference is {stored.reference}.\n"
                f"{service.what_happens_next} We'll send {bill} by {day_and_date(stored.due_by)}. "
                "Please keep paying as you do now until it comes.\n"
                f"To check on it, you'll need the reference and the postcode {postcode}."
            )
        else:
            text = (
                f"You've already told us about this move, so I haven't sent it twice. The reference is "
                f"{stored.reference} and we'll send {bill} by {day_and_date(stored.due_by)}."
            )
        dispatcher.utter_message(
            text=text,
            buttons=[
                CHECK_A_REQUEST,
                button("Report a change to my benefits", "/benefits_change_of_circumstances"),
            ],
        )
        return clear
