"""Housing Benefit and Council Tax Support answers from benefits.yml: who can get what, how to apply, claims."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.formatting import TALK_TO_A_PERSON, button

_PENSION = re.compile(
    r"\b(pension|pensioner|retired|state pension|over (6[5-9]|[7-9]\d))\b", re.IGNORECASE
)
_AGE = re.compile(r"\b(?:i'?m|i am|aged|age)\s+(\d{2})\b", re.IGNORECASE)
_WORKING = re.compile(
    r"\b(universal credit|uc|working age|under (6[0-6]|[1-5]\d)|job ?seeker)\b", re.IGNORECASE
)
_COUNCIL_TAX = re.compile(r"\bcouncil tax\b|\bctr\b|\bcts\b", re.IGNORECASE)
_PROGRESS = re.compile(
    r"\b(my claim|claim (progress|status)|how long|heard back|still waiting|decision|been waiting|chase)\b",
    re.IGNORECASE,
)


def _rules() -> Any:
    rules = context.council().benefits
    assert rules is not None, "benefits.yml is loaded with the council"
    return rules


def benefits_answer(text: str) -> str:
    """Pointers for the resident's situation (age, Universal Credit, council tax), then how to apply."""
    rules = _rules()
    if _PROGRESS.search(text):
        return rules.claim_progress
    age = _AGE.search(text)
    pension = bool(_PENSION.search(text)) or (
        age is not None and int(age.group(1)) >= rules.state_pension_age
    )
    working = bool(_WORKING.search(text)) or (
        age is not None and int(age.group(1)) < rules.state_pension_age
    )
    if pension:
        parts = [rules.pension_age, rules.council_tax_support]
    elif working:
        parts = [rules.working_age, rules.council_tax_support]
    elif _COUNCIL_TAX.search(text):
        parts = [rules.council_tax_support]
    else:
        parts = [rules.pension_age, rules.working_age, rules.council_tax_support]
    return "\n".join([*parts, rules.how_to_apply])


class ActionBenefitsInformation(Action):
    """Answers Housing Benefit and Council Tax Support questions with a next step."""

    def name(self) -> str:
        return "action_benefits_information"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = benefits_answer(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(
            text=text,
            buttons=[
                button("Report a change", "/benefits_change_of_circumstances"),
                button("Apply for a council tax discount", "/council_tax_discount"),
                TALK_TO_A_PERSON,
            ],
        )
        return []
