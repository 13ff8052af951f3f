"""Housing Benefit and Council Tax Support answers from benefits.yml (actions/benefits_info.py)."""

from __future__ import annotations

import pytest

from actions.benefits_info import ActionBenefitsInformation
from tests.actions.trackers import run, tracker


@pytest.mark.parametrize(
    ("said", "expected", "absent"),
    [
        (
            "I'm retired, can I get housing benefit",
            "Claim Housing Benefit from us",
            "Universal Credit",
        ),
        ("I'm 30, can I get help with my rent", "Universal Credit", "Reached State Pension age"),
        ("can I get help with my council tax bill", "Council Tax Support", "Universal Credit"),
    ],
)
def test_benefit_questions_point_to_the_right_help_for_age_and_situation(said, expected, absent):
    messages, _ = run(ActionBenefitsInformation(), tracker(text=said, intent="benefits_enquiry"))
    text = messages[0]["text"]
    assert expected in text and absent not in text
    assert "https://www.example-borough.gov.uk/benefits/apply" in text
    assert "/benefits_change_of_circumstances" in [b["payload"] for b in messages[0]["buttons"]]


def test_asking_about_a_claim_in_progress_gives_the_timescale_and_phone():
    messages, _ = run(
        ActionBenefitsInformation(),
        tracker(text="how long will my claim take", intent="benefits_enquiry"),
    )
    assert "20 working days" in messages[0]["text"] and "01632 960000" in messages[0]["text"]
