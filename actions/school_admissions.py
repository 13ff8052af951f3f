"""Answer school admissions questions from schools.yml, with the next relevant date from today."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import TALK_TO_A_PERSON, button
from actions.forms.validation import ResidentFormValidation
from actions.information import ActionInformation

#: school_topic when the council has no schools.yml: answered from information.yml instead.
NO_DATA = "none"
#: Longest answer (about three text messages); the summary is left out when the dates need the room.
MAX_ANSWER_CHARS = 450


def _with_year(day: Any) -> str:
    """Dates always carry the year here: admissions years straddle two calendar years."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def topic_answer(topic: Any) -> str:
    """What has just happened and what comes next, the link, and the summary when there is room."""
    dates = topic.dates_now(context.today(), _with_year)
    lines = [*dates, topic.link]
    if not dates or len("\n".join([topic.summary, *lines])) <= MAX_ANSWER_CHARS:
        lines.insert(0, topic.summary)
    return "\n".join(lines)


class ValidateSchoolAdmissionsForm(ResidentFormValidation):
    """Works out which admissions topic the resident means (from the opening message if it says)."""

    answers_questions = False  # "when is ...?" is what this form is for

    def name(self) -> str:
        return "validate_school_admissions_form"

    async def extract_school_topic(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") is not None or tracker.get_slot("school_topic"):
            return {}
        schools = context.council().schools
        if schools is None:
            return {"school_topic": NO_DATA}
        topic = schools.match_topic(tracker.latest_message.get("text") or "")
        return {"school_topic": topic.key} if topic is not None else {}

    def validate_school_topic(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        schools = context.council().schools
        if value == NO_DATA or schools is None:
            return {"school_topic": NO_DATA}
        topic = schools.topic(str(value or "")) or schools.match_topic(str(value or ""))
        if topic is None:
            dispatcher.utter_message(text="Sorry, I didn't catch which. Please choose one.")
            return {"school_topic": None}
        return {"school_topic": topic.key}


class ActionAskSchoolTopic(Action):
    """Asks which admissions question it is, with a button for each topic."""

    def name(self) -> str:
        return "action_ask_school_admissions_form_school_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        schools = context.council().schools
        topics = schools.topics if schools is not None else ()
        dispatcher.utter_message(
            text="I can help with school places. Which of these is it about?",
            buttons=[button(t.name, t.key) for t in topics],
        )
        return []


class ActionAnswerSchoolAdmissions(Action):
    """Gives the answer for the chosen topic, dated from today, with next steps."""

    def name(self) -> str:
        return "action_answer_school_admissions"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        key = tracker.get_slot("school_topic")
        clear = [SlotSet("school_topic", None)]
        schools = context.council().schools
        topic = schools.topic(key) if schools is not None else None
        if topic is None:
            if key == NO_DATA:
                await ActionInformation().run(dispatcher, tracker, domain)
            return clear
        dispatcher.utter_message(
            text=topic_answer(topic),
            buttons=[button("Another school question", "/school_admissions"), TALK_TO_A_PERSON],
        )
        return clear
