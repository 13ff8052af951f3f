"""Models are named by a fingerprint of what training reads, so training runs only when that changed (bot/cli/model_store.py)."""

from __future__ import annotations

from pathlib import Path

from bot.cli.model_store import current_model, data_fingerprint, model_path, training_seconds_file


def test_the_fingerprint_is_the_same_for_the_same_data():
    first = data_fingerprint()
    assert first == data_fingerprint()
    assert len(first) == 16 and int(first, 16) >= 0


def test_a_model_is_named_after_its_fingerprint_and_keeps_its_training_time_beside_it(
    tmp_path: Path,
):
    path = model_path(tmp_path, "0123456789abcdef")
    assert path == tmp_path / "council-0123456789abcdef.tar.gz"
    assert training_seconds_file(path) == tmp_path / "council-0123456789abcdef.seconds"


def test_only_a_model_trained_on_the_current_data_is_current(tmp_path: Path):
    (tmp_path / "council-0000000000000000.tar.gz").write_bytes(b"an old model")
    assert current_model(tmp_path) is None

    model_path(tmp_path).write_bytes(b"a model of today's data")
    assert current_model(tmp_path) == model_path(tmp_path)
