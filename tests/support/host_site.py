"""A council-like site on another local origin that carries the widget's script tag.

Serves the demo host page (channels/webchat/static/demo-host.html) at every path, with the tag
pointing at the assistant, so a test (or a developer) sees the widget embedded cross-origin:
`python -m tests.support.host_site http://127.0.0.1:5005` prints the page's address."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.ports import free_port

PAGE = Path(__file__).resolve().parents[2] / "channels" / "webchat" / "static" / "demo-host.html"
TAG = '<script src="/webhooks/webchat/widget.js" async></script>'


class HostSite:
    """The demo host page on 127.0.0.1 at a free port, in a background thread."""

    def __init__(self, assistant: str, host: str = "127.0.0.1") -> None:
        self.port = free_port()
        self.host = host
        html = PAGE.read_text(encoding="utf-8").replace(
            TAG, f'<script src="{assistant}/webhooks/webchat/widget.js" async></script>'
        )
        body = html.encode("utf-8")

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> HostSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


if __name__ == "__main__":
    with HostSite(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5005") as site:
        print(f"A page on another origin: {site.origin}/bins/missed-collection", flush=True)
        threading.Event().wait()
