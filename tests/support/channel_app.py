"""Serves one input channel's blueprint on a real Sanic server in-process, with a scripted bot."""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urljoin

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Sanic

from tests.support.ports import free_port

_names = itertools.count()


class ScriptedBot:
    """Stands in for Rasa: answers each message with `reply(text)` on its output channel."""

    def __init__(self, reply: Callable[[str], list[dict[str, Any]]] | None = None) -> None:
        self.reply = reply or (lambda text: [{"text": f"You said: {text}"}])
        self.received: list[UserMessage] = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        for answer in self.reply(message.text or ""):
            if answer.get("buttons"):
                await message.output_channel.send_text_with_buttons(
                    message.sender_id, answer.get("text", ""), answer["buttons"]
                )
            else:
                await message.output_channel.send_text_message(message.sender_id, answer["text"])


class FakeAgent:
    """Enough of Rasa's Agent for the handoff gate (which only pauses via the tracker store)."""

    tracker_store = None
    lock_store = None


class RunningChannel:
    """The channel's routes on a real Sanic server in a background thread with its own loop."""

    def __init__(self, channel: InputChannel, bot: Callable[[UserMessage], Awaitable[Any]]) -> None:
        self.channel = channel
        self.bot = bot
        self.loop = asyncio.new_event_loop()
        self.port = free_port()
        # Mounted as Rasa's register() mounts it: the channel's prefix joined to /webhooks/.
        self.prefix = urljoin("/webhooks/", channel.url_prefix())
        self.base_url = f"http://127.0.0.1:{self.port}{self.prefix}"

    def __enter__(self) -> RunningChannel:
        Sanic.test_mode = True
        app = self.app = Sanic(f"channel_test_{next(_names)}")
        app.ctx.agent = FakeAgent()
        app.blueprint(self.channel.blueprint(self.bot), url_prefix=self.prefix)
        started = threading.Event()

        async def start() -> None:
            self.server = await app.create_server(
                host="127.0.0.1", port=self.port, return_asyncio_server=True, access_log=False
            )
            await self.server.startup()
            await self.server.before_start()
            await self.server.start_serving()
            await self.server.after_start()
            started.set()

        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(start(), self.loop).result(30)
        started.wait(30)
        return self

    def run(self, coroutine: Awaitable[Any], timeout: float = 60) -> Any:
        """Run a coroutine on the server's loop (e.g. to wait for background sends)."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)  # type: ignore[arg-type]

    def __exit__(self, *_: Any) -> None:
        async def close() -> None:
            self.server.close()
            await self.server.wait_closed()

        try:
            self.run(close(), 10)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
