"""Time taken to mask card numbers and the like: per resident message, and per stored Rasa event.

Run: .venv/bin/python -m scripts.bench.sensitive_numbers
It asserts nothing. Every inbound message is masked once at the channel and again by the
stores; the tracker store masks every string of every event it writes.
"""

from __future__ import annotations

import json
import random
import statistics
import time

from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

from bot.sensitive_numbers import mask, mask_json

ROUNDS = 20_000
MESSAGES = {
    "plain": "my bin wasn't collected yesterday, can you send someone round",
    "numbers kept": "council tax account 51234567, ref MB-7K3F9Q, call 07700 900123 at PL1 2AA",
    "card": "can I pay my council tax with 4111 1111 1111 1111 please",
    "everything": (
        "card 4111-1111-1111-1111, sort code 12-34-56 account 12345678, NI AB 12 34 56 C, "
        "my password is hunter2 and my bin wasn't collected"
    ),
    "long (1,600 characters)": ("my bin wasn't collected 12 34 " * 60)[:1600],
}


def _per_call_us(function, value, rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function(value)
        times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def main() -> None:
    """Print the median and p95 time per message and per event."""
    random.seed(1)
    print(f"{'message':<26} {'median µs':>10} {'p95 µs':>10}")
    for name, text in MESSAGES.items():
        median, p95 = _per_call_us(mask, text, ROUNDS)
        print(f"{name:<26} {median:>10.1f} {p95:>10.1f}")
    events = [
        UserUttered(
            MESSAGES["numbers kept"],
            {"name": "report_missed_bin", "confidence": 0.97},
            message_id="0f" * 16,
            metadata={"channel": "webchat"},
        ),
        SlotSet("postcode", "PL1 2AA"),
        BotUttered("Thanks. What's the house number or name?", {"buttons": []}),
    ]
    print()
    print(f"{'stored event':<26} {'median µs':>10} {'p95 µs':>10} {'bytes':>8}")
    for event in events:
        data = event.as_dict()
        median, p95 = _per_call_us(mask_json, data, ROUNDS // 4)
        print(f"{event.type_name:<26} {median:>10.1f} {p95:>10.1f} {len(json.dumps(data)):>8}")


if __name__ == "__main__":
    main()
