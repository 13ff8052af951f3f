"""Local stand-ins for the Twilio REST API and the Telegram Bot API that record what was sent."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Recorded:
    """One request the fake received."""

    path: str
    params: dict[str, Any]
    at: float


@dataclass
class FakeApi:
    """A threaded HTTP server on a free loopback port; `fail_next` makes the next sends fail."""

    kind: str  # "twilio" or "telegram"
    requests: list[Recorded] = field(default_factory=list)
    fail_next: int = 0
    fail_status: int = 500
    pending_updates: list[dict[str, Any]] = field(default_factory=list)  # served once by getUpdates

    def start(self) -> FakeApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                status, body = api.answer(self.path, params)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST  # noqa: N815

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        method = path.rsplit("/", 1)[-1]
        if self.kind == "telegram" and method in {
            "getMe",
            "deleteWebhook",
            "getUpdates",
            "answerCallbackQuery",
        }:
            updates: list[dict[str, Any]] = []
            if method == "getUpdates":
                updates, self.pending_updates = self.pending_updates, []
            result: Any = {"getMe": {"id": 1, "is_bot": True, "first_name": "Council", "username": "council_bot"},
                           "getUpdates": updates}.get(method, True)  # fmt: skip
            return 200, {"ok": True, "result": result}
        self.requests.append(Recorded(path, params, time.monotonic()))
        if self.fail_next > 0:
            self.fail_next -= 1
            if self.kind == "twilio":
                return self.fail_status, {
                    "code": 20500,
                    "message": "Internal error",
                    "status": self.fail_status,
                }
            return self.fail_status, {
                "ok": False,
                "error_code": self.fail_status,
                "description": "Internal error",
            }
        if self.kind == "twilio":
            return 201, {"sid": f"SM{uuid.uuid4().hex}", "status": "queued", "to": params.get("To"),
                         "from": params.get("From"), "body": params.get("Body")}  # fmt: skip
        message = {
            "message_id": len(self.requests), "date": int(time.time()),
            "chat": {"id": int(params.get("chat_id", 0)), "type": "private"}, "text": params.get("text", ""),
        }  # fmt: skip
        return 200, {"ok": True, "result": message}

    def sent_bodies(self) -> list[str]:
        key = "Body" if self.kind == "twilio" else "text"
        return [str(r.params.get(key, "")) for r in self.requests]
