"""The `councilbot` command: triage, train, migrate, check-council, advisor, run, run-cluster, and the records commands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bot.cli.records_commands import add_records_commands
from bot.log_level import apply_log_level
from bot.settings import SettingsError, get_settings


def quiet_libraries() -> None:
    """Keep stdout for our output: Rasa's structured debug log (which includes message
    text) is limited to warnings and sent to stderr."""
    import logging

    import structlog

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
    )


def _model_or_exit() -> Path:
    from bot.cli.model_store import current_model

    model = current_model(get_settings().model_dir)
    if model is None:
        print(
            "No model matches the current training data. Run `make train` first.", file=sys.stderr
        )
        raise SystemExit(2)
    return model


def cmd_triage(args: argparse.Namespace) -> int:
    from bot.cli.triage import run

    if not args.file.is_file():
        print(f"No such file: {args.file}", file=sys.stderr)
        return 2
    return run(args.file, args.json, _model_or_exit())


def cmd_train(args: argparse.Namespace) -> int:
    from bot.cli.model_store import train

    train(get_settings().model_dir, force=args.force)
    return 0


def cmd_migrate(_: argparse.Namespace) -> int:
    from bot.storage.migrate import upgrade_database

    upgrade_database(get_settings().database_url)
    print("Database is up to date.", file=sys.stderr)
    return 0


def cmd_check_council(_: argparse.Namespace) -> int:
    from bot.council import CouncilDataError, load_council

    directory = get_settings().council_dir
    try:
        council = load_council(directory)
    except CouncilDataError as error:
        print(f"Council data is not valid: {error}", file=sys.stderr)
        return 1
    print(f"{council.name}: data in {directory} is valid.", file=sys.stderr)
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Password (at least 12 characters): ")
    if first != getpass.getpass("Same password again: "):
        raise SystemExit("The two passwords were different. Nothing was changed.")
    return first


def cmd_advisor(args: argparse.Namespace) -> int:
    from bot.records.advisor_accounts import AccountError, AdvisorAccounts
    from bot.storage.migrate import upgrade_database

    upgrade_database(get_settings().database_url)
    accounts = AdvisorAccounts()
    if args.action == "list":
        for username, name, active in accounts.accounts():
            print(f"{username}\t{name}\t{'active' if active else 'switched off'}")
        return 0
    if not args.username:
        print("Give the advisor's username.", file=sys.stderr)
        return 2
    if args.action == "add":
        try:
            accounts.create(
                args.username, args.name or args.username, _read_password(args), role=args.role
            )
        except AccountError as error:
            print(error, file=sys.stderr)
            return 1
        print(
            f"{args.role.capitalize()} '{args.username}' can now sign in to the console.",
            file=sys.stderr,
        )
        return 0
    found = accounts.set_active(args.username, args.action == "enable")
    if not found:
        print(f"There is no advisor called '{args.username}'.", file=sys.stderr)
        return 1
    print(f"Advisor '{args.username}' is {args.action}d.", file=sys.stderr)
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    import requests

    from bot.cli.demo_data import channels_available, play

    settings = get_settings()
    health = f"http://{settings.rasa_host}:{settings.rasa_port}/webhooks/webchat/"
    try:
        requests.get(health, timeout=10).raise_for_status()
    except requests.RequestException:
        print(
            "The assistant is not running. Start it with `make run`, then run this in another terminal.",
            file=sys.stderr,
        )
        return 1
    for channel, why in channels_available(settings).items():
        print(f"{channel}: {why or 'used'}", file=sys.stderr)
    played = play(settings, args.days, args.per_day)
    print(f"Played {len(played)} conversations over {args.days} days.", file=sys.stderr)
    return 0


def cmd_run(_: argparse.Namespace) -> int:
    from bot.cli.launcher import run_all
    from bot.cli.model_store import train
    from bot.storage.migrate import upgrade_database

    settings = get_settings()
    if cmd_check_council(_) != 0:
        return 1
    upgrade_database(settings.database_url)
    model = train(settings.model_dir)
    return run_all(settings, model)


def cmd_run_cluster(args: argparse.Namespace) -> int:
    from bot.cli.cluster import run_cluster
    from bot.cli.model_store import train

    settings = get_settings()
    if cmd_check_council(args) != 0:
        return 1
    model = train(settings.model_dir)
    return run_cluster(settings, model, args.rasa_servers, args.action_servers)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="councilbot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    triage = sub.add_parser("triage", help="classify messages in a file and show each route")
    triage.add_argument(
        "file", type=Path, help="Rasa NLU YAML file, or text with one message per line"
    )
    triage.add_argument("--json", action="store_true", help="print a JSON array")
    triage.set_defaults(handler=cmd_triage)

    train = sub.add_parser("train", help="train the model if the data changed")
    train.add_argument("--force", action="store_true", help="train even if a current model exists")
    train.set_defaults(handler=cmd_train)

    sub.add_parser("migrate", help="create or upgrade the database tables").set_defaults(
        handler=cmd_migrate
    )
    sub.add_parser("check-council", help="validate the council's data files").set_defaults(
        handler=cmd_check_council
    )
    advisor = sub.add_parser(
        "advisor", help="add, list, disable or enable advisor console accounts"
    )
    advisor.add_argument("action", choices=["add", "list", "disable", "enable"])
    advisor.add_argument("username", nargs="?")
    advisor.add_argument("--name", help="the name shown to colleagues, e.g. 'Sam Patel'")
    advisor.add_argument(
        "--role",
        choices=["advisor", "manager"],
        default="advisor",
        help="manager: also sees insight and manages advisors' accounts",
    )
    advisor.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    advisor.set_defaults(handler=cmd_advisor)

    sub.add_parser("run", help="start everything (make run)").set_defaults(handler=cmd_run)
    cluster = sub.add_parser(
        "run-cluster",
        help="PostgreSQL, several Rasa servers and action servers behind nginx (make run-cluster)",
    )
    cluster.add_argument("--rasa-servers", type=int, default=2, help="Rasa server processes")
    cluster.add_argument("--action-servers", type=int, default=1, help="action server processes")
    cluster.set_defaults(handler=cmd_run_cluster)

    demo = sub.add_parser(
        "demo-data", help="play scripted conversations through the running assistant (insight demo)"
    )
    demo.add_argument("--days", type=int, default=30, help="spread over this many days (30)")
    demo.add_argument("--per-day", type=int, default=6, help="conversations a day (6)")
    demo.set_defaults(handler=cmd_demo_data)
    add_records_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    quiet_libraries()
    args = build_parser().parse_args(argv)
    try:
        apply_log_level(get_settings().log_level)
        return int(args.handler(args))
    except SettingsError as error:
        print(f"Configuration problem: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
