"""The nginx configuration `run-cluster` renders into var/: the Rasa servers and action servers as upstreams."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


class NginxNotInstalled(RuntimeError):
    """No nginx binary: `make system-deps` installs it."""


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )
    if found is None:
        raise NginxNotInstalled("nginx is not installed. Run `make system-deps`.")
    return found


@dataclass(frozen=True)
class NginxLayout:
    """Where nginx listens and what it balances over."""

    port: int  # residents, Twilio, Telegram and advisors come in here
    rasa_ports: list[int]
    actions_port: int  # the Rasa servers reach the action servers here
    action_ports: list[int]
    run_dir: Path  # pid, logs and temporary files


def render(layout: NginxLayout) -> str:
    """A whole nginx.conf: round robin with no stickiness, so consecutive messages of one
    conversation can land on different processes (the database keeps them in order).

    A request is passed to the next server only when the first could not be reached (the
    default `error timeout`, and never once a POST was sent), so a message is never handled
    twice by nginx's doing; clients retry with the same message id. `X-Served-By` names the
    Rasa process that answered (used by the tests and the chaos run; not in deploy/).
    """
    rasa = "\n".join(
        f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=3s;"
        for port in layout.rasa_ports
    )
    actions = "\n".join(
        f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=3s;"
        for port in layout.action_ports
    )
    run = layout.run_dir
    return f"""# Rendered by `councilbot run-cluster` (bot/cli/nginx_config.py); edits are overwritten.
worker_processes 2;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{
    worker_connections 2048;
}}
http {{
    access_log off;
    client_body_temp_path {run}/client_body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    client_max_body_size 1m;
    server_tokens off;

    upstream councilbot_rasa {{
{rasa}
        keepalive 64;
        keepalive_timeout 2s;  # shorter than Sanic's 5 s: nginx never reuses one it is closing
    }}
    upstream councilbot_actions {{
{actions}
        keepalive 32;
        keepalive_timeout 2s;
    }}

    server {{
        listen 127.0.0.1:{layout.port};
        location / {{
            proxy_pass http://councilbot_rasa;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            add_header X-Served-By $upstream_addr always;
        }}
    }}

    server {{
        listen 127.0.0.1:{layout.actions_port};
        location / {{
            proxy_pass http://councilbot_actions;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
        }}
    }}
}}
"""
