"""Street problem reports: kinds from the council's list, the safety question, lamp post numbers, one report."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.request_status import ActionSubmitRequestStatus
from actions.street_problem import (
    ActionAskStreetProblemConfirm,
    ActionAskStreetProblemUrgent,
    ActionSubmitStreetProblem,
    ValidateStreetProblemForm,
    read_lamp_column,
)
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import answer, domain, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 30, tzinfo=UK)
TAMAR = {"description": "Tamar Road", "street": "Tamar Road", "postcode": "PL2 1DE"}


pytestmark = pytest.mark.clock(TUESDAY)


def _validate(slot: str, value, **slots):
    return answer(
        ValidateStreetProblemForm(),
        "street_problem_form",
        slot,
        value,
        "report_street_problem",
        **slots,
    )


def _answers(events) -> dict:
    return {k: v for k, v in slots_set(events).items() if k != "requested_slot"}


def _required(**slots) -> list[str]:
    names = list(domain()["forms"]["street_problem_form"]["required_slots"])
    return asyncio.run(
        ValidateStreetProblemForm().required_slots(
            names, CollectingDispatcher(), tracker(slots=slots), domain()
        )
    )


def _submit(kind: str = "pothole", urgent: str | None = "no", **extra):
    slots = {
        "street_problem_kind": kind, "report_location": TAMAR, "street_problem_urgent": urgent,
        "street_problem_confirm": True, **extra,
    }  # fmt: skip
    return run(ActionSubmitStreetProblem(), tracker(slots=slots))


def _reference(messages) -> str:
    return messages[0]["text"].split("Your reference is ")[1].split(".")[0]


def test_the_opening_message_gives_the_problem_and_the_street():
    state = tracker(
        text="massive pothole on tamar road",
        intent="report_street_problem",
        active_loop="street_problem_form",
    )
    events = asyncio.run(ValidateStreetProblemForm().run(CollectingDispatcher(), state, domain()))
    assert slots_set(events)["street_problem_kind"] == "pothole"
    assert slots_set(events)["report_location"] == TAMAR


def test_the_lamp_post_number_is_asked_only_for_street_lights_and_the_safety_question_only_where_it_matters():
    light = _required(street_problem_kind="street_light")
    pothole = _required(street_problem_kind="pothole")
    assert "lamp_column" in light and "street_problem_urgent" not in light
    assert "street_problem_urgent" in pothole and "lamp_column" not in pothole
    assert "street_problem_details" in _required(street_problem_kind="other")


def test_something_not_on_the_list_is_kept_in_the_residents_words():
    _, events = _validate("street_problem_kind", "dog mess all over the bus stop")
    assert _answers(events) == {
        "street_problem_kind": "other", "street_problem_details": "dog mess all over the bus stop",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("SL104", "SL104"),
        ("number 23", "23"),
        ("skip", "unknown"),
        ("I can't see one", "unknown"),
        ("it's the one by the bus stop", None),
        ("PL4 6BA", None),
        ("sorry its pl4 6ab", None),
    ],
)
def test_lamp_post_numbers_are_read_or_skipped(text: str, column):
    assert read_lamp_column(text) == column


def test_the_safety_question_comes_from_the_council_data():
    messages, _ = run(
        ActionAskStreetProblemUrgent(), tracker(slots={"street_problem_kind": "graffiti"})
    )
    assert "offensive" in messages[0]["text"]
    assert [b["title"] for b in messages[0]["buttons"]] == ["Yes", "No"]


def test_a_no_to_the_safety_question_is_an_answer_not_a_stop():
    _, events = _validate("street_problem_urgent", "no, it can wait", street_problem_kind="pothole")
    assert _answers(events) == {"street_problem_urgent": "no"}


def test_a_postcode_typed_for_the_lamp_post_number_is_not_taken_for_one():
    messages, events = _validate(
        "lamp_column", "PL4 6BA", street_problem_kind="street_light", report_location=TAMAR
    )
    assert slots_set(events).get("lamp_column", "missing") is None
    assert "looks like a postcode" in messages[0]["text"]


def test_the_report_is_read_back_with_the_lamp_post_number():
    slots = {
        "street_problem_kind": "street_light",
        "report_location": TAMAR,
        "lamp_column": "SL104",
    }
    messages, _ = run(ActionAskStreetProblemConfirm(), tracker(slots=slots))
    text = messages[0]["text"]
    assert "What: street light not working" in text and "Where: Tamar Road, PL2 1DE" in text
    assert "Lamp post number: SL104" in text


def test_a_dangerous_pothole_is_made_safe_within_24_hours(database_url):
    messages, _ = _submit(urgent="yes")
    text = messages[0]["text"]
    assert "reported the dangerous pothole" in text
    assert "make it safe within 24 hours, by 10:30am on Wednesday 2 December" in text
    stored = ServiceRequestStore().find(_reference(messages), "PL2 1DE")
    assert stored.details["urgent"] is True and stored.due_by == date(2026, 12, 2)


def test_an_ordinary_pothole_is_fixed_within_the_councils_timescale(database_url):
    messages, _ = _submit(urgent="no")
    assert "fix it by Tuesday 15 December" in messages[0]["text"]  # 10 working days
    assert _reference(messages).startswith("SP-")


def test_offensive_graffiti_is_dealt_with_the_next_working_day(database_url):
    messages, _ = _submit(kind="graffiti", urgent="yes")
    assert "reported the offensive graffiti" in messages[0]["text"]
    assert "deal with it by Wednesday 2 December" in messages[0]["text"]


def test_a_street_light_report_keeps_the_lamp_post_number_and_is_stored_once(database_url):
    first, _ = _submit(kind="street_light", urgent=None, lamp_column="SL104")
    second, _ = _submit(kind="street_light", urgent=None, lamp_column="SL104")
    assert "already been reported" in second[0]["text"] and _reference(first) in second[0]["text"]
    stored = ServiceRequestStore().find(_reference(first), "PL2 1DE")
    assert stored.details["lamp_column"] == "SL104" and stored.due_by == date(2026, 12, 10)


def test_a_status_check_says_what_where_and_by_when(database_url):
    messages, _ = _submit(urgent="yes")
    status, _ = run(
        ActionSubmitRequestStatus(),
        tracker(slots={"reference": _reference(messages), "postcode": "PL2 1DE"}),
    )
    assert "dangerous pothole, at Tamar Road, PL2 1DE" in status[0]["text"]
    assert "We aim to make it safe by Wednesday 2 December" in status[0]["text"]


def test_messages_the_crisis_rules_route_are_never_read_as_answers():
    # Exposed wires from a street light: the classifier forces dangerous_structure, the handoff rule
    # routes it; the form must not take the words as the problem or the place.
    state = tracker(
        text="the street light has wires hanging out", intent="dangerous_structure",
        active_loop="street_problem_form",
    )  # fmt: skip
    events = asyncio.run(ValidateStreetProblemForm().run(CollectingDispatcher(), state, domain()))
    assert "street_problem_kind" not in slots_set(events)
    assert "report_location" not in slots_set(events)


@pytest.mark.parametrize(
    "text",
    [
        "there are live wires hanging out of the lamp post",
        "the lamp post has fallen over",
        "the street light is sparking",
    ],
)
def test_exposed_wires_and_fallen_lamp_posts_are_dangerous_structures_for_the_crisis_rules(
    text: str,
):
    from bot.nlu.crisis import detect_crisis

    assert detect_crisis(text).intent == "dangerous_structure"


def test_used_needles_get_the_do_not_touch_advice_at_once_and_a_next_day_collection(database_url):
    messages, events = _validate("street_problem_kind", "used needles on the path")
    assert _answers(events) == {"street_problem_kind": "needles"}
    assert "don't touch them" in messages[0]["text"]
    done, _ = _submit(kind="needles", urgent=None)
    assert "fix it by Wednesday 2 December" in done[0]["text"]


def test_a_place_in_another_councils_area_names_that_council_and_asks_for_the_place_again():
    state = tracker(
        text="by the shops PL11 2AA", intent="report_street_problem",
        slots={"street_problem_kind": "pothole", "report_location": "by the shops PL11 2AA"},
        active_loop="street_problem_form", just_set={"report_location": "by the shops PL11 2AA"},
    )  # fmt: skip
    state.slots["requested_slot"] = "report_location"
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateStreetProblemForm().run(dispatcher, state, domain()))
    assert "Cornwall Council" in dispatcher.messages[0]["text"]
    requested = [e["value"] for e in events if e.get("name") == "requested_slot"]
    assert requested and requested[-1] == "report_location"  # asked again, not stopped


def test_the_next_question_is_still_chosen_when_nothing_stops_the_report():
    state = tracker(
        text="Tamar Road", intent="report_street_problem",
        slots={"street_problem_kind": "pothole", "report_location": "Tamar Road"},
        active_loop="street_problem_form", just_set={"report_location": "Tamar Road"},
    )  # fmt: skip
    state.slots["requested_slot"] = "report_location"
    events = asyncio.run(ValidateStreetProblemForm().run(CollectingDispatcher(), state, domain()))
    assert slots_set(events)["requested_slot"] == "street_problem_urgent"
