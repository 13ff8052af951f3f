"""Conversation repair inside every form: stop, repeat, a question back, "don't know", corrections."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk import Tracker

from actions.bulky_waste import ValidateBulkyCancelForm, ValidateBulkyWasteForm
from actions.council_tax_move import ValidateCouncilTaxMoveForm
from actions.forms.cancel import ActionNoOutsideForm
from actions.forms.repair import detect_repair
from actions.missed_bin import ActionSubmitMissedBin, ValidateMissedBinForm, assess_collection
from actions.request_bin import ValidateRequestBinForm
from bot.council import get_council
from tests.actions.trackers import domain, fix_clock, run, slots_set, tracker

UK = ZoneInfo("Europe/London")

BULKY_SO_FAR = {
    "postcode": "PL1 2JT",
    "street": "Citadel Mews",
    "house": "12",
    "bulky_items": [{"key": "sofa", "name": "Sofa or settee", "quantity": 1}],
    "bulky_date": "2026-12-10",
}


def in_form(
    form: str, asked: str, text: str, intent: str = "nlu_fallback", **slots: Any
) -> Tracker:
    """The tracker a form's validator sees for a message typed in answer to ``asked``.

    As Rasa builds it: the message, then this form's turn, then what slot mapping took from it
    (a free-text question takes the whole message).
    """
    events = [
        {"event": "action", "name": "action_listen"},
        {
            "event": "user",
            "text": text,
            "parse_data": {"intent": {"name": intent, "confidence": 0.5}},
        },
        {"event": "slot", "name": "requested_slot", "value": asked},
        {"event": "action", "name": form},
        {"event": "slot", "name": asked, "value": text},
    ]
    state = tracker(text=text, intent=intent, slots={**slots, asked: text}, active_loop=form)
    state.events = events
    state.slots["requested_slot"] = asked
    return state


def said(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


@pytest.mark.parametrize(
    "text",
    [
        "cancel",
        "cancel the booking please",
        "actually don't bother",
        "changed my mind",
        "my brother is taking it to the tip",
        "actually can i cancel that, my brother is gonna take the sofa to the tip",
    ],
)
def test_a_change_of_mind_stops_the_booking_kindly_with_nothing_booked(text):
    messages, events = run(
        ValidateBulkyWasteForm(),
        in_form("bulky_waste_form", "bulky_confirm", text, "deny", **BULKY_SO_FAR),
    )
    slots = slots_set(events)
    assert slots["requested_slot"] is None
    assert all(slots[s] is None for s in BULKY_SO_FAR)
    assert "Nothing has been booked" in said(messages)
    assert "anything else" not in said(messages).lower()
    titles = [b["title"] for b in messages[-1]["buttons"]]
    assert "Talk to a person" in titles  # what next, never a dead end


def test_no_number_14_changes_the_house_and_reads_the_booking_back_again():
    messages, events = run(
        ValidateBulkyWasteForm(),
        in_form("bulky_waste_form", "bulky_confirm", "no, number 14", "deny", **BULKY_SO_FAR),
    )
    slots = slots_set(events)
    assert slots["house"] == "14"
    assert slots["bulky_confirm"] is None
    assert slots["requested_slot"] == "bulky_confirm"  # the read-back, with number 14
    assert "changed" in said(messages)


def test_a_corrected_bin_colour_replaces_the_one_named_before():
    street = get_council().streets_for_postcode("PL1 2JT")[0]
    state = in_form(
        "missed_bin_form",
        "house",
        "oh sorry it was the green recyclin one not the black",
        "deny",
        postcode="PL1 2JT",
        street=street.name,
        bin_type="general",
    )
    messages, events = run(ValidateMissedBinForm(), state)
    slots = slots_set(events)
    assert slots["bin_type"] == "recycling"
    assert slots["house"] is None  # the correction was not taken as the house
    assert slots["requested_slot"] == "house"


def test_wrong_date_its_the_15th_changes_the_moving_date_and_reads_back_again(monkeypatch):
    fix_clock(monkeypatch, datetime(2026, 12, 3, 10, 0, tzinfo=UK))
    state = in_form(
        "council_tax_move_form",
        "ctax_move_confirm",
        "wrong date, it's the 15th",
        "deny",
        ctax_move_kind="in",
        ctax_move_date="2026-12-14",
        ctax_new_address="4 Citadel Mews, PL1 2JT",
    )
    _, events = run(ValidateCouncilTaxMoveForm(), state)
    slots = slots_set(events)
    assert slots["ctax_move_date"] == "2026-12-15"
    assert slots["ctax_move_confirm"] is None
    assert slots["requested_slot"] == "ctax_move_confirm"


def test_a_question_about_the_price_is_answered_and_the_same_question_asked_again():
    messages, events = run(
        ValidateBulkyWasteForm(),
        in_form("bulky_waste_form", "postcode", "how much will it cost?", "council_tax_bill_query"),
    )
    assert "£" in said(messages)
    slots = slots_set(events)
    assert slots["postcode"] is None  # the question was not taken as a postcode
    assert slots["requested_slot"] == "postcode"


def test_why_do_you_need_my_address_is_answered_and_the_form_goes_on():
    messages, events = run(
        ValidateMissedBinForm(),
        in_form("missed_bin_form", "postcode", "why do you need my address?", "council_tax_move"),
    )
    assert "postcode" in said(messages).lower() and "only use it" in said(messages)
    assert slots_set(events)["requested_slot"] == "postcode"


def test_when_will_they_come_gives_the_councils_timescale():
    messages, events = run(
        ValidateMissedBinForm(),
        in_form("missed_bin_form", "house", "when will they come?", postcode="PL1 2JT", street="x"),
    )
    days = get_council().service("missed_bin").timescale_working_days
    assert f"{days} working days" in said(messages)
    assert slots_set(events)["requested_slot"] == "house"


def test_i_dont_know_says_why_it_is_needed_and_offers_a_person():
    messages, events = run(
        ValidateMissedBinForm(),
        in_form("missed_bin_form", "postcode", "I don't know", "deny"),
    )
    assert messages[0]["buttons"][0]["title"] == "Talk to a person"
    assert slots_set(events) == {"postcode": None, "requested_slot": "postcode"}


def test_can_you_say_that_again_asks_the_same_question_again():
    for text in ["can you say that again?", "what?", "pardon"]:
        messages, events = run(
            ValidateRequestBinForm(), in_form("request_bin_form", "postcode", text)
        )
        assert messages == []
        assert slots_set(events) == {"postcode": None, "requested_slot": "postcode"}


@pytest.mark.parametrize("intent", ["suicide_self_harm", "request_human"])
def test_a_crisis_or_a_request_for_a_person_is_never_taken_as_a_repair(intent):
    _, events = run(
        ValidateMissedBinForm(),
        in_form("missed_bin_form", "postcode", "I don't want to go on, forget it", intent),
    )
    assert slots_set(events).get("requested_slot") != "postcode"
    assert "Nothing has been" not in str(events)


@pytest.mark.parametrize(
    "text",
    ["will someone ring me about it", "will you text me when it's done?", "will i get a call back?",
     "how will i know when its sorted"],
)  # fmt: skip
def test_will_someone_ring_me_is_answered_honestly_and_the_form_goes_on(text):
    messages, events = run(
        ValidateMissedBinForm(),
        in_form("missed_bin_form", "house", text, "request_human", postcode="PL1 2JT", street="x"),
    )
    assert "nobody will ring you" in said(messages) and "reference" in said(messages)
    assert slots_set(events) == {"house": None, "requested_slot": "house"}


@pytest.mark.parametrize("text", ["can someone ring me please", "i want to speak to a person"])
def test_asking_for_a_call_or_a_person_is_still_a_request_for_a_person(text):
    _, events = run(
        ValidateMissedBinForm(),
        in_form("missed_bin_form", "house", text, "request_human", postcode="PL1 2JT", street="x"),
    )
    assert slots_set(events).get("requested_slot") != "house"


def test_an_ordinary_answer_is_not_mistaken_for_a_repair():
    for text in ["PL1 2JT", "12", "the black one", "behind the Co-op", "yes"]:
        assert detect_repair(text) is None, text


def test_the_form_that_cancels_a_booking_is_not_stopped_by_the_word_cancel():
    state = in_form("bulky_cancel_form", "reference", "cancel BW-7K3F9Q", "book_bulky_waste")
    _, events = run(ValidateBulkyCancelForm(), state)
    assert slots_set(events).get("reference") == "BW-7K3F9Q"


def test_the_bin_named_in_a_greeting_is_not_asked_for_again():
    state = tracker(
        text="hiya my bin wasnt collected this morning, the black one",
        active_loop="missed_bin_form",
    )
    _, events = run(ValidateMissedBinForm(), state)
    assert slots_set(events)["bin_type"] == "general"


def test_the_items_in_a_chatty_opening_request_are_kept():
    state = tracker(
        text="hi can u come and take away my old sofa and a fridge pls",
        intent="book_bulky_waste",
        active_loop="bulky_waste_form",
    )
    _, events = run(ValidateBulkyWasteForm(), state)
    keys = {line["key"] for line in slots_set(events)["bulky_items"]}
    assert keys == {"sofa", "fridge_freezer"}


def test_cancel_the_booking_please_with_no_form_open_reaches_the_cancellation():
    _, events = run(ActionNoOutsideForm(), tracker(text="cancel the booking please", intent="deny"))
    assert [e["name"] for e in events if e["event"] == "followup"] == ["bulky_cancel_form"]


def test_a_booking_made_in_this_chat_is_cancelled_without_asking_for_its_reference():
    booked = {"reference": "BW-7K3F9Q", "service": "bulky_waste", "postcode": "PL1 2JT"}
    state = tracker(
        text="actually can i cancel that, my brother is gonna take the sofa to the tip",
        intent="deny",
        active_loop="bulky_cancel_form",
        slots={"last_request": booked},
    )
    _, events = run(ValidateBulkyCancelForm(), state)
    assert slots_set(events)["reference"] == "BW-7K3F9Q"
    assert slots_set(events)["postcode"] == "PL1 2JT"


def test_a_plain_no_with_no_form_open_still_asks_what_else():
    messages, _ = run(ActionNoOutsideForm(), tracker(text="no", intent="deny"))
    assert messages[0]["response"] == "utter_anything_else"


def _reported_bin(database_url, monkeypatch):
    """A missed bin report just made in this chat for the wrong bin, and the right bin's key."""
    council = get_council()
    now = datetime(2026, 11, 17, 18, 0, tzinfo=UK)
    for street in council.streets:
        if len(council.streets_for_postcode(street.postcode)) != 1:
            continue
        due = [
            b for b in council.bin_types.values()
            if street.round_id(b.key) and assess_collection(council, street, b, now).outcome == "report"
        ]  # fmt: skip
        wrong = next(
            (b for b in council.bin_types.values() if b not in due and street.round_id(b.key)), None
        )
        if due and wrong is not None:
            break
    else:
        pytest.skip("no street with one bin due and another not")
    fix_clock(monkeypatch, now)
    state = tracker(
        slots={
            "postcode": street.postcode,
            "street": street.name,
            "house": "3",
            "bin_type": due[0].key,
        },
        sender_id="chat-amend",
    )
    _, events = run(ActionSubmitMissedBin(), state)
    return street, due[0], slots_set(events)["last_request"]


def test_sorry_it_was_the_other_bin_just_after_a_report_puts_that_report_right(
    database_url, monkeypatch
):
    from actions import context

    street, bin_type, last = _reported_bin(database_url, monkeypatch)
    other = next(b for b in get_council().bin_types.values() if b is not bin_type)
    # The resident reported the wrong one first: store it as that, then correct to the right one.
    context.service_requests().amend_own(
        last["reference"], "chat-amend", details={"bin_type": other.key}, same_job=["x"],
        due_by=datetime(2026, 11, 19).date(),
    )  # fmt: skip
    state = tracker(
        text=f"oh sorry it was the {bin_type.colour} one not the {other.colour}",
        intent="deny",
        slots={"last_request": last},
        sender_id="chat-amend",
    )
    messages, _ = run(ActionNoOutsideForm(), state)
    assert f"changed report {last['reference']}" in said(messages)
    stored = context.service_requests().find(last["reference"], street.postcode)
    assert stored is not None and stored.details["bin_type"] == bin_type.key


def test_another_residents_report_is_never_changed(database_url, monkeypatch):
    from actions import context

    _, bin_type, last = _reported_bin(database_url, monkeypatch)
    other = next(b for b in get_council().bin_types.values() if b is not bin_type)
    assert (
        context.service_requests().amend_own(
            last["reference"],
            "someone-else",
            details={"bin_type": other.key},
            same_job=["y"],
            due_by=datetime(2026, 11, 19).date(),
        )  # fmt: skip
        is None
    )


def test_every_form_validator_hears_repairs():
    """One shared mechanism: every form's validator derives from ResidentFormValidation."""
    from rasa_sdk.executor import ActionExecutor

    from actions.forms.validation import ResidentFormValidation

    forms = list(domain()["forms"])

    executor = ActionExecutor()
    executor.register_package("actions")
    for form in forms:
        action = executor.actions.get(f"validate_{form}")
        assert action is not None, form
        assert isinstance(getattr(action, "__self__", None), ResidentFormValidation), form


def test_a_long_description_that_mentions_no_longer_needing_something_is_kept_as_the_description():
    text = "I no longer need childcare because my son started school, so my costs went down"
    state = in_form(
        "benefits_change_form", "benefit_change_details", text,
        benefit_change_kind="income", benefit_change_date="2026-11-20",
    )  # fmt: skip
    from actions.benefits_change import ValidateBenefitsChangeForm

    _, events = run(ValidateBenefitsChangeForm(), state)
    assert slots_set(events).get("benefit_change_details")


def test_a_correction_that_opens_a_new_missed_bin_report_puts_the_last_one_right_instead(
    database_url, monkeypatch
):
    from actions import context

    street, bin_type, last = _reported_bin(database_url, monkeypatch)
    other = next(b for b in get_council().bin_types.values() if b is not bin_type)
    context.service_requests().amend_own(
        last["reference"], "chat-amend", details={"bin_type": other.key}, same_job=["x"],
        due_by=datetime(2026, 11, 19).date(),
    )  # fmt: skip
    state = tracker(
        text=f"oh sorry it was the {bin_type.colour} one not the {other.colour}",
        intent="report_missed_bin",
        active_loop="missed_bin_form",
        slots={"last_request": last},
        sender_id="chat-amend",
    )
    messages, events = run(ValidateMissedBinForm(), state)
    assert slots_set(events)["requested_slot"] is None  # no second report started
    assert last["reference"] in said(messages)
    assert (
        context.service_requests().find(last["reference"], street.postcode).details["bin_type"]
        == bin_type.key
    )


def _opening(validator: Any, form: str, text: str, intent: str) -> dict[str, Any]:
    _, events = run(validator, tracker(text=text, intent=intent, active_loop=form))
    return slots_set(events)


def test_details_in_opening_messages_are_used_for_every_form_with_an_obvious_question(monkeypatch):
    from actions.digital_help import ValidateDigitalHelpForm
    from actions.fly_tipping import ValidateFlyTippingForm
    from actions.housing_repair import ValidateHousingRepairForm

    fix_clock(monkeypatch, datetime(2026, 12, 3, 10, 0, tzinfo=UK))
    moving = _opening(
        ValidateCouncilTaxMoveForm(), "council_tax_move_form",
        "hi i moved out on the 28th of november", "council_tax_move",
    )  # fmt: skip
    assert moving["ctax_move_kind"] == "out" and moving["ctax_move_date"] == "2026-11-28"
    online = _opening(
        ValidateDigitalHelpForm(), "digital_help_form",
        "i have no internet at home, where can i get online", "find_computer_or_wifi",
    )  # fmt: skip
    assert online["digital_barrier"] == "no_access"
    dumped = _opening(
        ValidateFlyTippingForm(), "fly_tipping_form",
        "someone has dumped a van load of rubbish in the lane", "report_fly_tipping",
    )  # fmt: skip
    assert dumped["fly_tipping_amount"] == "van_load"
    repair = _opening(
        ValidateHousingRepairForm(), "housing_repair_form",
        "hi the boiler in my council flat is broken", "report_housing_repair",
    )  # fmt: skip
    assert repair["repair_tenancy"] == "council"


def test_a_new_bin_with_a_greeting_keeps_the_bin_and_the_reason():
    order = _opening(
        ValidateRequestBinForm(), "request_bin_form",
        "hiya my green recycling bin was stolen", "request_bin",
    )  # fmt: skip
    assert order["bin_container"] == "recycling" and order["bin_reason"] == "stolen"


def test_a_correction_to_a_request_just_made_that_cannot_be_changed_here_offers_a_person():
    booked = {"reference": "BW-7K3F9Q", "service": "bulky_waste", "postcode": "PL1 2JT"}
    state = tracker(
        text="sorry, it was 2 mattresses not 1", intent="deny", slots={"last_request": booked}
    )
    messages, _ = run(ActionNoOutsideForm(), state)
    assert (
        "BW-7K3F9Q" in said(messages) and messages[0]["buttons"][0]["title"] == "Talk to a person"
    )
    messages, _ = run(
        ActionNoOutsideForm(),
        tracker(text="no thanks", intent="deny", slots={"last_request": booked}),
    )
    assert messages[0]["response"] == "utter_anything_else"


BOOKED_HERE = {"reference": "BW-7K3F9Q", "service": "bulky_waste", "postcode": "PL1 2JT"}


@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
def test_cancelling_a_booking_just_made_works_however_the_classifier_read_it(intent):
    from actions.fallback import ActionFallback, ActionOutOfScope

    action = ActionOutOfScope() if intent == "out_of_scope" else ActionFallback()
    state = tracker(
        text="actually can i cancel that, my brother is gonna take the sofa to the tip",
        intent=intent,
        slots={"last_request": BOOKED_HERE},
    )
    _, events = run(action, state)
    assert [e["name"] for e in events if e["event"] == "followup"] == ["bulky_cancel_form"]


def test_out_of_scope_with_nothing_to_cancel_or_correct_still_says_so():
    from actions.fallback import ActionOutOfScope

    messages, events = run(
        ActionOutOfScope(),
        tracker(text="actually whats the weather tomorrow", intent="out_of_scope"),
    )
    assert messages[0]["response"] == "utter_out_of_scope" and events == []


def test_a_correction_not_understood_after_a_request_is_not_offered_a_person_in_its_place():
    from actions.fallback import ActionFallback

    state = tracker(
        text="sorry what does that mean", intent="nlu_fallback", slots={"last_request": BOOKED_HERE}
    )
    messages, _ = run(ActionFallback(), state)
    assert "put it right" not in said(messages)
