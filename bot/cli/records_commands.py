"""The `councilbot` commands for residents' records: retention, sar export/erase and data-map."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.settings import get_settings

if TYPE_CHECKING:
    from bot.council.privacy import PrivacyRules
    from bot.records.subject_access import Identifiers


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


def _identifiers(args: argparse.Namespace) -> Identifiers:
    from bot.records.subject_access import Identifiers

    return Identifiers(
        phones=tuple(args.phone or ()),
        emails=tuple(args.email or ()),
        references=tuple(args.reference or ()),
        webchat_sessions=tuple(args.webchat_session or ()),
    )


def _actor() -> str:
    import getpass

    try:
        return f"{getpass.getuser()} (councilbot sar)"
    except Exception:  # no login name (e.g. in a container)
        return "councilbot sar"


def cmd_sar(args: argparse.Namespace) -> int:
    from bot.records.sar import erase_subject, export
    from bot.storage.migrate import upgrade_database

    given = _identifiers(args)
    if given.is_empty():
        print(
            "Say whose records: --phone, --email, --reference or --webchat-session"
            " (each can be given more than once).",
            file=sys.stderr,
        )
        return 2
    upgrade_database(get_settings().database_url)
    if args.action == "export":
        if args.out is None:
            print("Say where to save the ZIP file with --out, e.g. --out sar.zip", file=sys.stderr)
            return 2
        summary = export(given, args.out, actor=_actor())
        for kind, count in summary.counts.items():
            print(f"{kind.replace('_', ' ')}: {count}")
        print(
            f"Saved {summary.total} record(s) to {args.out}. The export is recorded in the audit log.",
            file=sys.stderr,
        )
        return 0
    if not args.yes:
        print(
            "Erasing cannot be undone. Run the same command again with --yes to erase.",
            file=sys.stderr,
        )
        return 2
    report = erase_subject(given, actor=_actor())
    for line in report.lines():
        print(line)
    return 1 if report.refused else 0


def cmd_data_map(args: argparse.Namespace) -> int:
    from bot.storage.data_map import data_map_markdown

    privacy = _council_privacy()
    text = data_map_markdown(privacy.retention if privacy else None)
    if args.out is None:
        print(text, end="")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"Wrote the data map to {args.out}.", file=sys.stderr)
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

    sar = sub.add_parser(
        "sar", help="subject access: export (or erase) everything held about a resident"
    )
    sar.add_argument("action", choices=["export", "erase"])
    sar.add_argument("--phone", action="append", help="a phone number they texted from or gave us")
    sar.add_argument("--email", action="append", help="an email address they gave in a form")
    sar.add_argument(
        "--reference", action="append", help="a reference such as MB-7K3F9Q or AD-7K3F9Q"
    )
    sar.add_argument("--webchat-session", action="append", help="a webchat session id")
    sar.add_argument("--out", type=Path, help="export: the ZIP file to write")
    sar.add_argument("--yes", action="store_true", help="erase: confirm that it cannot be undone")
    sar.set_defaults(handler=cmd_sar)

    data_map = sub.add_parser(
        "data-map", help="a Markdown table of every stored field, why it is kept and for how long"
    )
    data_map.add_argument("--out", type=Path, help="write it to this file (default: print it)")
    data_map.set_defaults(handler=cmd_data_map)
