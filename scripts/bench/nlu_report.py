"""Intent figures per file for our model and the default-config model: per-intent F1 and confusions.

Usage: python -m scripts.bench.nlu_report [--model M] [--default | --default-model M] [--files ...]
                                         [--detail] [--thresholds] [--errors]

Our model must be current (`python -m bot.cli train`). --default trains (or reuses) the
`rasa init` comparison model as `make bench` does; --default-model takes one already trained
(`rasa train nlu --config <rasa init config.yml> --nlu nlu_data` gives the same NLU figures
without training the default dialogue policies). --thresholds shows macro-F1 under other
FallbackClassifier settings, from the raw ranking. --errors lists misread messages of our own
sets only (the dev file, triage_own.yml): the held-out and blind files are read as figures,
never message by message. --model compares an earlier model on the same files.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from pathlib import Path

from sklearn.metrics import f1_score, precision_recall_fscore_support

from bot.cli.model_store import current_model, training_seconds_file
from bot.cli.triage import read_messages
from bot.intents import Route, route_for
from bot.settings import PROJECT_ROOT, Settings

DATA = PROJECT_ROOT / "tests" / "data"
DEFAULT_FILES = [DATA / "triage_dev.yml", DATA / "triage_holdout.yml", DATA / "triage_blind.yml"]
#: Sets we tune on, whose misread messages --errors may show (never the held-out or blind file).
OWN_SETS = ("triage_dev.yml", "triage_own.yml")
URGENT_ROUTES = {Route.EMERGENCY.value, Route.URGENT_ADVISOR.value}


def predict(model: Path, texts: list[str]) -> list[list[tuple[str, float]]]:
    """Each message's intent ranking, as the live pipeline gives it (fallback first if it fired)."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def parse_all() -> list[list[tuple[str, float]]]:
        rankings = []
        for text in texts:
            parsed = await agent.parse_message(text)
            top = parsed.get("intent") or {}
            ranking = [
                (r["name"], float(r["confidence"])) for r in parsed.get("intent_ranking") or []
            ]
            if not ranking or ranking[0][0] != top.get("name"):
                ranking.insert(0, (top.get("name") or "none", float(top.get("confidence") or 0)))
            rankings.append(ranking)
        return rankings

    return asyncio.run(parse_all())


def with_fallback(ranking: list[tuple[str, float]], threshold: float, ambiguity: float) -> str:
    """The intent FallbackClassifier would leave with other thresholds (from the raw ranking)."""
    raw = [r for r in ranking if r[0] != "nlu_fallback"]
    if not raw:
        return "nlu_fallback"
    if raw[0][1] < threshold:
        return "nlu_fallback"
    if len(raw) > 1 and raw[0][1] - raw[1][1] < ambiguity:
        return "nlu_fallback"
    return raw[0][0]


def figures(expected: list[str], predicted: list[str]) -> dict[str, object]:
    labels = sorted(set(expected))
    urgent = [
        p for e, p in zip(expected, predicted, strict=True) if route_for(e).value in URGENT_ROUTES
    ]
    _, _, f1s, support = precision_recall_fscore_support(
        expected, predicted, labels=labels, zero_division=0
    )
    return {
        "n": len(expected),
        "accuracy": sum(e == p for e, p in zip(expected, predicted, strict=True)) / len(expected),
        "macro_f1": float(
            f1_score(expected, predicted, labels=labels, average="macro", zero_division=0)
        ),
        "urgent_recall": sum(route_for(p).value in URGENT_ROUTES for p in urgent)
        / max(len(urgent), 1),
        "per_intent": {
            label: (float(f), int(s)) for label, f, s in zip(labels, f1s, support, strict=True)
        },
        "oos_to_transaction": sum(
            e == "out_of_scope" and route_for(p) == Route.SELF_SERVICE
            for e, p in zip(expected, predicted, strict=True)
        ),
        "confusions": Counter((e, p) for e, p in zip(expected, predicted, strict=True) if e != p),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--default", action="store_true", help="also the rasa init default pipeline"
    )
    parser.add_argument(
        "--default-model",
        type=Path,
        help="an already trained default-config model (e.g. `rasa train nlu`)",
    )
    parser.add_argument("--files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--detail", action="store_true", help="per-intent F1 and confusions")
    parser.add_argument(
        "--errors", action="store_true", help="print the misclassified messages of our own sets"
    )
    parser.add_argument("--model", type=Path, help="this model instead of the current one")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--thresholds", action="store_true", help="macro-F1 with other fallback settings"
    )
    args = parser.parse_args()

    from bot.cli.commands import quiet_libraries

    quiet_libraries()
    models: dict[str, Path] = {}
    ours = args.model or current_model(Settings().model_dir)
    if ours is None:
        print("No current model: run `python -m bot.cli train` first.")
        return 2
    models["ours"] = ours
    seconds = training_seconds_file(ours)
    print(f"ours: {ours.name}, trained in {seconds.read_text() if seconds.exists() else '?'} s")
    if args.default_model:
        models["default"] = args.default_model
    elif args.default:
        from scripts.bench.default_bot import train_default

        default_model, default_seconds = train_default(PROJECT_ROOT / "models" / "bench")
        models["default"] = default_model
        print(f"default: {default_model.name}, trained in {default_seconds:.0f} s")

    messages = {path: read_messages(path) for path in args.files if path.exists()}
    out: dict[str, dict[str, object]] = {}
    for name, model in models.items():
        texts = [t for msgs in messages.values() for t, _ in msgs]
        rankings = iter(predict(model, texts))
        for path, msgs in messages.items():
            expected = [e for _, e in msgs]
            ranks = [next(rankings) for _ in msgs]
            got = [r[0][0] for r in ranks]
            if args.thresholds and name == "ours":
                grid = [(t, a) for t in (0.0, 0.2, 0.25, 0.3, 0.35, 0.4) for a in (0.0, 0.02, 0.05)]
                cells = []
                for t, a in grid:
                    sim = figures(expected, [with_fallback(r, t, a) for r in ranks])
                    cells.append(
                        f"{t:.2f}/{a:.2f}:{sim['macro_f1']:.3f}({sim['oos_to_transaction']})"
                    )
                print(f"   thresholds {path.name}: " + " ".join(cells))
            fig = figures(expected, got)
            out[f"{name}:{path.name}"] = {k: v for k, v in fig.items() if k != "confusions"}
            print(
                f"{name:8} {path.name:22} n={fig['n']:4} accuracy {fig['accuracy']:.3f} "
                f"macro-F1 {fig['macro_f1']:.3f} urgent recall {fig['urgent_recall']:.1%} "
                f"oos->transaction {fig['oos_to_transaction']}"
            )
            if args.detail and name == "ours":
                weak = sorted(fig["per_intent"].items(), key=lambda kv: kv[1][0])[:12]
                print("   weakest: " + ", ".join(f"{k} {f:.2f}({s})" for k, (f, s) in weak))
                top = fig["confusions"].most_common(15)
                print("   confusions: " + ", ".join(f"{e}->{p} x{c}" for (e, p), c in top))
            # Only our own sets: held-out and blind messages are not to be read one by one.
            if args.errors and name == "ours" and path.name in OWN_SETS:
                for (text, e), p in zip(msgs, got, strict=True):
                    if e != p:
                        print(f"      {e:32} -> {p:32} {text[:90]}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
