"""The `councilbot` command's migrate, check-council and advisor subcommands, as an operator runs them (bot/cli/commands.py)."""

from __future__ import annotations

import io

import pytest

from bot.cli.commands import main
from bot.records.advisor_accounts import AdvisorAccounts
from tests.bot.council.test_council import broken_copy
from tests.conftest import reset_cached_state


def test_check_council_says_the_demo_data_is_valid(sqlite_url, capsys):
    assert main(["check-council"]) == 0
    assert "is valid" in capsys.readouterr().err


def test_check_council_names_the_mistake_and_fails(sqlite_url, tmp_path, monkeypatch, capsys):
    folder = broken_copy(tmp_path, "bins.yml", "    colour: black", "    color: black")
    monkeypatch.setenv("COUNCIL_DIR", str(folder))
    reset_cached_state()

    assert main(["check-council"]) == 1
    assert "Council data is not valid: " in capsys.readouterr().err


def test_an_advisor_added_with_a_password_on_stdin_can_sign_in_and_be_listed(
    sqlite_url, monkeypatch, capsys
):
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))

    assert main(["advisor", "add", "sam", "--name", "Sam Patel", "--password-stdin"]) == 0
    assert AdvisorAccounts().sign_in("sam", "correct horse battery") is not None
    capsys.readouterr()
    assert main(["advisor", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["sam\tSam Patel\tactive"]


def test_an_advisor_switched_off_can_no_longer_sign_in(sqlite_url, monkeypatch, capsys):
    AdvisorAccounts().create("sam", "Sam", "correct horse battery")

    assert main(["advisor", "disable", "sam"]) == 0
    assert AdvisorAccounts().sign_in("sam", "correct horse battery") is None
    assert "is disabled" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["advisor", "disable", "nobody"], 1, "There is no advisor called 'nobody'."),
        (["advisor", "add"], 2, "Give the advisor's username."),
    ],
)
def test_advisor_mistakes_are_explained_with_a_failing_exit_code(
    sqlite_url, capsys, argv, code, said
):
    assert main(argv) == code
    assert said in capsys.readouterr().err


def test_migrate_brings_a_new_database_up_to_date(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    reset_cached_state()
    try:
        assert main(["migrate"]) == 0
        assert AdvisorAccounts().accounts() == []
        assert "up to date" in capsys.readouterr().err
    finally:
        reset_cached_state()
