"""Intent accuracy, macro-F1 and urgent recall of a trained model on the held-out file."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import f1_score

from bot.cli.triage import read_messages
from bot.intents import Route, route_for

URGENT_ROUTES = {Route.EMERGENCY.value, Route.URGENT_ADVISOR.value}
TRANSACTION_ROUTES = {Route.SELF_SERVICE.value}


@dataclass
class AccuracyReport:
    """Intent accuracy, macro-F1 and urgent recall of one model on one file."""

    name: str
    examples: int
    accuracy: float
    macro_f1: float
    urgent_recall: float
    urgent_missed: list[str]
    out_of_scope_to_transaction: int

    def lines(self) -> list[str]:
        return [
            f"  {self.name}: accuracy {self.accuracy:.3f}, macro-F1 {self.macro_f1:.3f} on {self.examples} held-out messages",
            f"    urgent/emergency recall {self.urgent_recall:.1%}"
            + (f" (missed: {self.urgent_missed[:5]})" if self.urgent_missed else ""),
            f"    out-of-scope messages routed to a transaction: {self.out_of_scope_to_transaction}",
        ]


def evaluate(name: str, model: Path, holdout: Path) -> AccuracyReport:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    messages = read_messages(holdout)

    async def parse_all() -> list[str | None]:
        results = []
        for text, _ in messages:
            parsed = await agent.parse_message(text)
            results.append((parsed.get("intent") or {}).get("name"))
        return results

    predicted = asyncio.run(parse_all())
    expected = [intent for _, intent in messages]
    labels = sorted(set(expected))
    correct = sum(p == e for p, e in zip(predicted, expected, strict=False))
    urgent = [
        (t, e, p)
        for (t, e), p in zip(messages, predicted, strict=False)
        if route_for(e).value in URGENT_ROUTES
    ]
    # Recall of the route: an urgent message must reach *an* urgent route (its own topic or another).
    urgent_hits = [route_for(p).value in URGENT_ROUTES for _, _, p in urgent]
    missed = [t for (t, _, _), hit in zip(urgent, urgent_hits, strict=False) if not hit]
    oos_to_transaction = sum(
        1
        for e, p in zip(expected, predicted, strict=False)
        if e == "out_of_scope" and route_for(p).value in TRANSACTION_ROUTES
    )
    return AccuracyReport(
        name=name,
        examples=len(messages),
        accuracy=correct / len(messages),
        macro_f1=float(
            f1_score(
                expected,
                [p or "none" for p in predicted],
                labels=labels,
                average="macro",
                zero_division=0,
            )
        ),
        urgent_recall=sum(urgent_hits) / len(urgent_hits) if urgent_hits else 1.0,
        urgent_missed=missed,
        out_of_scope_to_transaction=oos_to_transaction,
    )
