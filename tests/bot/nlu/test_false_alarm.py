"""Tests for spotting a resident taking back an alarm (bot/nlu/false_alarm.py)."""

from __future__ import annotations

import pytest

from bot.nlu.false_alarm import takes_back_an_alarm


@pytest.mark.parametrize(
    "text",
    [
        "that's not what I meant",
        "no im not in danger",
        "wrong button",
        "sorry I pressed the wrong button",
        "what?? im not homeless, i just want the single person discount",
        "I didn't mean that",
        "you've got it wrong, I'm fine",
        "false alarm sorry",
        "i meant the discount not homelessness",
        "I'm not suicidal, I just want my bin emptied",
        "no gas smell now, the engineer fixed it",
    ],
)
def test_a_resident_taking_back_an_alarm_is_recognised(text: str) -> None:
    assert takes_back_an_alarm(text)


@pytest.mark.parametrize(
    "text",
    [
        "sorry wrong button, but he does hit me",
        "that's not what I meant, I want to die",
        "I am safe but he is outside",
        "how long will I have to wait",
        "hello?",
        "ok thanks",
        "",
    ],
)
def test_a_crisis_or_an_ordinary_message_is_not_taking_back_an_alarm(text: str) -> None:
    assert not takes_back_an_alarm(text)
