"""The postcode, street and house questions that forms about a home share, and their checks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import TALK_TO_A_PERSON, button
from actions.postcode_checks import check_local_postcode
from bot.nlu.advocate import for_resident
from bot.records.postcodes import normalise_postcode

if TYPE_CHECKING:
    from bot.council import Council

MAX_HOUSE_CHARS = 60
_HOUSE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[a-zA-Z]?\b")


def street_at(council: Council, postcode: str | None, name: str | None) -> Any:
    """The street of that name at the postcode, or None."""
    if not postcode or not name:
        return None
    return next((s for s in council.streets_for_postcode(postcode) if s.name == name), None)


def home_address(tracker: Tracker) -> str:
    """The home the form is about, as stored and read back: "3, Citadel Mews, PL1 2JT"."""
    return (
        f"{tracker.get_slot('house')}, {tracker.get_slot('street')}, {tracker.get_slot('postcode')}"
    )


def whose_home(tracker: Tracker) -> str:
    """ "your home", or "your dad's home" when the resident acts for someone."""
    whose = for_resident(tracker.get_slot("acting_for"))
    return f"{'your' if whose == 'the' else whose} home"


class AddressQuestions:
    """Mixin for a FormValidationAction with the shared ``postcode``, ``street`` and ``house`` slots.

    Explains what's wrong in plain words and asks again.
    """

    #: How the postcode check names the service when a postcode is outside the council.
    postcode_service = "bin collections"
    #: What we call the records a local postcode was not found in.
    postcode_records = "collection records"

    async def extract_postcode(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "My bin wasn't collected, PL1 2AA" fills the postcode on the opening message.
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("postcode"):
            found = normalise_postcode(tracker.latest_message.get("text") or "")
            if found:
                return {"postcode": found}
        return {}

    def validate_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        check = check_local_postcode(str(value or ""), self.postcode_service)
        if check.postcode is None:
            dispatcher.utter_message(text=check.problem, buttons=[TALK_TO_A_PERSON])
            return {"postcode": None, "requested_slot": None} if check.stop else {"postcode": None}
        council = context.council()
        streets = council.streets_for_postcode(check.postcode)
        if not streets:
            dispatcher.utter_message(
                text=f"I can't find {check.postcode} in our {self.postcode_records}. "
                "Please check the postcode, or talk to a person.",
                buttons=[TALK_TO_A_PERSON],
            )
            return {"postcode": None}
        slots: dict[str, Any] = {"postcode": check.postcode, "street": None}
        if len(streets) == 1:
            slots["street"] = streets[0].name
        return slots

    def validate_street(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        council = context.council()
        candidates = council.streets_for_postcode(tracker.get_slot("postcode") or "")
        street = council.match_street(str(value or ""), candidates)
        if street is None:
            dispatcher.utter_message(
                text="I couldn't match that to a street at that postcode. Please choose one."
            )
            return {"street": None}
        return {"street": street.name}

    def validate_house(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        house = " ".join(str(value or "").split())
        if not house or len(house) > MAX_HOUSE_CHARS or not any(c.isalnum() for c in house):
            dispatcher.utter_message(
                text="Please type just the house number or name, for example 12 or Rose Cottage."
            )
            return {"house": None}
        council = context.council()
        street = street_at(council, tracker.get_slot("postcode"), tracker.get_slot("street"))
        number = _HOUSE_NUMBER.match(house)
        if street is not None and number and not street.covers(int(number.group(1))):
            dispatcher.utter_message(
                text=f"I can't find number {number.group(1)} on {street.name} in our records. "
                "Please check the number, or type the house name."
            )
            return {"house": None}
        return {"house": house}


class StreetQuestion:
    """Mixin for an Action that asks which street, with a button for each street at the postcode."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        streets = context.council().streets_for_postcode(tracker.get_slot("postcode") or "")
        dispatcher.utter_message(
            text="Which street is it on?", buttons=[button(s.name, s.name) for s in streets]
        )
        return []
