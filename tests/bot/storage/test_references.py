"""References residents read out or paste, found inside whatever else they typed."""

from __future__ import annotations

import pytest

from bot.storage.references import find_reference, new_reference


@pytest.mark.parametrize(
    "typed",
    [
        "BW-7K3F9Q",
        "bw7k3f9q",
        "sorry its bw-7k3f9q i think",
        "my ref is bw 7k3f9q.",
        "ref: BW-7K3F9Q, postcode pl1 2aa",
    ],
)
def test_a_reference_is_found_inside_a_sentence_and_normalised(typed: str) -> None:
    assert find_reference(typed) == "BW-7K3F9Q"


@pytest.mark.parametrize("typed", ["sorry 51948230", "PL1 2AA", "my bin was not collected", ""])
def test_text_without_a_reference_gives_none(typed: str) -> None:
    assert find_reference(typed) is None


def test_a_new_reference_can_be_found_again() -> None:
    reference = new_reference("mb")
    assert find_reference(f"it was {reference.lower()} thanks") == reference
