"""The intent is the average of DIET's and the logistic regression's rankings."""

from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intent_ensemble import AverageRankings, KeepFirstRanking, average_rankings


def _ranking(*pairs: tuple[str, float]) -> list[dict[str, object]]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def test_the_intent_both_classifiers_find_likely_beats_one_that_only_one_is_sure_of() -> None:
    diet = _ranking(("council_tax_move", 0.55), ("council_tax_discount", 0.40))
    regression = _ranking(("council_tax_discount", 0.70), ("council_tax_move", 0.10))

    averaged = average_rankings(diet, regression)

    assert averaged[0] == {"name": "council_tax_discount", "confidence": 0.55}
    assert [entry["name"] for entry in averaged] == ["council_tax_discount", "council_tax_move"]


def test_an_intent_missing_from_one_ranking_counts_as_nought_there() -> None:
    averaged = average_rankings(
        _ranking(("report_missed_bin", 0.8)), _ranking(("check_bin_day", 0.6))
    )

    assert averaged == _ranking(("report_missed_bin", 0.4), ("check_bin_day", 0.3))


def test_the_pipeline_pair_keeps_the_first_ranking_and_gives_the_average_as_the_intent() -> None:
    message = Message(data={"text": "my bin wasn't emptied"})
    message.set(INTENT_RANKING_KEY, _ranking(("report_missed_bin", 0.9), ("check_bin_day", 0.1)))
    KeepFirstRanking().process([message])
    # The logistic regression then overwrites the intent and ranking with its own.
    message.set(INTENT, {"name": "check_bin_day", "confidence": 0.6})
    message.set(INTENT_RANKING_KEY, _ranking(("check_bin_day", 0.6), ("report_missed_bin", 0.4)))

    AverageRankings().process([message])

    assert message.get(INTENT)["name"] == "report_missed_bin"
    assert round(message.get(INTENT)["confidence"], 2) == 0.65
    assert message.as_dict(only_output_properties=True)[INTENT]["name"] == "report_missed_bin"


def test_a_message_with_no_ranking_is_left_as_it_is() -> None:
    message = Message(data={"text": "/greet"})
    KeepFirstRanking().process([message])
    AverageRankings().process([message])

    assert message.get(INTENT) is None
