"""When the assistant doesn't understand: rephrase once, then offer a person (two strikes).

A message is not understood when the NLU pipeline says so: gibberish or another language
(bot/nlu/not_understood_classifier.py marks the parse data), or too unsure a guess
(nlu_fallback). Too unsure a guess at a transaction asks "Do you want to ...?" with a
button that starts it: a transaction never starts on a weak guess alone. A message in another language gets the council's interpreter line in that
language first (councils/<council>/languages.yml), then in English. Two misses in a row offer
a person, with the phone number, in words every channel shows (SMS has no buttons).

Inside a form the form runs first (Rasa's loop rules), so the form's validator asks
`not_understood_in_form` before it takes the message as an answer.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.did_you_mean import start_suggested
from actions.formatting import TALK_TO_A_PERSON, button
from bot.intents import FALLBACK_INTENT, NOT_UNDERSTOOD_KEY
from bot.records import insight_events

FALLBACK_ACTION = "action_fallback"
STRIKES_BEFORE_PERSON = 2
LANGUAGE_KEY = "language"
#: Reasons that mean nobody could act on the words, even as an answer to a form's question.
NOTHING_TO_ACT_ON = frozenset({"gibberish", "language"})


def _marked(event: dict[str, Any]) -> bool:
    return (event.get("parse_data") or {}).get(NOT_UNDERSTOOD_KEY) in NOTHING_TO_ACT_ON


def _intent(event: dict[str, Any]) -> str | None:
    return ((event.get("parse_data") or {}).get("intent") or {}).get("name")


def consecutive_misunderstandings(tracker: Tracker) -> int:
    """How many of the resident's latest messages in a row were not understood, this one included.

    An earlier message counts when it was gibberish or another language, or when the fallback
    action answered it. The events are read as stored, including turns the fallback action
    reverted (UserUtteranceReverted hides a turn from the dialogue rules, not from here).
    """
    turns: list[tuple[dict[str, Any], bool]] = []
    for event in tracker.events:
        if event.get("event") == "user":
            turns.append((event, False))
        elif event.get("event") == "action" and event.get("name") == FALLBACK_ACTION and turns:
            turns[-1] = (turns[-1][0], True)
    count = 0
    for position, (event, answered_by_fallback) in enumerate(reversed(turns)):
        latest = position == 0
        if _marked(event) or answered_by_fallback or (latest and _intent(event) == FALLBACK_INTENT):
            count += 1
            continue
        break
    return count


#: What each transaction does, in a resident's words, for "Did you mean ...?".
TRANSACTIONS: dict[str, str] = {
    "report_missed_bin": "report a missed bin collection",
    "book_bulky_waste": "book a bulky waste collection",
    "request_bin": "order a new or replacement bin, box or caddy",
    "report_fly_tipping": "report fly-tipping",
    "council_tax_move": "tell us you're moving home, for council tax",
    "council_tax_discount": "apply for a council tax discount",
    "benefits_change_of_circumstances": "report a change for Housing Benefit or Council Tax Support",
    "report_housing_repair": "report a repair in your council home",
    "parking_permit": "apply for a residents' parking permit",
    "report_street_problem": "report a pothole, street light or other street problem",
    "book_assisted_digital": "book a session with a digital helper",
    "check_request_status": "check on a request you've made",
}


def suggested_transaction(parse_data: dict[str, Any]) -> str | None:
    """DIET's guess at a transaction that was too unsure to start one (kept under the fallback)."""
    if parse_data.get(NOT_UNDERSTOOD_KEY) != "weak":
        return None
    for entry in parse_data.get("intent_ranking") or []:
        if entry.get("name") != FALLBACK_INTENT:
            return entry.get("name") if entry.get("name") in TRANSACTIONS else None
    return None


def not_understood_reply(tracker: Tracker) -> tuple[list[str], list[dict[str, str]]]:
    """The texts and buttons for a message that was not understood."""
    council = context.council()
    parse_data = tracker.latest_message or {}
    misses = consecutive_misunderstandings(tracker)
    record_miss(tracker, misses)
    phone = council.config.contact.phone
    if parse_data.get(NOT_UNDERSTOOD_KEY) == "language" and council.languages is not None:
        return council.languages.reply(parse_data.get(LANGUAGE_KEY)), [TALK_TO_A_PERSON]
    guess = suggested_transaction(parse_data)
    if guess is not None and misses < STRIKES_BEFORE_PERSON:
        # Too unsure to start a transaction, sure enough to ask: a button starts it.
        what = TRANSACTIONS[guess]
        return [f"I'm not sure I've got that right. Do you want to {what}?"], [
            button(f"Yes, {what}", f"/{guess}"),
            button("No, something else", "/deny"),
            TALK_TO_A_PERSON,
        ]
    if misses >= STRIKES_BEFORE_PERSON:
        return [
            "Sorry, I'm still not understanding. Would you like to talk to a person? "
            'Just say "talk to a person", or call us on '
            f"{phone} ({council.opening_hours_text()})."
        ], [TALK_TO_A_PERSON, button("Try again", "/greet")]
    return [
        "Sorry, I didn't understand that. Could you say it another way? "
        "For example: 'my bin wasn't collected' or 'how do I pay council tax'."
    ], [TALK_TO_A_PERSON]


def record_miss(tracker: Tracker, misses: int) -> None:
    """Insight: the message, masked, and a second miss in a row (a person is offered)."""
    text = (tracker.latest_message or {}).get("text") or ""
    context.insight(insight_events.NOT_UNDERSTOOD, tracker, masked_text=text or None)
    if misses == STRIKES_BEFORE_PERSON:
        context.insight(insight_events.TWO_STRIKES, tracker)


def not_understood_in_form(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """In a form: say so (in the resident's language, or offering a person) when nobody could
    act on the message, and return True so the form asks its question again instead of
    taking it as the answer. Other messages (including DIET's unsure guesses, which are most
    answers to a form's questions) return False and go on as usual."""
    if not _marked({"parse_data": tracker.latest_message}):
        return False
    texts, buttons = not_understood_reply(tracker)
    for position, text in enumerate(texts):
        dispatcher.utter_message(text=text, buttons=buttons if position == len(texts) - 1 else [])
    return True


class ActionFallback(Action):
    """First miss: ask again with examples. Second miss in a row: offer a person."""

    def name(self) -> str:
        return FALLBACK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # Just asked "Do you want to ...?" and the resident carried on ("PL2 3QP"): that's a yes.
        started = start_suggested(tracker)
        if started is not None:
            return started
        # "Actually can I cancel that", "sorry it was the green one" just after a request.
        repaired = _repair_after_request(dispatcher, tracker)
        if repaired is not None:
            return repaired
        texts, buttons = not_understood_reply(tracker)
        for position, text in enumerate(texts):
            dispatcher.utter_message(
                text=text, buttons=buttons if position == len(texts) - 1 else []
            )
        # Forget the misunderstood turn for the dialogue rules (a form it interrupted resumes);
        # consecutive_misunderstandings still sees it in the stored events.
        return [UserUtteranceReverted()]


def _repair_after_request(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    # Imported here: the form machinery imports this module (not understood inside a form).
    from actions.forms.cancel import repair_after_request

    return repair_after_request(dispatcher, tracker)


class ActionOutOfScope(Action):
    """Not something the council deals with, unless it cancels or puts right a request just made."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        repaired = _repair_after_request(dispatcher, tracker)
        if repaired is not None:
            return repaired
        dispatcher.utter_message(response="utter_out_of_scope")
        return []
