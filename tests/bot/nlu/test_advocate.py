"""Residents asking for someone else are recognised, so forms and advisors know."""

from __future__ import annotations

import pytest

from bot.nlu.advocate import detect_acting_for, for_resident


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("I'm asking for my dad", "their dad"),
        ("calling on behalf of my nan", "their nan"),
        ("my mums bin wasnt collected", "their mum"),
        ("can you help my elderly neighbour with her council tax", "their neighbour"),
        ("my dad can't use computers so I'm doing it", "their dad"),
        ("I'm the carer for my mother and her boiler is broken", "their mum"),
        ("My Grandad’s bins haven't been emptied", "their grandad"),
        ("sorting out my late fathers council tax", "their dad"),
    ],
)
def test_acting_for_someone_is_recognised(text, who):
    assert detect_acting_for(text) == who


@pytest.mark.parametrize(
    "text",
    [
        "my bin was missed",
        "I want to pay for my council tax",
        "my partner hits me",
        "my son is being bullied at school",
        "can I get a parking permit for my carer",
        "is there help for my own rent",
    ],
)
def test_talking_about_yourself_is_not_mistaken_for_acting_for_someone(text):
    assert detect_acting_for(text) is None


def test_questions_name_whose_home_it_is():
    assert for_resident("their dad") == "your dad's"
    assert for_resident(None) == "the"
