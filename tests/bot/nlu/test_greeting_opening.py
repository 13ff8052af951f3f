"""A greeting before a request is not read as part of it; a greeting with small talk stays a greeting."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.greeting_opening import GreetingOpening, without_greeting


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("hello there good afternoon, theres a massive pothole outside my house",
         "theres a massive pothole outside my house"),
        ("hiya my bin wasnt collected this morning, the black one",
         "my bin wasnt collected this morning, the black one"),
        ("Morning! can u come and take away my old sofa", "can u come and take away my old sofa"),
        ("hey all, how do i pay my council tax online", "how do i pay my council tax online"),
    ],
)  # fmt: skip
def test_the_request_after_a_greeting_is_what_the_classifier_reads(text: str, read: str) -> None:
    assert without_greeting(text) == read


@pytest.mark.parametrize(
    "text",
    ["hi", "hi there", "good morning, hope someone can help", "hello, can you help me",
     "hiya, you ok", "High rise flats lift broken again on the 9th floor", "/greet"],
)  # fmt: skip
def test_small_talk_after_a_greeting_and_words_that_only_look_like_one_are_kept(text: str) -> None:
    message = Message(data={"text": text})
    GreetingOpening().process([message])
    assert message.get("text") == text
