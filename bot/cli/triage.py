"""`councilbot triage`: classify messages with the trained model and the live crisis rules."""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bot.intents import Route, route_for


@dataclass
class TriageResult:
    """One message's triage, in the stable JSON shape of design.md."""

    text: str
    expected_intent: str | None
    intent: str | None
    confidence: float
    route: str


def read_messages(path: Path) -> list[tuple[str, str | None]]:
    """(text, expected intent) pairs from a Rasa NLU YAML file or one message per line."""
    if path.suffix.lower() in {".yml", ".yaml"}:
        from rasa.shared.nlu.training_data.loading import load_data

        data = load_data(str(path))
        return [(m.get("text"), m.get("intent")) for m in data.intent_examples]
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(line.strip(), None) for line in lines if line.strip()]


class Triage:
    """Wraps a loaded Rasa model; parsing runs the same pipeline as the live server."""

    def __init__(self, model: Path) -> None:
        from rasa.core.agent import Agent

        self._agent = Agent.load(str(model))

    async def classify(self, text: str, expected: str | None = None) -> TriageResult:
        parsed: dict[str, Any] = await self._agent.parse_message(text)
        intent = (parsed.get("intent") or {}).get("name")
        confidence = float((parsed.get("intent") or {}).get("confidence") or 0.0)
        return TriageResult(text, expected, intent, round(confidence, 4), route_for(intent).value)

    def classify_all(self, messages: list[tuple[str, str | None]]) -> list[TriageResult]:
        async def run() -> list[TriageResult]:
            return [await self.classify(text, expected) for text, expected in messages]

        return asyncio.run(run())


def summary(results: list[TriageResult]) -> str:
    """A short human summary: counts per route and accuracy when intents were expected."""
    routes = Counter(r.route for r in results)
    parts = [f"{len(results)} messages"]
    parts += [f"{routes[route.value]} {route.value}" for route in Route if routes[route.value]]
    labelled = [r for r in results if r.expected_intent]
    if labelled:
        correct = sum(r.intent == r.expected_intent for r in labelled)
        parts.append(f"intent accuracy {correct}/{len(labelled)} ({correct / len(labelled):.1%})")
    return ", ".join(parts)


def run(file: Path, as_json: bool, model: Path) -> int:
    messages = read_messages(file)
    results = Triage(model).classify_all(messages)
    if as_json:
        json.dump([asdict(r) for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in results:
            print(f"{r.route:<15} {r.intent or '-':<34} {r.confidence:.2f}  {r.text[:70]}")
    print(summary(results), file=sys.stderr)
    return 0
