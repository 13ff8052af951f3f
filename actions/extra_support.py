"""A resident who can't use online services goes straight to a person, ahead of the usual queue.

No questions first: someone who has just told us they can't do this online (a screen reader
that fails, no device, nobody to help) should not be asked to answer more before reaching a
person. The advisor can add them to the extra support register from the console, with their
agreement; the reply says what joining would change on this channel.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.channel_promises import register_offer
from actions.handoff import hand_off
from bot.intents import Priority

REASON = "Resident says they cannot use online services"


class ActionExtraSupportHandoff(Action):
    """Hands the resident to an advisor at once, with extra support priority."""

    def name(self) -> str:
        return "action_extra_support_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="I'm sorry it's hard to do things online. I'm passing you to a person now, ahead "
            "of the usual queue, so you don't need to answer any more questions here. If you'd "
            "like, the advisor can also add you to our extra support register. "
            f"{register_offer(tracker)}"
        )
        return hand_off(
            dispatcher, tracker, "need_extra_support", REASON, signpost=False,
            priority=Priority.EXTRA_SUPPORT,
        )  # fmt: skip
