"""scripts/test_map.py lists the source modules without a test module at the mirrored path."""

from __future__ import annotations

from pathlib import Path

from scripts.test_map import mirrored_test, source_modules, untested_modules


def _touch(root: Path, *paths: str) -> None:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text('"""A module."""\n')


def test_a_module_is_tested_only_by_the_test_file_at_its_mirrored_path(tmp_path: Path):
    _touch(
        tmp_path,
        "bot/__init__.py",
        "bot/records/tickets.py",
        "bot/storage/migrations/versions/0001_first.py",
        "channels/webchat/channel.py",
        "actions/missed_bin.py",
        "tests/bot/records/test_tickets.py",
        "tests/channels/test_channel.py",  # not the mirrored path of channels/webchat/channel.py
    )

    assert [str(m) for m in source_modules(tmp_path)] == [
        "bot/records/tickets.py",
        "actions/missed_bin.py",
        "channels/webchat/channel.py",
    ]
    assert [str(m) for m in untested_modules(tmp_path)] == [
        "actions/missed_bin.py",
        "channels/webchat/channel.py",
    ]
    assert mirrored_test(Path("channels/webchat/channel.py")) == Path(
        "tests/channels/webchat/test_channel.py"
    )


def test_every_source_module_of_this_project_has_a_mirrored_test_module():
    assert untested_modules() == []
