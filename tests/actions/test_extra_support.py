"""The extra support register conversation: only with all three criteria and consent."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from actions import context
from actions.clients.support_register import SupportRegister
from actions.clients.tickets import TicketQueue
from actions.extra_support import (
    ActionAskSupportConsent,
    ActionSubmitExtraSupport,
    ValidateExtraSupportForm,
)
from bot.intents import Priority, Route
from tests.actions.trackers import run, tracker

OPEN = datetime(2026, 11, 24, 11, 0, tzinfo=ZoneInfo("Europe/London"))


def _answers(online: str, library: str = "n/a", helper: str = "n/a", consent: str = "n/a") -> dict:
    return {
        "support_online": online,
        "support_library": library,
        "support_helper": helper,
        "support_consent": consent,
    }


def test_a_yes_to_any_question_stops_the_questions():
    validate = ValidateExtraSupportForm()
    assert validate.validate_support_online("yes") == {
        "support_online": "yes", "support_library": "n/a", "support_helper": "n/a", "support_consent": "n/a",
    }  # fmt: skip
    assert validate.validate_support_online("no") == {"support_online": "no"}
    assert validate.validate_support_helper("yes") == {"support_helper": "yes", "support_consent": "n/a"}


def test_a_resident_who_meets_all_three_criteria_and_agrees_is_registered_and_put_first(
    database_url, monkeypatch
):
    monkeypatch.setattr(context, "now", lambda: OPEN)
    queue = TicketQueue()
    queue.raise_ticket(
        channel="webchat", sender_id="earlier", intent="register_death", route=Route.ADVISOR,
        priority=Priority.HIGH, reason="r", summary="", form_values={},
    )  # fmt: skip
    messages, events = run(
        ActionSubmitExtraSupport(),
        tracker(intent="affirm", slots=_answers("no", "no", "no", "yes"), sender_id="resident-1"),
    )
    said = "\n".join(m["text"] for m in messages)
    assert "you're now on our extra support register" in said
    assert "priority request" in said and "You're next" in said
    assert SupportRegister().is_registered("webchat", "resident-1")
    first = queue.open_tickets()[0]
    assert first.sender_id == "resident-1" and first.priority == "extra_support"
    assert any(e["event"] == "pause" for e in events)


def test_without_consent_nobody_is_registered_but_they_still_reach_a_person(database_url, monkeypatch):
    monkeypatch.setattr(context, "now", lambda: OPEN)
    messages, _ = run(
        ActionSubmitExtraSupport(),
        tracker(intent="deny", slots=_answers("no", "no", "no", "no"), sender_id="resident-2"),
    )
    assert "haven't added you" in messages[0]["text"]
    assert not SupportRegister().is_registered("webchat", "resident-2")
    assert TicketQueue().open_tickets()[0].priority == "normal"


def test_someone_who_can_get_help_at_a_library_is_not_registered(database_url, monkeypatch):
    monkeypatch.setattr(context, "now", lambda: OPEN)
    messages, _ = run(
        ActionSubmitExtraSupport(),
        tracker(intent="affirm", slots=_answers("no", "yes"), sender_id="resident-3"),
    )
    assert "libraries" in messages[0]["text"]
    assert not SupportRegister().is_registered("webchat", "resident-3")


def _on(channel: str, sender_id: str, **kwargs):
    state = tracker(sender_id=sender_id, **kwargs)
    state.events[-1]["input_channel"] = channel
    return state


def test_on_webchat_the_register_promise_is_for_this_chat_only_and_says_how_to_be_known_next_time(
    database_url, monkeypatch
):
    monkeypatch.setattr(context, "now", lambda: OPEN)
    messages, _ = run(
        ActionSubmitExtraSupport(),
        _on("webchat", "session-1", intent="affirm", slots=_answers("no", "no", "no", "yes")),
    )
    said = messages[0]["text"]
    assert "For the rest of this chat you'll go straight to a person" in said
    assert "A new web chat can't tell it's you" in said
    assert f"call us on {context.council().config.contact.phone}" in said
    assert "From now on" not in said


def test_by_text_the_register_promise_is_for_this_number_and_a_new_text_is_recognised(
    database_url, monkeypatch
):
    monkeypatch.setattr(context, "now", lambda: OPEN)
    messages, _ = run(
        ActionSubmitExtraSupport(),
        _on("twilio_sms", "+447700900123", intent="affirm", slots=_answers("no", "no", "no", "yes")),
    )
    assert "when you text us from this number, you'll go straight to a person" in messages[0]["text"]
    assert SupportRegister().is_registered("twilio_sms", "+447700900123")


def test_on_telegram_the_register_promise_is_for_this_chat(database_url, monkeypatch):
    monkeypatch.setattr(context, "now", lambda: OPEN)
    messages, _ = run(
        ActionSubmitExtraSupport(),
        _on("telegram", "123456789", intent="affirm", slots=_answers("no", "no", "no", "yes")),
    )
    assert "when you message us in this Telegram chat" in messages[0]["text"]
    assert SupportRegister().is_registered("telegram", "123456789")


def test_the_consent_question_promises_only_what_this_channel_can_do():
    webchat, _ = run(ActionAskSupportConsent(), _on("webchat", "session-2", intent="deny"))
    sms, _ = run(ActionAskSupportConsent(), _on("twilio_sms", "+447700900123", intent="deny"))
    assert "for the rest of this chat" in webchat[0]["text"] and "whenever" not in webchat[0]["text"]
    assert "whenever you text us from this number" in sms[0]["text"]
    assert [b["payload"] for b in sms[0]["buttons"]] == ["/affirm", "/deny"]
