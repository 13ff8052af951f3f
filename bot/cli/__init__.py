"""The councilbot command line: run, train, triage, check, advisor accounts."""

from bot.cli.commands import main

__all__ = ["main"]
