"""`councilbot retention`, `sar` and `data-map` as an information governance officer runs them."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.cli.commands import main
from bot.storage.engine import get_engine
from bot.storage.models import AuditEvent
from tests.support.records_seed import Seeder


def _purges() -> int:
    with get_engine().connect() as connection:
        return int(
            connection.execute(
                select(func.count()).where(AuditEvent.action == "retention.purge")
            ).scalar()
        )


def test_retention_dry_run_lists_counts_per_kind_and_changes_nothing(sqlite_url, capsys):
    seed = Seeder()
    seed.conversation("old-chat", ["my bin was missed"], days_ago=400)
    seed.audit(days_ago=3000)

    assert main(["retention", "--dry-run"]) == 0

    out, err = capsys.readouterr()
    assert "conversations (tracker events): 2 would be removed" in out
    assert "audit events: 1 would be removed" in out
    assert "Dry run: 3 record(s) would be removed. Nothing was changed." in err
    assert _purges() == 0


def test_retention_apply_removes_what_is_due_and_is_audited(sqlite_url, capsys):
    Seeder().conversation("old-chat", ["my bin was missed"], days_ago=400)

    assert main(["retention", "--apply"]) == 0
    assert "conversations (tracker events): 2 removed" in capsys.readouterr().out
    assert main(["retention", "--dry-run"]) == 0
    assert "Dry run: 0 record(s)" in capsys.readouterr().err
    assert _purges() == 1


def test_retention_needs_dry_run_or_apply(sqlite_url, capsys):
    try:
        main(["retention"])
    except SystemExit as stop:
        assert stop.code == 2
    assert "--dry-run" in capsys.readouterr().err


def test_sar_export_writes_the_zip_and_prints_counts(sqlite_url, tmp_path, capsys):
    seed = Seeder()
    seed.conversation("+447700900123", ["hello"], days_ago=1)
    out = tmp_path / "sar.zip"

    assert main(["sar", "export", "--phone", "07700 900123", "--out", str(out)]) == 0

    assert out.is_file()
    printed, err = capsys.readouterr()
    assert "conversations: 1" in printed and "recorded in the audit log" in err


def test_sar_needs_an_identifier_and_erasing_needs_yes(sqlite_url, capsys):
    assert main(["sar", "export", "--out", "x.zip"]) == 2
    assert "--phone, --email" in capsys.readouterr().err
    assert main(["sar", "erase", "--phone", "07700 900123"]) == 2
    assert "--yes" in capsys.readouterr().err


def test_sar_erase_refuses_plainly_under_a_legal_hold(sqlite_url, capsys):
    Seeder().ticket(sender_id="+447700900123", days_ago=0, status="open", channel="twilio_sms")

    assert main(["sar", "erase", "--phone", "07700 900123", "--yes"]) == 1

    assert "Nothing was deleted" in capsys.readouterr().out


def test_data_map_prints_a_markdown_table_or_writes_a_file(tmp_path, capsys):
    assert main(["data-map"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("| Table | Field | Why it is kept | How long |")
    assert "| `events (Rasa)` | `id` |" in printed
    assert main(["data-map", "--out", str(tmp_path / "map.md")]) == 0
    assert (tmp_path / "map.md").read_text() == printed
