"""Check bin day: postcode and street, then each bin's next collection with any holiday change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import TALK_TO_A_PERSON, button, day_and_date
from actions.forms.address_questions import AddressQuestions, StreetQuestion, street_at, whose_home
from actions.forms.validation import ResidentFormValidation
from actions.postcode_checks import check_local_postcode
from bot.council.bin_days import Collection, collections, next_collection

if TYPE_CHECKING:
    from bot.council import Council

#: Holiday changes this far ahead are mentioned even when the next collection is not moved.
HOLIDAY_NOTICE_DAYS = 21


def general_answer(dispatcher: CollectingDispatcher) -> None:
    """The council's own bin-day answer and link (when we cannot look up the street)."""
    info = context.council().information_for("check_bin_day")
    if info is None:
        return
    text = info.text if not info.link else f"{info.text}\n{info.link}"
    dispatcher.utter_message(text=text, buttons=[TALK_TO_A_PERSON])


def _when(collection: Collection, today: date) -> str:
    text = day_and_date(collection.day)
    if collection.day == today:
        text += " (today)"
    elif collection.day == today + timedelta(days=1):
        text += " (tomorrow)"
    if collection.moved_from is not None:
        # Within a week the weekday is enough ("moved from Thursday"), and keeps a text message short.
        shift = abs((collection.day - collection.moved_from).days)
        was = (
            collection.moved_from.strftime("%A")
            if shift < 7
            else day_and_date(collection.moved_from)
        )
        text += f", moved from {was} because of {collection.reason}"
    return text


def _grouped(council: Council, found: list[Collection], today: date) -> list[str]:
    """One line per date (and change): "Green recycling bin and blue glass box: Saturday 2 January ..."."""
    groups: dict[tuple[date, date | None, str | None], list[str]] = {}
    for collection in found:
        key = (collection.day, collection.moved_from, collection.reason)
        groups.setdefault(key, []).append(council.bin_types[collection.bin_key].name)
    lines = []
    for (day, moved_from, reason), names in sorted(groups.items(), key=lambda item: item[0][0]):
        bins = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        when = _when(Collection("", day, moved_from, reason), today)
        lines.append(f"{bins[0].upper() + bins[1:]}: {when}")
    return lines


def bin_day_text(council: Council, street: Any, today: date) -> str:
    """Each bin's next collection at the street (bins on the same day together), then holiday changes soon."""
    upcoming: list[Collection] = []
    soon: list[Collection] = []
    for bin_type in council.bin_types.values():
        found = next_collection(council, street, bin_type.key, today)
        if found is None:
            continue
        upcoming.append(found)
        later = collections(
            council, street, bin_type.key, found.day + timedelta(days=1),
            today + timedelta(days=HOLIDAY_NOTICE_DAYS),
        )  # fmt: skip
        soon += [c for c in later if c.moved_from is not None]
    lines = [f"Your next collections at {street.name}:", *_grouped(council, upcoming, today)]
    if soon:
        lines += ["Coming up, because of bank holidays:", *_grouped(council, soon, today)]
    return "\n".join(lines)


class ValidateBinDayForm(AddressQuestions, ResidentFormValidation):
    """Postcode and street as for missed bins; a postcode we hold no streets for gets the general answer."""

    postcode_service = "bin collections"

    answers_questions = False  # "when is ...?" is what this form is for

    def name(self) -> str:
        return "validate_bin_day_form"

    def validate_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        check = check_local_postcode(str(value or ""), self.postcode_service)
        if check.postcode is not None and not context.council().streets_for_postcode(
            check.postcode
        ):
            general_answer(dispatcher)
            return {"postcode": None, "requested_slot": None}
        return super().validate_postcode(value, dispatcher, tracker, domain)


class ActionAskBinDayPostcode(Action):
    """Asks for the postcode to look up the bin days."""

    def name(self) -> str:
        return "action_ask_bin_day_form_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="I can tell you the bin days, including any holiday changes. "
            f"What's the postcode of {whose_home(tracker)}? For example, PL1 2AA."
        )
        return []


class ActionAskBinDayStreet(StreetQuestion, Action):
    """Asks which street, with a button for each street at the postcode."""

    def name(self) -> str:
        return "action_ask_bin_day_form_street"


class ActionSubmitBinDay(Action):
    """Says each bin's next collection date for the street, with holiday changes."""

    def name(self) -> str:
        return "action_submit_bin_day"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        street = street_at(council, tracker.get_slot("postcode"), tracker.get_slot("street"))
        clear = [SlotSet("postcode", None), SlotSet("street", None)]
        if street is None:
            return clear  # stopped early; the reason was already given
        dispatcher.utter_message(
            text=bin_day_text(council, street, context.today()),
            buttons=[button("Report a missed bin", "/report_missed_bin")],
        )
        return clear


class ActionBinDayWithoutPostcode(Action):
    """The resident would rather not give a postcode: the council's general answer and link."""

    def name(self) -> str:
        return "action_bin_day_without_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        general_answer(dispatcher)
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + [
            SlotSet(slot, None) for slot in ("postcode", "street")
        ]
