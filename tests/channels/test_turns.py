"""The per-worker limit on turns in Rasa: waiting in order, and going in after the wait limit."""

from __future__ import annotations

import asyncio

from channels.turns import TurnLimit


async def _hold(limit: TurnLimit, log: list[str], name: str, seconds: float) -> None:
    async with limit.turn():
        log.append(f"{name} in")
        await asyncio.sleep(seconds)
        log.append(f"{name} out")


def test_a_message_waits_for_a_free_turn_when_there_is_no_wait_limit():
    async def scenario() -> list[str]:
        limit, log = TurnLimit(1), []
        await asyncio.gather(_hold(limit, log, "a", 0.05), _hold(limit, log, "b", 0.0))
        return log

    assert asyncio.run(scenario()) == ["a in", "a out", "b in", "b out"]


def test_a_message_that_has_waited_long_enough_goes_in_without_a_turn():
    async def scenario() -> list[str]:
        limit, log = TurnLimit(1, wait_s=0.01), []
        await asyncio.gather(_hold(limit, log, "a", 0.2), _hold(limit, log, "b", 0.0))
        return log

    assert asyncio.run(scenario()) == ["a in", "b in", "b out", "a out"]


def test_a_turn_is_given_back_when_the_message_fails():
    async def scenario() -> bool:
        limit = TurnLimit(1)
        try:
            async with limit.turn():
                raise RuntimeError("Rasa failed")
        except RuntimeError:
            pass
        async with limit.turn():
            return True

    assert asyncio.run(asyncio.wait_for(scenario(), 1))
