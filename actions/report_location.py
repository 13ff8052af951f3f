"""Where something is in a public place: a postcode in our area, one of our streets, or a landmark."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.forms.opening_message import opening_message
from actions.postcode_checks import check_local_postcode
from bot.council.council import normalise_name
from bot.records.postcodes import normalise_postcode
from bot.word_match import words

MAX_LOCATION_CHARS = 200
#: Words that say nothing about where a place is ("outside my house", "the road").
_VAGUE = frozenset(
    "a an the my our your their his her its it is in on at by near next to of off outside behind "
    "opposite round around corner end top bottom side front back here there this that just "
    "house home place area somewhere usual same up down".split()
)
ASK_AGAIN = (
    "Please tell me where it is: a postcode, a street name, or a landmark such as "
    "'behind the Co-op on Union Street'."
)


@dataclass(frozen=True)
class Location:
    """A place to send an officer: what the resident said, and the street and postcode if known."""

    description: str
    street: str | None = None
    postcode: str = ""

    @property
    def address(self) -> str:
        """How the place is stored and read back: the resident's words, then street and postcode."""
        parts = [self.description]
        lowered = self.description.lower()
        if self.street and self.street.lower() not in lowered:
            parts.append(self.street)
        if self.postcode and self.postcode.replace(" ", "") not in lowered.upper().replace(" ", ""):
            parts.append(self.postcode)
        return ", ".join(parts)

    def as_slot(self) -> dict[str, str | None]:
        return {"description": self.description, "street": self.street, "postcode": self.postcode}

    @classmethod
    def from_slot(cls, value: object) -> Location | None:
        if not isinstance(value, dict) or not value.get("description"):
            return None
        return cls(str(value["description"]), value.get("street"), str(value.get("postcode") or ""))


@dataclass(frozen=True)
class LocationReading:
    """A usable place, or the plain-English problem and whether to stop asking."""

    location: Location | None
    problem: str | None = None
    stop: bool = False


def read_location(text: str, what_for: str) -> LocationReading:
    """Read a place from what the resident typed; the problem, if any, is ready to say."""
    description = " ".join(str(text or "").split()).strip(" .,")
    if len(description) > MAX_LOCATION_CHARS:
        return LocationReading(None, "That's a bit long. " + ASK_AGAIN)
    council = context.council()
    postcode = normalise_postcode(description)
    if postcode:
        check = check_local_postcode(postcode, what_for)
        if check.postcode is None:
            return LocationReading(None, check.problem, check.stop)
        at_postcode = council.streets_for_postcode(check.postcode)
        street = council.match_street(description, at_postcode) if at_postcode else None
        if street is None and len(at_postcode) == 1:
            street = at_postcode[0]
        return LocationReading(
            Location(description, street.name if street else None, check.postcode)
        )
    matches = council.match_streets(description)
    names = {street.name for street in matches}
    if len(names) == 1:
        postcodes = {street.postcode for street in matches}
        only = postcodes.pop() if len(postcodes) == 1 else ""
        return LocationReading(Location(description, names.pop(), only))
    telling = [word for word in words(description) if word not in _VAGUE and not word.isdigit()]
    if len(telling) < 2:
        return LocationReading(None, "I need a bit more detail to find it. " + ASK_AGAIN)
    return LocationReading(Location(description))


def validate_location(value: object, dispatcher: object, what_for: str) -> dict[str, object]:
    """Form validation for the ``report_location`` slot: the place, or the problem said and asked again."""
    from actions.formatting import TALK_TO_A_PERSON

    if Location.from_slot(value) is not None:  # already read (e.g. from the opening message)
        return {"report_location": value}
    reading = read_location(str(value or ""), what_for)
    if reading.location is None:
        dispatcher.utter_message(text=reading.problem, buttons=[TALK_TO_A_PERSON])  # type: ignore[attr-defined]
        if reading.stop:
            return {"report_location": None, "requested_slot": None}
        return {"report_location": None}
    return {"report_location": reading.location.as_slot()}


def location_in_opening_message(text: str) -> Location | None:
    """A postcode in our area or one of our streets named in the first message, else None (we ask)."""
    council = context.council()
    postcode = normalise_postcode(text or "")
    if postcode:
        reading = read_location(postcode, "this")
        return reading.location
    matches = council.match_streets(text or "")
    names = {street.name for street in matches}
    if len(names) != 1:
        return None
    name = names.pop()
    said = set(normalise_name(words(text)))
    if not set(normalise_name(words(name))) <= said:
        return None  # a fuzzy hit on a long sentence ("Mutley Plain" for Mutley Gardens) is a guess: ask
    postcodes = {street.postcode for street in matches}
    return Location(name, name, postcodes.pop() if len(postcodes) == 1 else "")


class LocationQuestion:
    """Mixin for a FormValidationAction with the shared ``report_location`` slot (a public place)."""

    #: How the postcode check names the service when a postcode is outside the council.
    location_for: str

    async def extract_report_location(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if opening_message(tracker) and not tracker.get_slot("report_location"):
            found = location_in_opening_message(tracker.latest_message.get("text") or "")
            if found is not None:
                return {"report_location": found.as_slot()}
        return {}

    def validate_report_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return validate_location(value, dispatcher, self.location_for)
