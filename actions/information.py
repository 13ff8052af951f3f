"""Answer information requests (and self-service topics not yet automated) from council data."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import TALK_TO_A_PERSON


class ActionInformation(Action):
    """Replies with the council's answer for the intent, its link and next-step buttons."""

    def name(self) -> str:
        return "action_information"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        council = context.council()
        info = council.information_for(intent)
        if info is None:
            dispatcher.utter_message(
                text=f"I can't answer that here yet. Please call us on {council.config.contact.phone} "
                f"({council.opening_hours_text()}), or talk to a person.",
                buttons=[TALK_TO_A_PERSON],
            )
            return []
        text = info.text if not info.link else f"{info.text}\n{info.link}"
        buttons = [{"title": b.title, "payload": b.payload} for b in info.buttons]
        if not any(b["payload"] == TALK_TO_A_PERSON["payload"] for b in buttons):
            buttons.append(TALK_TO_A_PERSON)
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


class StartFormOrAnswer(Action, ABC):
    """Starts ``form`` when the council has the data file it needs, else answers from information.yml.

    Abstract, so the action server registers only the real start actions.
    """

    form: str

    @abstractmethod
    def has_data(self) -> bool:
        """Whether the council's data file for this form is there."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not self.has_data():
            return await ActionInformation().run(dispatcher, tracker, domain)
        return [FollowupAction(self.form)]
