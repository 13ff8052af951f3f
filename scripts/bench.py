"""`make bench`: accuracy, latency, throughput, memory, start-up and training time, printed.

Compares our pipeline with Rasa's default `rasa init` pipeline trained on the same data,
and our webchat channel with the default-config bot behind Rasa's REST channel.
It asserts nothing; figures go to the terminal (and results/bench.txt).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.launcher import action_server_command  # noqa: E402
from bot.model_store import current_model, training_seconds_file  # noqa: E402
from bot.settings import PROJECT_ROOT, Settings  # noqa: E402
from bot.storage.migrate import upgrade_database  # noqa: E402
from bot.triage import read_messages  # noqa: E402
from scripts.bench.accuracy import evaluate  # noqa: E402
from scripts.bench.default_bot import train_default, write_rest_config  # noqa: E402
from scripts.bench.load import RestTarget, WebchatTarget, measure  # noqa: E402
from scripts.bench.servers import Server, quiet_env, rasa_command  # noqa: E402
from tests.support.ports import free_port  # noqa: E402

HOLDOUT = PROJECT_ROOT / "tests" / "data" / "triage_holdout.yml"
# Written from shared/intents.md alone by someone who never saw the training data or rules.
BLIND = PROJECT_ROOT / "tests" / "data" / "triage_blind.yml"
MESSAGES_PER_CONVERSATION = 20
SINGLE_CONVERSATIONS = 5
CONCURRENT = 20


def say(line: str, out: list[str]) -> None:
    print(line, flush=True)
    out.append(line)


def load_figures(target, name: str, texts: list[str], out: list[str]) -> dict[int, object]:
    measure(target, f"{name} warm-up", 1, texts, 1, 5)
    single = measure(target, name, 1, texts, SINGLE_CONVERSATIONS, MESSAGES_PER_CONVERSATION)
    say(single.line(), out)
    many = measure(target, name, CONCURRENT, texts, CONCURRENT, MESSAGES_PER_CONVERSATION)
    say(many.line(), out)
    return {1: single, CONCURRENT: many}


def serve_and_measure(
    command: list[str], health_path: str, target_class, name: str, port: int,
    settings: Settings, root: Path, texts: list[str], out: list[str],
) -> tuple[float, float]:
    """Start one Rasa server, load it, and return its memory (MiB) and start-up time (s)."""
    base = f"http://127.0.0.1:{port}"
    server = Server(name, command, f"{base}/{health_path}", settings, root / f"{port}.log")
    try:
        load_figures(target_class(base), name, texts, out)
        return server.memory_mb(), server.startup_s
    finally:
        server.stop()


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

    say("== Intent classification on the held-out file (never used for training)", out)
    for report in (evaluate("ours", ours, HOLDOUT), evaluate("rasa init default", default_model, HOLDOUT)):
        for line in report.lines():
            say(line, out)
    say("== The same on the blind held-out file (written without seeing our data or rules)", out)
    for report in (evaluate("ours", ours, BLIND), evaluate("rasa init default", default_model, BLIND)):
        for line in report.lines():
            say(line, out)

    texts = [text for text, _ in read_messages(HOLDOUT)]
    with tempfile.TemporaryDirectory(prefix="councilbot-bench-") as tmp:
        root = Path(tmp)
        database = f"sqlite:///{root / 'bench.db'}"
        upgrade_database(database)
        settings = Settings(database_url=database, rasa_port=free_port(), action_server_port=free_port())
        actions = Server(
            "action server",
            action_server_command(settings),
            f"http://127.0.0.1:{settings.action_server_port}/health",
            settings,
            root / "actions.log",
        )
        try:
            bot = PROJECT_ROOT / "bot"
            say("== Latency and throughput (webchat channel, our pipeline)", out)
            ours_memory, ours_startup = serve_and_measure(
                rasa_command(ours, bot / "endpoints.yml", bot / "credentials.yml", settings.rasa_port),
                "webhooks/webchat/", WebchatTarget, "webchat", settings.rasa_port, settings, root, texts, out,
            )  # fmt: skip
            endpoints, credentials = write_rest_config(root, settings.action_server_webhook)
            port = free_port()
            say("== Latency and throughput (REST channel, rasa init default pipeline)", out)
            default_memory, default_startup = serve_and_measure(
                rasa_command(default_model, endpoints, credentials, port),
                "webhooks/rest/", RestTarget, "REST default", port, settings, root, texts, out,
            )  # fmt: skip

            say("== Memory (resident, after the load) and start-up", out)
            say(f"  Rasa server, ours: {ours_memory:.0f} MiB, ready in {ours_startup:.1f} s", out)
            say(f"  Rasa server, default: {default_memory:.0f} MiB, ready in {default_startup:.1f} s", out)
            say(f"  action server: {actions.memory_mb():.0f} MiB, ready in {actions.startup_s:.1f} s", out)
        finally:
            actions.stop()

    results = PROJECT_ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / "bench.txt").write_text("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
