"""The data map: every stored field has a reason and a retention, and the README shows the current map."""

from __future__ import annotations

from pathlib import Path

from bot.council import get_council
from bot.storage.data_map import data_map, data_map_markdown
from bot.storage.models import Base

README = Path(__file__).resolve().parents[3] / "README.md"
SCHEDULE = get_council().privacy.retention


def test_every_column_of_every_table_says_why_it_is_kept_and_for_how_long():
    fields = data_map(SCHEDULE)
    listed = {(f.table, f.column) for f in fields}
    for table in Base.metadata.tables.values():
        for column in table.columns:
            assert (table.name, column.name) in listed
    missing = [f"{f.table}.{f.column}" for f in fields if len(f.reason.split()) < 3]
    assert missing == []
    assert [f"{f.table}" for f in fields if not f.retention] == []


def test_rasa_events_are_in_the_map_with_the_conversations_period():
    events = [f for f in data_map(SCHEDULE) if f.table == "events (Rasa)"]
    assert {f.column for f in events} >= {"sender_id", "data", "timestamp"}
    assert all(f.retention.startswith("90 days (conversations)") for f in events)


def test_service_requests_name_the_services_kept_longer():
    [reference] = [
        f for f in data_map(SCHEDULE) if (f.table, f.column) == ("service_requests", "reference")
    ]
    assert "housing_repair: 6 years" in reference.retention


def test_the_readme_holds_the_current_data_map():
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- data-map:start -->\n", "<!-- data-map:end -->"
    assert start in text and end in text, "README.md needs the data map between its markers"
    shown = text.split(start, 1)[1].split(end, 1)[0]
    assert shown == data_map_markdown(
        SCHEDULE
    ), "run `councilbot data-map` and paste it into README.md"
