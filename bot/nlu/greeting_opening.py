"""Rasa pipeline component: a greeting before a request ("hello there, good afternoon, there's a pothole") is not read as part of it."""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent

#: Words that open a message as a greeting; "good" counts only before a time of day.
GREETING_WORDS = frozenset(
    {"hi", "hiya", "hello", "helo", "hallo", "hey", "heya", "morning", "afternoon", "evening"}
)
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "day"})
#: Words that may follow a greeting as part of it ("hi there", "hello all").
_AFTER_GREETING = frozenset({"there", "all", "everyone", "again", "folks"})
#: What must be left for the greeting to go: a request, not small talk. "Hi there", "hello, can
#: you help me" and "good morning, hope someone can help" stay greetings (4 words at most after
#: the greeting, in every greeting of the training data and the dev file).
MIN_REMAINING_WORDS = 5


def greeting_length(words: list[str]) -> int:
    """How many of the first words are a greeting (0 when the message doesn't open with one)."""
    count = 0
    while count < len(words):
        word = words[count]
        if word in GREETING_WORDS:
            count += 1
        elif word == "good" and count + 1 < len(words) and words[count + 1] in _TIMES_OF_DAY:
            count += 2
        elif count and word in _AFTER_GREETING:
            count += 1
        else:
            break
    return count


def without_greeting(text: str) -> str:
    """The request after an opening greeting, or the text unchanged when nothing else is left."""
    words = text.split()
    bare = [re.sub(r"[^a-z']", "", word.lower()) for word in words]
    cut = greeting_length(bare)
    if not cut or len(words) - cut < MIN_REMAINING_WORDS:
        return text
    # Punctuation glued to the last greeting word ("afternoon,") goes with it.
    return " ".join(words[cut:]).lstrip(" ,.!-:;")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class GreetingOpening(StatelessComponent):
    """First in the pipeline, when a message is read (not in training): the greeting goes.

    Only the text the pipeline reads changes: the tracker, the transcript and the actions keep
    every word the resident typed. Training data is left as it is.
    """

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and not text.startswith("/"):
                message.set(TEXT, without_greeting(text))
        return messages
