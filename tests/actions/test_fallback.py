"""Not understood: ask again once, offer a person after two misses in a row, answer other languages."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallback, consecutive_misunderstandings, not_understood_in_form
from tests.actions.trackers import run, tracker


def _missed_turn(text: str, **parse_extra) -> list[dict]:
    """A turn the fallback action answered, as Rasa stores it (then reverted)."""
    parse = {"intent": {"name": "nlu_fallback", "confidence": 1.0}, **parse_extra}
    return [
        {"event": "user", "text": text, "parse_data": parse},
        {"event": "action", "name": "action_fallback"},
        {"event": "bot", "text": "Sorry, I didn't understand that."},
        {"event": "rewind"},
        {"event": "action", "name": "action_listen"},
    ]


def _answered_turn(text: str, intent: str) -> list[dict]:
    return [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}},
        {"event": "action", "name": f"utter_{intent}"},
        {"event": "action", "name": "action_listen"},
    ]


def test_the_first_misunderstanding_asks_the_resident_to_rephrase():
    messages, events = run(ActionFallback(), tracker(text="zzz", intent="nlu_fallback"))
    assert "another way" in messages[0]["text"]
    assert any(b["payload"] == "/request_human" for b in messages[0]["buttons"])
    assert events == [{"event": "rewind", "timestamp": None}]


def test_two_misunderstandings_in_a_row_offer_a_person_with_the_phone_number_in_words():
    state = tracker(text="zzz", intent="nlu_fallback", events=_missed_turn("qqqq wwww eeee"))
    messages, _ = run(ActionFallback(), state)
    assert "talk to a person" in messages[0]["text"]
    assert "01632 960000" in messages[0]["text"]  # SMS shows no buttons
    assert messages[0]["buttons"][0]["payload"] == "/request_human"


def test_an_understood_message_between_misunderstandings_resets_the_count():
    history = _missed_turn("zzzz") + _answered_turn("hello", "greet")
    messages, _ = run(ActionFallback(), tracker(text="zzz", intent="nlu_fallback", events=history))
    assert "another way" in messages[0]["text"]


def test_an_unsure_answer_to_a_form_question_is_not_counted_as_a_miss():
    # Most answers inside a form are nlu_fallback to DIET ("PL1 1JB"); only the fallback
    # action answering a turn, or gibberish and other languages, make it a miss.
    history = [
        {"event": "user", "text": "PL1 1JB", "parse_data": {"intent": {"name": "nlu_fallback"}}}
    ]
    state = tracker(text="zzz", intent="nlu_fallback", events=history)
    assert consecutive_misunderstandings(state) == 1


def test_gibberish_in_a_form_counts_towards_the_offer_of_a_person():
    history = [
        {
            "event": "user",
            "text": "asdfgh",
            "parse_data": {"intent": {"name": "nlu_fallback"}, "not_understood": "gibberish"},
        }
    ]
    state = tracker(
        text="qqqq",
        intent="nlu_fallback",
        events=history,
        parse_extra={"not_understood": "gibberish"},
    )
    assert consecutive_misunderstandings(state) == 2


def test_a_welsh_message_gets_the_councils_welsh_line_then_english_and_a_person():
    state = tracker(
        text="Mae fy bin heb ei gasglu",
        intent="nlu_fallback",
        parse_extra={"not_understood": "language", "language": "cy"},
    )
    messages, _ = run(ActionFallback(), state)
    assert "Cymraeg" in messages[0]["text"]
    assert "01632 960000" in messages[0]["text"]
    assert "another language" in messages[1]["text"]
    assert "interpreter" in messages[1]["text"]
    assert messages[-1]["buttons"][0]["payload"] == "/request_human"


def test_a_language_without_a_council_line_gets_the_english_interpreter_line():
    state = tracker(
        text="Il mio bidone non è stato svuotato",
        intent="nlu_fallback",
        parse_extra={"not_understood": "language", "language": "it"},
    )
    messages, _ = run(ActionFallback(), state)
    assert len(messages) == 1
    assert "interpreter" in messages[0]["text"]


def test_a_form_does_not_take_gibberish_as_the_answer():
    dispatcher = CollectingDispatcher()
    state = tracker(
        text="qqqq wwww",
        intent="nlu_fallback",
        active_loop="missed_bin_form",
        slots={"requested_slot": "postcode"},
        parse_extra={"not_understood": "gibberish"},
    )
    assert not_understood_in_form(dispatcher, state)
    assert "didn't understand" in dispatcher.messages[0]["text"]


def test_a_form_takes_an_unsure_short_answer_as_usual():
    dispatcher = CollectingDispatcher()
    state = tracker(text="PL1 1JB", intent="nlu_fallback", active_loop="missed_bin_form")
    assert not not_understood_in_form(dispatcher, state)
    assert dispatcher.messages == []


def test_an_unsure_guess_at_a_transaction_asks_before_starting_it():
    state = tracker(
        text="rubbish collection never turned up",
        intent="nlu_fallback",
        parse_extra={
            "not_understood": "weak",
            "intent_ranking": [
                {"name": "nlu_fallback", "confidence": 0.5},
                {"name": "report_missed_bin", "confidence": 0.45},
            ],
        },
    )
    messages, _ = run(ActionFallback(), state)
    assert "Do you want to report a missed bin collection?" in messages[0]["text"]
    assert messages[0]["buttons"][0] == {
        "title": "Yes, report a missed bin collection",
        "payload": "/report_missed_bin",
    }
    assert "/request_human" in [b["payload"] for b in messages[0]["buttons"]]


def test_every_transaction_has_words_for_the_question():
    from actions.fallback import TRANSACTIONS
    from bot.intents import INTENT_ROUTES, Route

    assert set(TRANSACTIONS) == {i for i, r in INTENT_ROUTES.items() if r is Route.SELF_SERVICE}
