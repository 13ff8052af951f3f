"""The chaos run: residents on webchat, SMS and Telegram through nginx to two Rasa servers while processes die.

Starts `run-cluster`'s processes (its own PostgreSQL, one action server, two Rasa servers with
two workers each, nginx) with fake Twilio and Telegram APIs. 20 residents talk at once for
`--minutes` (10): each asks for bin days street after street (10 messages a conversation, then a
new one), retrying a message with the same id when a server fails, as real clients do. Every
60 s one Rasa server or one of its workers is killed with SIGKILL (the supervisor or the server
starts another), and PostgreSQL is restarted once, half way. Prints messages sent, answered, lost,
doubled and out of order, the p50/p95 reply time, and each fault's recovery. Asserts nothing.

Usage: python -m scripts.bench.chaos [--minutes 10] [--residents 20] [--every 60]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import re
import signal
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ["ENVIRONMENT"] = "test"

import aiohttp

from bot.cli.model_store import current_model
from bot.settings import PROJECT_ROOT, Settings
from tests.support.cluster import TELEGRAM_SECRET, LiveCluster, running_cluster
from tests.support.cluster_residents import (
    ResidentFactory,
    Tally,
    WebchatResident,
    bin_day_script,
    bin_day_streets,
)

MESSAGES = 10
THINK_S = 2.0  # a resident reads the reply and types the next message
TURN_TIMEOUT_S = 420.0  # after this a message counts as lost
KINDS = ("webchat", "sms", "telegram")


@dataclass
class Fault:
    """One injected fault and how long until things were back."""

    at: float
    what: str
    service_back_s: float | None = None  # a new conversation was answered through nginx
    process_back_s: float | None = None  # the killed process (or a replacement) serves again
    notes: list[str] = field(default_factory=list)


def _listens(pid: int, port: int) -> bool:
    """True once the process has its own listening socket on the port (a worker binds it only
    after loading the model, so this means it serves)."""
    try:
        inodes = {
            os.readlink(fd)[8:-1]
            for fd in Path(f"/proc/{pid}/fd").iterdir()
            if os.readlink(fd).startswith("socket:[")
        }
        lines = Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return False
    for line in lines:
        fields = line.split()
        if (
            fields[3] == "0A"
            and int(fields[1].rsplit(":", 1)[1], 16) == port
            and fields[9] in inodes
        ):
            return True
    return False


async def _probe(base_url: str, started: float) -> float:
    """Seconds from the fault until a new webchat conversation gets its first answer."""
    resident = WebchatResident(base_url, "192.0.2.1")
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        while True:
            await resident.open(http)
            turn = await resident.say(
                http, "when is my bin day", "postcode", time.monotonic() + 120
            )
            if turn.in_order:
                return time.monotonic() - started
            await asyncio.sleep(0.5)


class Chaos:
    """Injects the faults on a schedule, from a thread, and measures each recovery."""

    def __init__(self, live: LiveCluster, every_s: float, minutes: float) -> None:
        self.live = live
        self.every_s = every_s
        self.minutes = minutes
        self.faults: list[Fault] = []
        self.stopped = threading.Event()
        self._victims = itertools.cycle(
            [("process", 0), ("worker", 1), ("process", 1), ("worker", 0)]
        )

    def run(self, loop: asyncio.AbstractEventLoop) -> None:
        start = time.monotonic()
        end = start + self.minutes * 60
        postgres_at = start + self.minutes * 30 + self.every_s / 2
        postgres_done = False
        next_kill = start + self.every_s
        while not self.stopped.is_set() and time.monotonic() < end - 5:
            now = time.monotonic()
            if not postgres_done and now >= postgres_at:
                postgres_done = True
                self._restart_postgres(loop, now - start)
            elif now >= next_kill:
                next_kill += self.every_s
                self._kill(loop, now - start)
            self.stopped.wait(0.2)

    def _kill(self, loop: asyncio.AbstractEventLoop, at: float) -> None:
        kind, index = next(self._victims)
        server = self.live.cluster.rasa[index]
        if kind == "worker":
            workers = server.worker_pids()
            if not workers:
                kind = "process"
            else:
                pid = workers[0]
                fault = Fault(at, f"kill -9 a worker of {server.name} (pid {pid})")
                started = time.monotonic()
                os.kill(pid, signal.SIGKILL)
                self._measure(loop, fault, started, lambda: self._worker_back(server, pid))
                return
        pid = server.pid
        assert pid is not None
        fault = Fault(at, f"kill -9 {server.name} (pid {pid}) and its workers")
        started = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        self._measure(loop, fault, started, lambda: self._process_back(server, pid))

    def _restart_postgres(self, loop: asyncio.AbstractEventLoop, at: float) -> None:
        postgres = self.live.cluster.postgres
        assert postgres is not None
        fault = Fault(at, "restart PostgreSQL (pg_ctl stop -m fast, start)")
        started = time.monotonic()
        postgres.restart()
        fault.notes.append(f"down for {time.monotonic() - started:.1f} s")
        self._measure(loop, fault, started, lambda: True)

    def _measure(self, loop, fault: Fault, started: float, back) -> None:  # noqa: ANN001
        self.faults.append(fault)
        probe = asyncio.run_coroutine_threadsafe(_probe(self.live.base_url, started), loop)

        def watch() -> None:
            while not back():
                if time.monotonic() - started > 300:
                    return
                time.sleep(0.2)
            fault.process_back_s = time.monotonic() - started

        threading.Thread(target=watch, daemon=True).start()
        probe.add_done_callback(lambda f: setattr(fault, "service_back_s", f.result()))

    def _serving(self, server) -> bool:  # noqa: ANN001
        """The server's current workers (or the server itself, with one worker) all listen."""
        if not server.alive() or server.pid is None:
            return False
        port = int(server.health.split(":")[2].split("/")[0])
        if self.live.cluster.plan.workers == 1:
            return _listens(server.pid, port)
        workers = server.worker_pids()
        return len(workers) >= self.live.cluster.plan.workers and all(
            _listens(p, port) for p in workers
        )

    def _process_back(self, server, old_pid: int) -> bool:  # noqa: ANN001
        return server.pid != old_pid and self._serving(server)

    def _worker_back(self, server, old_pid: int) -> bool:  # noqa: ANN001
        return old_pid not in server.worker_pids() and self._serving(server)


async def _lane(
    http: aiohttp.ClientSession,
    factory: ResidentFactory,
    kind: str,
    lane: int,
    until: float,
    residents: list,
) -> None:
    streets = bin_day_streets()
    for round_ in itertools.count():
        if time.monotonic() >= until:
            return
        resident = factory.make(kind)
        residents.append(resident)
        script = bin_day_script(streets, MESSAGES, start=lane * 7 + round_)
        await resident.open(http)
        for text, expected in script:
            if time.monotonic() >= until:
                return
            await resident.say(http, text, expected, time.monotonic() + TURN_TIMEOUT_S)
            await asyncio.sleep(THINK_S * (0.5 + (hash((lane, round_, text)) % 100) / 100))


async def _drive(
    live: LiveCluster, residents_at_once: int, minutes: float, every_s: float
) -> tuple[Tally, list[Fault]]:
    factory = ResidentFactory(live.base_url, live.twilio, live.telegram, TELEGRAM_SECRET)
    residents: list = []
    until = time.monotonic() + minutes * 60
    chaos = Chaos(live, every_s, minutes)
    injector = threading.Thread(target=chaos.run, args=(asyncio.get_running_loop(),), daemon=True)
    timeout = aiohttp.ClientTimeout(total=150)
    connector = aiohttp.TCPConnector(limit=residents_at_once * 2)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        injector.start()
        await asyncio.gather(
            *(
                _lane(http, factory, KINDS[lane % len(KINDS)], lane, until, residents)
                for lane in range(residents_at_once)
            )
        )
        chaos.stopped.set()
        await asyncio.sleep(5)  # a reply sent twice would arrive by now
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and any(
            f.service_back_s is None or f.process_back_s is None for f in chaos.faults
        ):
            await asyncio.sleep(1)
    return Tally(residents), chaos.faults


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60):02d}:{int(seconds % 60):02d}"


def report(
    tally: Tally, faults: list[Fault], args: argparse.Namespace, live: LiveCluster
) -> list[str]:
    kinds = {kind: sum(1 for r in tally.residents if r.kind == kind) for kind in KINDS}
    turns = tally.turns
    lines = [
        f"== Chaos run: {args.residents} residents at once ({', '.join(f'{n} {k} conversations' for k, n in kinds.items())} "
        f"in all), {MESSAGES} messages a conversation, through nginx to {len(live.cluster.rasa)} Rasa "
        f"servers x {live.cluster.plan.workers} workers on PostgreSQL, {args.minutes:g} minutes, a fault every {args.every:g} s",
        f"  messages sent {len(turns)}, answered {len(tally.answered)}, lost {len(tally.lost)}, "
        f"doubled {tally.doubled()}, out of order {len(tally.out_of_order)}",
        f"  reply time p50 {tally.percentile_s(0.5):.2f} s, p95 {tally.percentile_s(0.95):.2f} s, "
        f"longest {max((t.seconds or 0) for t in tally.answered) if tally.answered else 0:.1f} s; "
        f"retried messages {sum(1 for t in turns if t.attempts > 1)}",
    ]
    for kind in KINDS:
        mine = [t for r in tally.residents if r.kind == kind for t in r.turns]
        answered = [t.seconds for t in mine if t.seconds is not None]
        lines.append(
            f"    {kind}: sent {len(mine)}, answered {len(answered)}, "
            f"p50 {statistics.median(answered) if answered else float('nan'):.2f} s"
        )
    lines.append(
        "  faults (service: a new conversation answered through nginx; process: the killed one serving again):"
    )
    for fault in faults:
        service = (
            f"{fault.service_back_s:.1f} s" if fault.service_back_s is not None else "not measured"
        )
        process = (
            f"{fault.process_back_s:.1f} s" if fault.process_back_s is not None else "not back"
        )
        notes = f" ({'; '.join(fault.notes)})" if fault.notes else ""
        lines.append(
            f"    {_clock(fault.at)} {fault.what}{notes}: service {service}, process {process}"
        )
    restarts = ", ".join(f"{c.name} {c.restarts}" for c in live.cluster.children())
    lines.append(f"  restarts by the supervisor: {restarts}")
    for resident in tally.residents:
        for turn in resident.turns:
            if turn.answered_at is None:
                lines.append(
                    f"  lost: {resident.kind} {resident.conversation_id[:12]} {turn.text!r} after "
                    f"{turn.attempts} tries, replies {turn.replies!r}"
                )
    for turn in tally.out_of_order[:5]:
        lines.append(
            f"  out of order: {turn.text!r} expected {turn.expected!r}, got {turn.replies!r}"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--residents", type=int, default=20, help="conversations at once")
    parser.add_argument("--every", type=float, default=60.0, help="seconds between faults")
    parser.add_argument("--workers", type=int, default=2, help="workers per Rasa server")
    args = parser.parse_args()
    model = current_model(Settings().model_dir)
    if model is None:
        print("No current model: run `make train` first.")
        return 2
    print("Starting the cluster (PostgreSQL, action server, 2 Rasa servers, nginx)...", flush=True)
    with running_cluster(model, rasa_servers=2, workers=args.workers) as live:
        print(f"Running for {args.minutes:g} minutes; logs in {live.cluster.log_dir}", flush=True)
        tally, faults = asyncio.run(_drive(live, args.residents, args.minutes, args.every))
        tally.read_user_events(live.database_url)
        lines = report(tally, faults, args, live)
        log_dir = live.cluster.log_dir
        tracebacks = sum(
            len(re.findall(r"Traceback", p.read_text(errors="replace")))
            for p in log_dir.glob("*.log")
        )
        lines.append(f"  tracebacks in the servers' logs: {tracebacks}")
    for line in lines:
        print(line, flush=True)
    results = PROJECT_ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / "chaos.txt").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
