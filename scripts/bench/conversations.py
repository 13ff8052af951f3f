"""Prints how residents' whole conversations end, and how safe triage is on unrelated messages.

- Unrelated messages (tests/data/unrelated_messages.txt, written by someone who never saw our
  data; never trained on): the share that would start a council transaction (target at most
  2%) and the share that would raise an emergency or urgent alarm (target at most 0.5%).
- Urgent recall on every labelled set: the dev, held-out and blind files and the curated
  crisis phrasings (target 100%).
- Whole conversations (tests/data/resident_conversations.yml and issue10_conversations.yml)
  through the real Rasa and action servers: the share ending as the resident intended, false
  urgent tickets and crises without an urgent ticket.

Usage: ``.venv/bin/python -m scripts.bench.conversations [--triage-only] [--failures]``
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from bot.cli.model_store import current_model
from bot.cli.triage import Triage, read_messages
from bot.intents import Route
from bot.settings import PROJECT_ROOT, get_settings
from bot.storage.migrate import upgrade_database

DATA = PROJECT_ROOT / "tests" / "data"
URGENT = {Route.EMERGENCY.value, Route.URGENT_ADVISOR.value}
LABELLED = ("triage_dev.yml", "triage_holdout.yml", "triage_blind.yml")


def crisis_phrasings() -> list[tuple[str, str | None]]:
    data = yaml.safe_load((DATA / "crisis_positive.yml").read_text(encoding="utf-8"))
    return [(text, intent) for intent, texts in data.items() for text in texts]


def triage_figures(triage: Triage) -> list[str]:
    lines = ["== Unrelated messages (never trained on)"]
    unrelated = triage.classify_all(read_messages(DATA / "unrelated_messages.txt"))
    routes = Counter(r.route for r in unrelated)
    started = [r for r in unrelated if r.route == Route.SELF_SERVICE.value]
    alarms = [r for r in unrelated if r.route in URGENT]
    count = len(unrelated)
    lines.append(f"  {count} messages: start a transaction {len(started)} ({len(started) / count:.2%}, "
                 f"target <= 2%); false urgent alarms {len(alarms)} ({len(alarms) / count:.2%}, "
                 f"target <= 0.5%)")  # fmt: skip
    lines.append("  routes: " + ", ".join(f"{route} {n}" for route, n in routes.most_common()))
    for r in (started + alarms)[:12]:
        lines.append(f"    {r.route:<14} {r.intent:<32} {r.confidence:.2f}  {r.text[:60]}")
    lines.append("== Urgent recall on every set (an urgent message must reach an urgent route)")
    sets = [(name, read_messages(DATA / name)) for name in LABELLED]
    sets.append(("crisis_positive.yml", crisis_phrasings()))
    for name, messages in sets:
        urgent = [(t, e) for t, e in messages if e and _route(e) in URGENT]
        results = triage.classify_all(urgent)
        hits = sum(r.route in URGENT for r in results)
        lines.append(f"  {name}: {hits}/{len(urgent)} ({hits / max(1, len(urgent)):.1%})")
    return lines


def _route(intent: str) -> str:
    from bot.intents import route_for

    return route_for(intent).value


def conversation_figures(model: Path, failures: bool) -> list[str]:
    from tests.support.conversation_runner import Runner, load_conversations
    from tests.support.servers import LiveServers

    lines = ["== Whole conversations through the real webchat"]
    with tempfile.TemporaryDirectory() as root:
        url = f"sqlite:///{Path(root) / 'bench.db'}"
        upgrade_database(url)
        servers = LiveServers(model, url, Path(root) / "logs").start()
        runner = Runner(servers.webchat, url)
        try:
            for name in ("resident_conversations.yml", "issue10_conversations.yml"):
                results = [runner.run(c) for c in load_conversations(DATA / name)]
                ran = [r for r in results if r.skipped is None]
                passed = sum(r.passed for r in ran)
                crises = [r for r in ran if r.conversation.expect.get("ticket") == "urgent"]
                false_urgent = [
                    r for r in ran
                    if r.urgent and r.conversation.expect.get("ticket") not in (None, "urgent", "any")
                ]  # fmt: skip
                lines.append(
                    f"  {name}: {passed}/{len(ran)} ended as intended ({passed / max(1, len(ran)):.1%}); "
                    f"false urgent tickets {len(false_urgent)}; crises with an urgent ticket "
                    f"{sum(r.urgent for r in crises)}/{len(crises)}; skipped today {len(results) - len(ran)}"
                )
                if failures:
                    lines += [r.report() for r in ran if not r.passed]
        finally:
            runner.close()
            servers.stop()
    return lines


def main() -> int:
    model = current_model(get_settings().model_dir)
    if model is None:
        print("No model for the current data: run `make train` first.", file=sys.stderr)
        return 1
    lines = triage_figures(Triage(model))
    print("\n".join(lines), flush=True)
    if "--triage-only" not in sys.argv:
        more = conversation_figures(model, "--failures" in sys.argv)
        print("\n".join(more), flush=True)
        lines += more
    results = PROJECT_ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / "bench_conversations.txt").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
