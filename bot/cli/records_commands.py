"""The `councilbot` commands for residents' records: retention, sar export/erase and data-map."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from bot.settings import get_settings

if TYPE_CHECKING:
    from bot.council.privacy import PrivacyRules


def _council_privacy() -> PrivacyRules | None:
    from bot.council import CouncilDataError, get_council

    try:
        privacy = get_council(get_settings().council_dir).privacy
    except CouncilDataError as error:
        print(f"Council data is not valid: {error}", file=sys.stderr)
        return None
    if privacy is None:
        print(
            "The council folder has no privacy.yml, so there is no retention schedule.",
            file=sys.stderr,
        )
    return privacy


def cmd_retention(args: argparse.Namespace) -> int:
    from bot.records.retention import purge
    from bot.storage.migrate import upgrade_database

    privacy = _council_privacy()
    if privacy is None:
        return 1
    upgrade_database(get_settings().database_url)
    report = purge(privacy.retention, apply=args.apply, actor="councilbot retention")
    for line in report.lines():
        print(line)
    total = f"{report.total} record(s)"
    if args.apply:
        print(f"Removed {total}. The purge is recorded in the audit log.", file=sys.stderr)
    else:
        print(f"Dry run: {total} would be removed. Nothing was changed.", file=sys.stderr)
    return 0


def add_records_commands(sub: argparse._SubParsersAction) -> None:
    """Add the records commands to the councilbot parser."""
    retention = sub.add_parser(
        "retention", help="show (--dry-run) or remove (--apply) records past their retention"
    )
    mode = retention.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="count what would go; change nothing")
    mode.add_argument("--apply", action="store_true", help="remove it, and audit the purge")
    retention.set_defaults(handler=cmd_retention)
