"""Council tax discounts: the single person discount done in the chat; the others signposted from council data."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.formatting import CHECK_A_REQUEST, SEND_OR_NOT, TALK_TO_A_PERSON, button, day_and_date
from actions.forms.resident_answers import (
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
from actions.forms.validation import ResidentFormValidation
from actions.request_store import store_request
from bot.council.revenues_models import SELF_SERVICE_DISCOUNT
from bot.word_match import NUMBER_WORDS

SERVICE = "council_tax_discount"
DISCOUNT_SLOTS = (
    "ctax_discount_kind",
    "ctax_adults",
    "ctax_discount_date",
    "ctax_discount_address",
    "ctax_account",
    "ctax_discount_confirm",
)
_SOMEONE_ELSE = re.compile(
    r"\b(and|with|plus|partner|husband|wife|son|daughter|mum|dad|flatmate|lodger|friend|children)\b"
)
_ALONE = re.compile(
    r"\b(just (me|myself)|only (me|myself)|me alone|on my own|by myself|alone|myself|me)\b"
)


def _rules() -> Any:
    rules = context.council().council_tax
    assert rules is not None, "council_tax.yml is loaded with the council"
    return rules


def read_discount(text: str) -> str | None:
    """Which discount the text names, by the words in council_tax.yml (longest word first)."""
    words = " " + " ".join(re.sub(r"[^a-z0-9' ]", " ", str(text or "").lower()).split()) + " "
    found = [
        (len(word), key)
        for key, discount in _rules().discounts.items()
        for word in (*discount.words, discount.name.lower())
        if f" {word} " in words
    ]
    return max(found)[1] if found else None


#: A house number in an address ("17 Citadel Mews, PL1 2JT") is not a count of adults.
_ADDRESS = re.compile(
    r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b|\b\d+[a-z]?,? [a-z']+ (?:road|street|lane|close|avenue|"
    r"drive|way|terrace|mews|gardens|crescent|court|place|rise|hill|green|walk|view|park|row)\b"
)


def read_adults(text: str) -> int | None:
    """How many adults the resident says live there ("just me" is 1); None for an address."""
    words = str(text or "").lower()
    if _ADDRESS.search(words):
        return None
    if match := re.search(r"\b(\d{1,2})\b", words):
        return int(match.group(1))
    for word, number in NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", words):
            return number
    if _SOMEONE_ELSE.search(words):
        return 2  # "me and my partner"
    if _ALONE.search(words):
        return 1
    return None


def discount_buttons() -> list[dict[str, str]]:
    rules = _rules()
    buttons = [button("I live alone", "I live alone")]
    buttons += [
        button(d.name, d.name) for key, d in rules.discounts.items() if key != SELF_SERVICE_DISCOUNT
    ]
    return buttons


def signpost(dispatcher: CollectingDispatcher, key: str) -> None:
    """How to apply for a discount the chat can't do itself: the council's words and form."""
    discount = _rules().discounts[key]
    dispatcher.utter_message(
        text=f"{discount.name}: {discount.answer}",
        buttons=[TALK_TO_A_PERSON],
    )


class ValidateCouncilTaxDiscountForm(ResidentFormValidation):
    """Which discount; for the single person discount: adults, date, address and account."""

    def name(self) -> str:
        return "validate_council_tax_discount_form"

    async def extract_ctax_discount_kind(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # "Can I get single person discount?" or "I'm a student" names it on the opening message.
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot(
            "ctax_discount_kind"
        ):
            key = read_discount(tracker.latest_message.get("text") or "")
            if key:
                return {"ctax_discount_kind": key}
        return {}

    def validate_ctax_discount_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        key = value if value in _rules().discounts else read_discount(str(value or ""))
        if key is None and read_adults(str(value or "")) == 1:
            key = SELF_SERVICE_DISCOUNT  # "just me"
        if key == SELF_SERVICE_DISCOUNT:
            return {"ctax_discount_kind": key}
        if key is not None:
            signpost(dispatcher, key)
            return {"ctax_discount_kind": None, "requested_slot": None}
        if says_stop(tracker, value):
            return stop_form(dispatcher, {"ctax_discount_kind": None})
        dispatcher.utter_message(
            text="Sorry, I didn't catch which one. Please choose the closest.",
            buttons=discount_buttons(),
        )
        return {"ctax_discount_kind": None}

    def validate_ctax_adults(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        adults = read_adults(str(value or ""))
        if adults is None and says_stop(tracker, value):
            return stop_form(dispatcher, {"ctax_adults": None})
        if adults is None or adults < 1:
            dispatcher.utter_message(
                text="Please tell me how many adults live there, counting yourself. For example: 1."
            )
            return {"ctax_adults": None}
        if adults > 1:
            rules = _rules()
            single = rules.single_person
            others = [
                d.name.lower() for k, d in rules.discounts.items() if k != SELF_SERVICE_DISCOUNT
            ]
            dispatcher.utter_message(
                text=f"Thanks. As {adults} adults live there, the {single.name.lower()} doesn't apply: "
                "it's only for homes where one adult aged 18 or over lives. I haven't sent anything.\n"
                "Some people aren't counted, such as full-time students, live-in carers and people with "
                f"a severe mental impairment. You can find out more about: {', '.join(others)}.",
                buttons=[*discount_buttons()[1:], TALK_TO_A_PERSON],
            )
            return {"ctax_adults": None, "requested_slot": None}
        return {"ctax_adults": "1"}

    def validate_ctax_discount_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        phone = context.council().config.contact.phone
        return validate_date(
            "ctax_discount_date",
            value,
            dispatcher,
            tracker,
            _rules().single_person_window,
            "date",
            f"To ask about an earlier date, please talk to a person or call us on {phone}.",
            "Please apply once you're living on your own.",
        )

    def validate_ctax_discount_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if says_stop(tracker, value):
            return stop_form(dispatcher, {"ctax_discount_address": None})
        found = read_address(value, "council tax", in_area=True)
        if found.text is None:
            return address_problem(dispatcher, "ctax_discount_address", found)
        return {"ctax_discount_address": found.text}

    def validate_ctax_account(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return validate_account(value, dispatcher, tracker)

    def validate_ctax_discount_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return validate_confirm("ctax_discount_confirm", value, dispatcher, tracker)


class ActionAskDiscountKind(Action):
    """Asks which discount, with a button for each in the council's data."""

    def name(self) -> str:
        return "action_ask_ctax_discount_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        single = _rules().single_person
        dispatcher.utter_message(
            text=f"I can help with council tax discounts. If you're the only adult at home, you can get "
            f"{single.percent}% off. Which is closest to you?",
            buttons=discount_buttons(),
        )
        return []


class ActionAskAdults(Action):
    """Asks how many adults live there."""

    def name(self) -> str:
        return "action_ask_ctax_adults"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"How many adults (aged 18 or over) live at {person(tracker).possessive} home, counting "
            f"{'yourself' if person(tracker).subject == 'you' else person(tracker).subject}?",
            buttons=[
                button("Just me", "Just me"),
                button("2", "2"),
                button("3 or more", "3 or more"),
            ],
        )
        return []


class ActionAskDiscountDate(Action):
    """Asks from when the resident has been the only adult."""

    def name(self) -> str:
        return "action_ask_ctax_discount_date"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"From what date {'have you' if person(tracker).subject == 'you' else 'has ' + person(tracker).subject} "
            "been the only adult living there? "
            "For example: 12/01/2027, 1st March or today."
        )
        return []


class ActionAskDiscountAddress(Action):
    """Asks for the address, with its postcode (in our area)."""

    def name(self) -> str:
        return "action_ask_ctax_discount_address"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"What's {person(tracker).possessive} address? Please include the postcode, "
            "for example: 12 Tamar Close, PL2 1AB."
        )
        return []


def discount_summary(tracker: Tracker) -> str:
    single = _rules().single_person
    return (
        f"{single.name} ({single.percent}% off) from {when(tracker.get_slot('ctax_discount_date'))}.\n"
        f"{'You are' if person(tracker).subject == 'you' else person(tracker).they_are.capitalize()} "
        "the only adult living at the address.\n"
        f"Address: {tracker.get_slot('ctax_discount_address')}\n"
        f"Account number: {account_words(tracker.get_slot('ctax_account'))}"
    )


class ActionAskDiscountConfirm(Action):
    """Reads the application back and asks to send it."""

    def name(self) -> str:
        return "action_ask_ctax_discount_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"Here's your application:\n{discount_summary(tracker)}\n"
            "By sending it you confirm it's true. Is that right?",
            buttons=SEND_OR_NOT,
        )
        return []


class ActionSubmitCouncilTaxDiscount(Action):
    """Stores a single person discount application once; nothing when the form was stopped."""

    def name(self) -> str:
        return "action_submit_council_tax_discount"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        clear = [SlotSet(slot, None) for slot in DISCOUNT_SLOTS]
        council = context.council()
        address = tracker.get_slot("ctax_discount_address")
        start = tracker.get_slot("ctax_discount_date")
        if (
            tracker.get_slot("ctax_discount_kind") != SELF_SERVICE_DISCOUNT
            or tracker.get_slot("ctax_adults") != "1"
            or not address
            or not start
            or tracker.get_slot("ctax_discount_confirm") is not True
        ):
            return clear  # not eligible, signposted or stopped: the reason was already given
        single = _rules().single_person
        account = tracker.get_slot("ctax_account")
        service = council.service(SERVICE)
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=address.rsplit(", ", 1)[-1],
            address=address,
            due_by=council.add_working_days(context.today(), service.timescale_working_days),
            # What the team checks: the discount, from when, and that one adult lives there.
            details={
                "discount": SELF_SERVICE_DISCOUNT,
                "percent": single.percent,
                "adults": 1,
                "from_date": start,
                "account_number": account if account and account != "unknown" else None,
                # Who told us, when a relative or carer applied for the resident.
                "acting_for": tracker.get_slot("acting_for"),
            },
            same_job=[SELF_SERVICE_DISCOUNT, address, start],
            what="send your application",
        )
        if stored is None:
            return clear
        if stored.created_now:
            text = (
                f"Thank you. I've sent your application for the {single.name.lower()}.\n"
                f"Your reference is {stored.reference}.\n"
                f"{service.what_happens_next} We'll write by {day_and_date(stored.due_by)}. If it's agreed, "
                f"we'll take {single.percent}% off from {when(start)} and send you a new bill. "
                "Please tell us if another adult moves in.\n"
                f"To check on it, you'll need the reference and the postcode {address.rsplit(', ', 1)[-1]}."
            )
        else:
            text = (
                f"You've already applied for this, so I haven't sent it twice. The reference is "
                f"{stored.reference} and we'll write by {day_and_date(stored.due_by)}."
            )
        dispatcher.utter_message(text=text, buttons=[CHECK_A_REQUEST])
        return clear
