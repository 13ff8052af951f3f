"""Subject access requests: export everything held about a resident as one ZIP, or erase it; both audited."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bot.council import get_council
from bot.records.sar_report import render_report
from bot.records.subject_access import Identifiers, erase, find, holds, read_records
from bot.settings import get_settings
from bot.storage import audit
from bot.storage.engine import get_engine
from bot.storage.models import utcnow

REPORT_NAME = "report.html"
DATA_NAME = "records.json"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class ExportSummary:
    """What went into the ZIP, counted per kind of record."""

    path: Path
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ErasureReport:
    """What was erased per kind of record, or why nothing was (a legal hold)."""

    counts: dict[str, int]
    refused: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        if self.refused:
            return [
                "Nothing was deleted, because some of these records must be kept for now:",
                *[f"- {reason}" for reason in self.refused],
            ]
        lines = [f"{kind}: {count} deleted" for kind, count in self.counts.items()]
        lines.append(
            "Kept: the audit log of who looked at the records (it holds no personal details),"
            " and a request not to be texted (STOP), kept by a keyed hash so it is honoured."
        )
        return lines


def _retention_lines() -> list[tuple[str, str, str]]:
    privacy = get_council(get_settings().council_dir).privacy
    if privacy is None:
        return []
    from bot.council.privacy import RECORD_KINDS

    return [
        (kind.replace("_", " ").capitalize(), line.period, line.reason)
        for kind in RECORD_KINDS
        for line in [privacy.retention.period(kind)]
    ]


def export(
    given: Identifiers, out: Path, *, actor: str, database_url: str | None = None
) -> ExportSummary:
    """Write a ZIP of everything held about the resident (JSON and an HTML report); audited."""
    council = get_council(get_settings().council_dir)
    made_at = utcnow()
    with get_engine(database_url).begin() as connection:
        found = find(connection, given)
        records = read_records(connection, found)
        counts = {kind: len(rows) for kind, rows in records.items()}
        audit.record_on(connection, actor, "sar.export", f"records:{sum(counts.values())}")
    document: dict[str, Any] = {
        "made_at": made_at.isoformat(),
        "council": council.name,
        "asked_with": {
            "phones": list(given.phones),
            "emails": list(given.emails),
            "references": list(given.references),
            "webchat_sessions": list(given.webchat_sessions),
        },
        "records": records,
    }
    html = render_report(
        records,
        council_name=council.name,
        service_names={key: service.name for key, service in council.services.items()},
        retention_lines=_retention_lines(),
        generated_at=made_at,
    )
    _write_zip(out, document, html, made_at)
    return ExportSummary(out, counts)


def _write_zip(out: Path, document: dict[str, Any], html: str, made_at: datetime) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    stamp = made_at.timetuple()[:6]
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo(DATA_NAME, stamp), json.dumps(document, indent=2, ensure_ascii=False)
        )
        archive.writestr(zipfile.ZipInfo(REPORT_NAME, stamp), html)
    partial.replace(out)


def erase_subject(
    given: Identifiers, *, actor: str, database_url: str | None = None
) -> ErasureReport:
    """Erase everything held about the resident, unless a legal hold applies (then nothing); audited."""
    privacy = get_council(get_settings().council_dir).privacy
    with get_engine(database_url).begin() as connection:
        found = find(connection, given)
        # Without a schedule every safeguarding case is held.
        since = privacy.retention.safeguarding_cases.cutoff(utcnow()) if privacy else EPOCH
        held = holds(connection, found, since)
        if held.reasons:
            audit.record_on(connection, actor, "sar.erase_refused", "legal hold")
            return ErasureReport({}, held.reasons)
        counts = erase(connection, found)
        audit.record_on(connection, actor, "sar.erase", f"records:{sum(counts.values())}")
    return ErasureReport(counts)
