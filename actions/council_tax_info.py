"""Council tax answers from council_tax.yml: how to pay, bands and amounts, instalments, missing bills, arrears."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.formatting import TALK_TO_A_PERSON, button, day_and_date
from actions.handoff import hand_off, handoff_reason
from bot.council.revenues_models import BANDS

_BAND = re.compile(r"\bband\s*([a-h])\b|\b([a-h])\s*band\b", re.IGNORECASE)
_MISSING = re.compile(
    r"\b(not (come|arrived|received|got)|haven'?t (had|got|received)|hasn'?t (come|arrived)|"
    r"missing|lost|never (got|came|received)|no bill|where is my bill|copy)\b",
    re.IGNORECASE,
)
_INSTALMENTS = re.compile(
    r"\b(instal+ments?|when (do|is|are)|due|dates?|monthly|12 months|twelve)\b", re.IGNORECASE
)
_WHICH_BAND = re.compile(
    r"\b(what|which|my)\b.*\bband\b|\bband\b.*\b(am i|is my|my house|my home)\b", re.IGNORECASE
)
_DIRECT_DEBIT = re.compile(r"\bdirect ?debit|\bdd\b", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\b(how much|amount|cost|charge|bands)\b", re.IGNORECASE)


def pounds(amount: float) -> str:
    return f"£{amount:,.2f}"


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _rules() -> Any:
    rules = context.council().council_tax
    assert rules is not None, "council_tax.yml is loaded with the council"
    return rules


def band_answer(text: str) -> str | None:
    """The yearly charge for a band named in the text ("how much is band C")."""
    match = _BAND.search(text)
    if not match:
        return None
    band = (match.group(1) or match.group(2)).upper()
    rules = _rules()
    yearly = rules.bands[band]
    count = len(rules.instalments)
    return (
        f"Band {band} is {pounds(yearly)} for {rules.year}, including the police and fire parts. "
        f"Paid in {count} monthly instalments, that's about {pounds(yearly / count)} a month, "
        "before any discount or reduction."
    )


def all_bands_answer() -> str:
    rules = _rules()
    listed = ", ".join(f"{band} {pounds(rules.bands[band])}" for band in BANDS)
    return (
        f"Your band is on your bill, or you can look it up at {rules.band_check_link}. "
        f"The yearly charges for {rules.year} are: {listed}."
    )


def instalments_answer() -> str:
    rules = _rules()
    upcoming = [day for day in rules.instalments if day >= context.today()]
    first, last = rules.instalments[0], rules.instalments[-1]
    text = (
        f"Bills for {rules.year} are paid in {len(rules.instalments)} monthly instalments, "
        f"from {day_and_date(first)} to {day_and_date(last)}."
    )
    if upcoming:
        text += f" The next one is due on {day_and_date(upcoming[0])}."
    return f"{text} {rules.twelve_instalments}"


def payment_answer(text: str) -> str:
    rules = _rules()
    named = [_ordinal(day) for day in rules.direct_debit_days]
    days = named[0] if len(named) == 1 else ", ".join(named[:-1]) + f" or {named[-1]}"
    if _DIRECT_DEBIT.search(text):
        return (
            f"You can set up a Direct Debit at {rules.direct_debit_link}. You'll need your council tax "
            f"account number and your bank details. Choose to pay on the {days} of the month."
        )
    lines = ["Ways to pay your council tax:"]
    for method in rules.payment_methods:
        where = method.link or (f"call {method.phone}" if method.phone else "")
        lines.append(f"- {method.name}: {method.how}" + (f" {where}" if where else ""))
    return "\n".join(lines)


def council_tax_answer(intent: str, text: str) -> tuple[str, list[dict[str, str]]]:
    """The reply and next-step buttons for a council tax payment or bill question."""
    rules = _rules()
    pay = button("How to pay", "/council_tax_pay")
    behind = button("I'm behind with payments", "/council_tax_arrears")
    if intent == "council_tax_pay":
        return payment_answer(text), [
            button("Instalment dates", "/council_tax_bill_query"),
            behind,
            TALK_TO_A_PERSON,
        ]
    if answer := band_answer(text):
        return answer, [
            pay,
            button("Apply for a discount", "/council_tax_discount"),
            TALK_TO_A_PERSON,
        ]
    if _MISSING.search(text):
        return rules.missing_bill, [pay, TALK_TO_A_PERSON]
    if _WHICH_BAND.search(text) or (_HOW_MUCH.search(text) and "band" in text.lower()):
        return all_bands_answer(), [pay, TALK_TO_A_PERSON]
    if _INSTALMENTS.search(text):
        return instalments_answer(), [pay, behind, TALK_TO_A_PERSON]
    return (
        f"Your bill shows your band, what you pay and when. You can see your account at "
        f"{rules.account_link}.\n{instalments_answer()}\n"
        f'Ask me "how much is band C?" for the {rules.year} charges.',
        [pay, button("Apply for a discount", "/council_tax_discount"), behind, TALK_TO_A_PERSON],
    )


class ActionCouncilTaxInformation(Action):
    """Answers how to pay and bill, band or instalment questions from council_tax.yml."""

    def name(self) -> str:
        return "action_council_tax_information"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get(
            "name"
        ) or "council_tax_bill_query"
        text, buttons = council_tax_answer(intent, tracker.latest_message.get("text") or "")
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


def arrears_text(message: str) -> str:
    """A kind first reply: what an advisor will do, free debt advice, and care for court or bailiff worries."""
    arrears = _rules().arrears
    words = " ".join(message.lower().split())
    parts = [arrears.opening]
    if any(re.search(rf"\b{re.escape(w)}\b", words) for w in arrears.enforcement_words):
        parts.append(arrears.enforcement)
    elif any(re.search(rf"\b{re.escape(w)}\b", words) for w in arrears.summons_words):
        parts.append(arrears.summons)
    parts.append(arrears.debt_advice)
    return "\n".join(parts)


class ActionCouncilTaxArrears(Action):
    """Council tax arrears: the kind signpost with free debt advice first, then an advisor ticket."""

    def name(self) -> str:
        return "action_council_tax_arrears"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        parse_data = tracker.latest_message or {}
        dispatcher.utter_message(text=arrears_text(parse_data.get("text") or ""))
        intent = "council_tax_arrears"
        return hand_off(
            dispatcher, tracker, intent, handoff_reason(intent, parse_data), signpost=False
        )
