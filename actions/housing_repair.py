"""Report a repair to a council home: tenancy, what and where, emergency triage, access, phone, address, confirm."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.digital_help import SMS_CHANNEL
from actions.formatting import CHECK_A_REQUEST, TALK_TO_A_PERSON, day_and_date
from actions.forms.address_questions import AddressQuestions, home_address, street_at
from actions.forms.opening_message import opening_message
from actions.forms.validation import ResidentFormValidation
from actions.handoff import conversation_summary
from actions.information import StartFormOrAnswer
from actions.request_store import channel_of, store_request
from bot.council.housing import COUNCIL_TENANCY
from bot.intents import Priority, Route
from bot.phone_numbers import read_uk_phone

if TYPE_CHECKING:
    from bot.council import Council
    from bot.council.housing import HousingRepairs

logger = logging.getLogger(__name__)

SERVICE = "housing_repair"
_COUNCIL_HOME = re.compile(
    r"\bcouncil (flat|house|home|property|bungalow|maisonette|tenant|tenancy)\b"
    r"|\brent (it |my (flat|house|home) )?from the council\b|\bi'?m a council tenant\b",
    re.IGNORECASE,
)
INTENT = "report_housing_repair"
REPAIR_SLOTS = (
    "repair_tenancy",
    "repair_kind",
    "repair_room",
    "repair_description",
    "repair_check",
    "repair_access",
    "repair_phone",
    "repair_confirm",
)
ADDRESS_SLOTS = ("postcode", "street", "house")
EMERGENCY, ROUTINE = "emergency", "routine"
#: repair_phone when no number is needed: on SMS we already have it; "none" if they chose not to give one.
FROM_SMS, NO_PHONE = "from sms", "none"
MAX_ROOM_CHARS = 40
MIN_DESCRIPTION_CHARS = 5
_YES = re.compile(
    r"^\s*(yes|yeah|yep|yup|y|it is|there is|there are|they are|correct|i think so)\b", re.I
)
_NO = re.compile(
    r"^\s*(no|nope|nah|n|not really|it isn't|it is not|there isn't|nobody|no one)\b", re.I
)
_SKIP = re.compile(
    r"^\s*(skip|no|none|no thanks|no thank you|rather not|i'd rather not|don't have one)\b", re.I
)
#: On the two questions where "no" is an answer, these words still stop the report.
_STOP = re.compile(r"^\s*(cancel|stop|quit|forget it|never ?mind)\b", re.I)


def uk_phone(text: str) -> str | None:
    """A UK landline or mobile number, written 01632 960123 or 07700 900123; None if it is not one."""
    found = read_uk_phone(text)
    return found.national if found else None


def repair_rules() -> Any:
    """The council's housing repairs data (housing_repairs.yml)."""
    return context.council().housing_repairs


def is_emergency(tracker: Tracker) -> bool:
    return tracker.get_slot("repair_check") == EMERGENCY


def emergency_text(council: Council) -> str:
    """What an emergency resident hears first: out of hours, the repairs line comes before anything else."""
    rules = council.housing_repairs
    assert rules is not None, "asked only during a repair report, which needs housing_repairs.yml"
    line = council.config.safety[rules.out_of_hours_line]
    if not council.is_open(context.now()):
        return (
            f"This is an emergency repair. Our office is closed now, so please call {line.name} "
            f"on {line.phone} straight away ({line.hours}). I'll take your details too, so the "
            f"team has them: we aim to make it safe {rules.emergency_timescale}."
        )
    return (
        f"This is an emergency repair: we aim to make it safe {rules.emergency_timescale}. "
        f"If things get worse, call {line.name} on {line.phone} ({line.hours})."
    )


def _stopped(dispatcher: CollectingDispatcher, slot: str) -> dict[str, Any]:
    dispatcher.utter_message(response="utter_form_cancelled")
    return {slot: None, "requested_slot": None}


def _emergency_slots(dispatcher: CollectingDispatcher, slots: dict[str, Any]) -> dict[str, Any]:
    dispatcher.utter_message(text=emergency_text(context.council()))
    return {**slots, "repair_check": EMERGENCY, "repair_access": "any"}


class ValidateHousingRepairForm(AddressQuestions, ResidentFormValidation):
    """Checks each answer (the address as for missed bins) and works out whether it is an emergency."""

    postcode_service = "council housing repairs"
    postcode_records = "address records"

    service_key = SERVICE

    def name(self) -> str:
        return "validate_housing_repair_form"

    def cost_answer(self, tracker: Tracker) -> str:
        return "Repairs to council homes are free to report. If the damage was caused on purpose, the team may charge for it and will tell you first."

    async def extract_repair_kind(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "My boiler's broken" names the repair on the opening message.
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("repair_kind"):
            kind = repair_rules().match_kind(tracker.latest_message.get("text") or "")
            if kind is not None and kind.key != "other":
                return {"repair_kind": kind.key}
        return {}

    async def extract_repair_tenancy(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "the boiler in my council flat is broken" says who the landlord is up front. Only the
        # council is read from an opening message: anyone else is asked, never turned away unasked.
        text = tracker.latest_message.get("text") or ""
        if (
            opening_message(tracker)
            and not tracker.get_slot("repair_tenancy")
            and _COUNCIL_HOME.search(text)
        ):
            return {"repair_tenancy": COUNCIL_TENANCY}
        return {}

    def validate_repair_tenancy(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        rules = repair_rules()
        tenancy = rules.match_tenancy(str(value or ""))
        if tenancy is None:
            dispatcher.utter_message(
                text="Sorry, I didn't catch who your landlord is. Please choose one."
            )
            return {"repair_tenancy": None}
        if tenancy.key != COUNCIL_TENANCY:
            # Not ours to repair: say plainly who to contact, store nothing and stop.
            dispatcher.utter_message(text=tenancy.contact, buttons=[TALK_TO_A_PERSON])
            return {"repair_tenancy": tenancy.key, "requested_slot": None}
        slots: dict[str, Any] = {"repair_tenancy": tenancy.key}
        if tracker.get_latest_input_channel() == SMS_CHANNEL:
            slots["repair_phone"] = FROM_SMS  # we can text or call the number they are texting from
        return slots

    def validate_repair_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        rules = repair_rules()
        if rules.kind(str(value or "")) is not None:
            return {"repair_kind": str(value)}
        kind = rules.match_kind(str(value or ""))
        if kind is None:
            dispatcher.utter_message(
                text="Sorry, I couldn't tell what needs repairing. Please choose the closest, "
                "or 'Something else'."
            )
            return {"repair_kind": None}
        return {"repair_kind": kind.key}

    def validate_repair_room(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        room = " ".join(str(value or "").split())
        if not room or len(room) > MAX_ROOM_CHARS or not any(c.isalpha() for c in room):
            dispatcher.utter_message(
                text=f"Please tell me the room in a few words (up to {MAX_ROOM_CHARS} letters), "
                "for example: kitchen."
            )
            return {"repair_room": None}
        return {"repair_room": room[0].upper() + room[1:]}

    def validate_repair_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        rules = repair_rules()
        text = " ".join(str(value or "").split())
        if len(text) < MIN_DESCRIPTION_CHARS:
            dispatcher.utter_message(text="Please tell me a little more about what's wrong.")
            return {"repair_description": None}
        if len(text) > rules.description_max_chars:
            dispatcher.utter_message(
                text=f"That's {len(text)} characters. Please keep it under "
                f"{rules.description_max_chars}: just the main problem, and our repairs team "
                "will ask for the rest."
            )
            return {"repair_description": None}
        slots: dict[str, Any] = {"repair_description": text}
        kind = rules.kind(tracker.get_slot("repair_kind"))
        if kind is not None and kind.sounds_like_emergency(text):
            return _emergency_slots(dispatcher, slots)
        if kind is None or not kind.question:
            slots["repair_check"] = ROUTINE
        return slots

    def validate_repair_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if value in (EMERGENCY, ROUTINE):
            return {"repair_check": value}
        if _STOP.match(str(value or "")):
            return _stopped(dispatcher, "repair_check")
        kind = repair_rules().kind(tracker.get_slot("repair_kind"))
        text = str(value or "")
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        answer = "yes" if _YES.match(text) or intent == "affirm" else None
        answer = "no" if _NO.match(text) or (answer is None and intent == "deny") else answer
        if kind is None or answer is None:
            dispatcher.utter_message(text="Please answer yes or no.")
            return {"repair_check": None}
        if answer == kind.emergency_if:
            return _emergency_slots(dispatcher, {})
        return {"repair_check": ROUTINE}

    def validate_repair_access(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        rules = repair_rules()
        if rules.access_time(str(value or "")) is not None:
            return {"repair_access": str(value)}
        access = rules.match_access_time(str(value or ""))
        if access is None:
            dispatcher.utter_message(
                text="Sorry, I didn't catch when suits you. Please choose one."
            )
            return {"repair_access": None}
        return {"repair_access": access.key}

    def contact_answer(self, tracker: Tracker) -> str:
        if tracker.get_slot("repair_phone") not in (None, NO_PHONE):
            return (
                "Yes: we'll phone you to agree a visit. You'll get a reference at the end, "
                "and you can ask me about it here any time."
            )
        return (
            "Once I've taken the details, we'll agree a visit by phone: I'll ask for your number "
            "(you don't have to give it, and then you'd call us with your reference)."
        )

    def validate_repair_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if value in (FROM_SMS, NO_PHONE):
            return {"repair_phone": value}
        if _STOP.match(str(value or "")):
            return _stopped(dispatcher, "repair_phone")
        number = uk_phone(str(value or ""))
        if number is not None:
            return {"repair_phone": number}
        if _SKIP.match(str(value or "")):
            return {"repair_phone": NO_PHONE}
        dispatcher.utter_message(
            text="That doesn't look like a UK phone number. Please type it like 07700 900123 "
            "or 01632 960123, or choose Skip."
        )
        return {"repair_phone": None}

    def validate_repair_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return {"repair_confirm": True if value is True else None}


class ActionStartHousingRepair(StartFormOrAnswer):
    """Starts a repair report, or answers from information.yml if the council has no housing_repairs.yml."""

    form = "housing_repair_form"

    def name(self) -> str:
        return "action_start_housing_repair"

    def has_data(self) -> bool:
        return repair_rules() is not None


def phone_text(tracker: Tracker) -> str:
    """How the repair phone number is read back to the resident (given, texting from, or none)."""
    phone = tracker.get_slot("repair_phone")
    if phone == FROM_SMS:
        return "the number you're texting from"
    return "none given" if phone in (None, NO_PHONE) else phone


class ActionSubmitHousingRepair(Action):
    """Stores the repair once with its priority, gives the reference and date; emergencies get a call back."""

    def name(self) -> str:
        return "action_submit_housing_repair"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        rules = council.housing_repairs
        clear = [SlotSet(s, None) for s in (*REPAIR_SLOTS, *ADDRESS_SLOTS)]
        postcode = tracker.get_slot("postcode")
        street = street_at(council, postcode, tracker.get_slot("street"))
        if rules is None:
            return clear
        kind = rules.kind(tracker.get_slot("repair_kind"))
        if (
            tracker.get_slot("repair_tenancy") != COUNCIL_TENANCY
            or street is None
            or not tracker.get_slot("house")
            or kind is None
            or tracker.get_slot("repair_confirm") is not True
        ):
            return clear  # stopped early (not a council tenant, or cancelled); already explained
        emergency = is_emergency(tracker)
        service = council.service(SERVICE)
        at = context.now()
        due_by = (
            at.date() + timedelta(days=1)
            if emergency
            else council.add_working_days(at.date(), kind.days)
        )
        address = home_address(tracker)
        channel = channel_of(tracker)
        phone = tracker.get_slot("repair_phone")
        description = tracker.get_slot("repair_description")
        out_of_hours = council.config.safety[rules.out_of_hours_line] if emergency else None
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=postcode,
            address=address,
            due_by=due_by,
            details={
                "priority": EMERGENCY if emergency else ROUTINE,
                "repair_kind": kind.key,
                "room": tracker.get_slot("repair_room"),
                "description": description,
                "access": tracker.get_slot("repair_access"),
                # The repairs team phones to arrange the visit (or, for emergencies, at once).
                "contact_phone": tracker.sender_id
                if phone == FROM_SMS
                else (None if phone == NO_PHONE else phone),
            },
            same_job=[address, kind.key, description or ""],
            what="save your repair",
            urgent=f" As it's an emergency, please call {out_of_hours.phone} now."
            if out_of_hours
            else "",
        )
        if stored is None:
            return clear

        if not stored.created_now:
            dispatcher.utter_message(
                text=f"This repair has already been reported, so I haven't sent it twice. The "
                f"reference is {stored.reference}.",
                buttons=[CHECK_A_REQUEST],
            )
            return clear
        if emergency:
            return clear + self._emergency(
                dispatcher, tracker, council, rules, stored, kind, channel
            )
        access = rules.access_time(tracker.get_slot("repair_access"))
        when_ = access.name.lower() if access else "on a weekday"
        phone = council.config.contact.phone
        if tracker.get_slot("repair_phone") in (None, NO_PHONE):
            # No number to call: the resident arranges the visit instead of waiting for a call.
            visit = (
                f"As we have no phone number for you, please call us on {phone} "
                f"({council.opening_hours_text()}) with your reference to agree a visit ({when_})"
            )
        else:
            visit = f"We'll phone you to agree a visit ({when_})"
        dispatcher.utter_message(
            text=f"Thank you. I've sent your repair report. Your reference is {stored.reference}.\n"
            f"{service.what_happens_next} {visit}, and we aim to finish the repair "
            f"by {day_and_date(stored.due_by)}. If it gets worse, tell us on {phone}.",
            buttons=[CHECK_A_REQUEST],
        )
        return clear

    @staticmethod
    def _emergency(
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        council: Council,
        rules: HousingRepairs,
        stored: Any,
        kind: Any,
        channel: str,
    ) -> list[EventType]:
        """Raise an urgent advisor ticket so a person phones back; the resident can write to them here."""
        line = council.config.safety[rules.out_of_hours_line]
        text = (
            f"I've sent your emergency repair. Your reference is {stored.reference}.\n"
            f"We aim to make it safe {rules.emergency_timescale}."
        )
        try:
            context.tickets().raise_ticket(
                channel=channel,
                sender_id=tracker.sender_id,
                intent=INTENT,
                route=Route.URGENT_ADVISOR,
                priority=Priority.URGENT,
                reason=f"Emergency repair {stored.reference}: {kind.name}. Phone the resident back",
                summary=conversation_summary(tracker),
                form_values={
                    "reference": stored.reference,
                    "repair": f"{kind.name}, {tracker.get_slot('repair_room')}",
                    "address": stored.address,
                    "phone": phone_text(tracker),
                },
            )
        except SQLAlchemyError:
            logger.exception("housing repair: could not raise the emergency ticket")
            dispatcher.utter_message(
                text=f"{text}\nPlease also call {line.name} on {line.phone} now, so someone can come.",
                buttons=[TALK_TO_A_PERSON],
            )
            return []
        by_phone = tracker.get_slot("repair_phone") not in (None, NO_PHONE)
        how = "by phone" if by_phone else "here in this chat, so please keep it open"
        dispatcher.utter_message(
            text=f"{text}\nI've also asked a member of our team to contact you as soon as possible, "
            f"{how}. Anything you write here now goes to them. If you're in danger, call 999; if you "
            f"can't wait, call {line.name} on {line.phone} ({line.hours})."
        )
        return [ConversationPaused()]
