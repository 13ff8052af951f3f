"""`make bench`: accuracy, latency, throughput, memory, start-up and training time, printed.

Compares our pipeline with Rasa's default `rasa init` pipeline trained on the same data,
and our webchat channel with the default-config bot behind Rasa's REST channel; then the
throughput of one Rasa server and of two behind nginx (scripts/bench/cluster_load.py).
It asserts nothing; figures go to the terminal (and results/bench.txt).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from bot.cli.launcher import action_server_command
from bot.cli.model_store import current_model, training_seconds_file
from bot.cli.triage import read_messages
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.migrate import upgrade_database
from scripts.bench.accuracy import evaluate
from scripts.bench.cluster_load import compare as compare_cluster
from scripts.bench.default_bot import train_default, write_rest_config
from scripts.bench.load import LoadReport, RestTarget, WebchatTarget, measure
from scripts.bench.servers import Server, quiet_env, rasa_command
from tests.support.ports import free_port

HOLDOUT = PROJECT_ROOT / "tests" / "data" / "triage_holdout.yml"
# Written from shared/intents.md alone by someone who never saw the training data or rules.
BLIND = PROJECT_ROOT / "tests" / "data" / "triage_blind.yml"
MESSAGES_PER_CONVERSATION = 20
SINGLE_CONVERSATIONS = 5
CONCURRENT = 20
ROUNDS = 3


def say(line: str, out: list[str]) -> None:
    print(line, flush=True)
    out.append(line)


def measure_with_cpu(
    target,
    name: str,
    concurrency: int,
    texts: list[str],
    conversations: int,
    server: Server,
    actions: Server,
) -> tuple[LoadReport, float, float]:
    """One load run, and the CPU it cost per message in the Rasa server and the action server."""
    rasa_before, actions_before = server.cpu_s(), actions.cpu_s()
    report = measure(target, name, concurrency, texts, conversations, MESSAGES_PER_CONVERSATION)
    count = max(1, report.messages)
    rasa_ms = 1000 * (server.cpu_s() - rasa_before) / count
    actions_ms = 1000 * (actions.cpu_s() - actions_before) / count
    return report, rasa_ms, actions_ms


def compare_load(
    sides: list[tuple[str, object, Server]], actions: Server, texts: list[str], out: list[str]
) -> None:
    """Both servers are up; each load is run on one, then the other, in alternating order,
    ROUNDS times, so a neighbour's CPU use at one moment does not favour either side."""
    for name, target, _ in sides:
        measure(target, f"{name} warm-up", 1, texts, 1, 5)
    for concurrency, conversations in ((1, SINGLE_CONVERSATIONS), (CONCURRENT, CONCURRENT)):
        reports: dict[str, list[LoadReport]] = {name: [] for name, _, _ in sides}
        for round_ in range(ROUNDS):
            order = sides if round_ % 2 == 0 else list(reversed(sides))
            for name, target, server in order:
                report, rasa_ms, actions_ms = measure_with_cpu(
                    target, name, concurrency, texts, conversations, server, actions
                )
                reports[name].append(report)
                say(
                    f"{report.line()}; round {round_ + 1}, CPU per message: Rasa server "
                    f"{rasa_ms:.1f} ms, action server {actions_ms:.1f} ms",
                    out,
                )
        (ours, ours_runs), (default, default_runs) = reports.items()
        ratios = [
            a.throughput / b.throughput
            for a, b in zip(ours_runs, default_runs, strict=True)
            if b.throughput
        ]
        say(
            f"  {concurrency} conversation(s), median of {ROUNDS} rounds: {ours} "
            f"{statistics.median(r.throughput for r in ours_runs):.1f} messages/s, p95 "
            f"{statistics.median(r.percentile(0.95) for r in ours_runs):.0f} ms; {default} "
            f"{statistics.median(r.throughput for r in default_runs):.1f} messages/s, p95 "
            f"{statistics.median(r.percentile(0.95) for r in default_runs):.0f} ms; "
            f"throughput ratio per round {', '.join(f'{r:.2f}x' for r in ratios)}",
            out,
        )


def main() -> int:
    quiet_env()
    out: list[str] = []
    ours = current_model(Settings().model_dir)
    if ours is None:
        print("No current model: run `make train` first.", file=sys.stderr)
        return 2
    work = PROJECT_ROOT / "models" / "bench"
    default_model, default_train_s = train_default(work)
    ours_train = training_seconds_file(ours)

    say("== Training", out)
    say(f"  ours: {ours_train.read_text() if ours_train.exists() else 'unknown'} s", out)
    say(f"  rasa init default config: {default_train_s:.0f} s", out)

    if (
        "--load-only" not in sys.argv[1:]
    ):  # `python -m scripts.bench.pipeline --load-only`: only the servers
        say("== Intent classification on the held-out file (never used for training)", out)
        for report in (
            evaluate("ours", ours, HOLDOUT),
            evaluate("rasa init default", default_model, HOLDOUT),
        ):
            for line in report.lines():
                say(line, out)
        say(
            "== The same on the blind held-out file (written without seeing our data or rules)", out
        )
        for report in (
            evaluate("ours", ours, BLIND),
            evaluate("rasa init default", default_model, BLIND),
        ):
            for line in report.lines():
                say(line, out)

    texts = [text for text, _ in read_messages(HOLDOUT)]
    with tempfile.TemporaryDirectory(prefix="councilbot-bench-") as tmp:
        root = Path(tmp)
        database = f"sqlite:///{root / 'bench.db'}"
        upgrade_database(database)
        settings = Settings(
            database_url=database, rasa_port=free_port(), action_server_port=free_port()
        )
        actions = Server(
            "action server",
            action_server_command(settings),
            f"http://127.0.0.1:{settings.action_server_port}/health",
            settings,
            root / "actions.log",
        )
        servers: list[Server] = []
        try:
            bot = PROJECT_ROOT / "bot"
            ours_base = f"http://127.0.0.1:{settings.rasa_port}"
            ours_server = Server(
                "webchat",
                rasa_command(ours, bot / "endpoints.yml", bot / "credentials.yml", settings.rasa_port),
                f"{ours_base}/webhooks/webchat/", settings, root / "ours.log",
            )  # fmt: skip
            servers.append(ours_server)
            endpoints, credentials = write_rest_config(root, settings.action_server_webhook)
            port = free_port()
            default_base = f"http://127.0.0.1:{port}"
            default_server = Server(
                "REST default", rasa_command(default_model, endpoints, credentials, port, runner="rasa"),
                f"{default_base}/webhooks/rest/", settings, root / "default.log",
            )  # fmt: skip
            servers.append(default_server)
            say("== Latency and throughput: our webchat channel and pipeline ('webchat'), and the "
                "rasa init default pipeline behind Rasa's REST channel ('REST default'), "
                "the same messages, taking turns", out)  # fmt: skip
            compare_load(
                [("webchat", WebchatTarget(ours_base), ours_server),
                 ("REST default", RestTarget(default_base), default_server)],
                actions, texts, out,
            )  # fmt: skip

            say("== Memory (resident, after the load) and start-up", out)
            say(
                f"  Rasa server, ours: {ours_server.memory_mb():.0f} MiB, ready in {ours_server.startup_s:.1f} s",
                out,
            )
            say(
                f"  Rasa server, default: {default_server.memory_mb():.0f} MiB, ready in {default_server.startup_s:.1f} s",
                out,
            )
            say(
                f"  action server: {actions.memory_mb():.0f} MiB, ready in {actions.startup_s:.1f} s",
                out,
            )
        finally:
            for server in servers:
                server.stop()
            actions.stop()

    compare_cluster(ours, texts, lambda line: say(line, out))

    results = PROJECT_ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / "bench.txt").write_text("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
