"""Text-speak, contractions, family words and look-alike characters are folded before the crisis rules run (bot/nlu/crisis_rules/normalisation.py)."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pleeeease help", "pleease help"),
        ("I\u2019m scared", "i am scared"),
        ("u r my m8", "you are my mate"),
        ("ur bf", "your boyfriend"),
        ("my gf", "my girlfriend"),
        ("I wanna go, I'm gonna go", "i want to go i am going to go"),
        ("I can't, I cant, I dont, I don\u2019t", "i cannot i cannot i do not i do not"),
        ("im", "i am"),
        ("k1ll", "kill"),
        ("su1cide", "suicide"),
        ("$uicide", "suicide"),
        ("kms", "kill myself"),
        ("me mam", "my mum"),
        ("my mom and my mam", "my mum and my mum"),
        ("my step dad, my step-dad, my stepfather", "my stepdad my stepdad my stepdad"),
        ("my ex-boyfriend", "my ex boyfriend"),
        ("Caf\u00e9 na\u00efve", "cafe naive"),
        ("ki\u200bll", "kill"),
        ("hello\x00world\x1b", "hello world"),
        ("a\tb\r\nc", "a b c"),
        ("\u201cquoted\u201d", "quoted"),
        ("\uff2b\uff29\uff2c\uff2c", "kill"),  # full-width letters
        ("hello,   world!!!  ", "hello world"),
        ("thinkin bout endin it", "thinking about ending it"),
        ("the cabin and the basin", "the cabin and the basin"),
        ("want 2 die", "want to die"),
        ("I've OD'd", "i have overdosed"),
        ("sw1a 1aa, ref 12345", "swia iaa ref 12345"),
        ("", ""),
    ],
)
def test_normalise_folds_text_speak_accents_and_punctuation(raw: str, expected: str) -> None:
    assert normalise(raw) == expected
