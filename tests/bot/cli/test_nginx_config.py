"""The rendered nginx configuration is valid for Debian's nginx and balances with no stickiness."""

from __future__ import annotations

import subprocess

import pytest

from bot.cli.nginx_config import NginxLayout, NginxNotInstalled, nginx_binary, render


def _layout(tmp_path) -> NginxLayout:
    return NginxLayout(18080, [18081, 18082], 18090, [18091, 18092], tmp_path)


def test_every_rasa_server_and_action_server_is_an_upstream_without_sticky_sessions(tmp_path):
    config = render(_layout(tmp_path))
    for port in (18081, 18082, 18091, 18092):
        assert f"server 127.0.0.1:{port} " in config
    assert "ip_hash" not in config and "hash " not in config and "sticky" not in config
    assert "listen 127.0.0.1:18080;" in config and "listen 127.0.0.1:18090;" in config


def test_the_client_address_is_passed_on_for_the_limits(tmp_path):
    config = render(_layout(tmp_path))
    assert "proxy_set_header X-Real-IP $remote_addr;" in config
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config


def test_nginx_itself_accepts_the_configuration(tmp_path):
    try:
        binary = nginx_binary()
    except NginxNotInstalled:
        pytest.skip("nginx is not installed (make system-deps)")
    config = tmp_path / "nginx.conf"
    config.write_text(render(_layout(tmp_path)))
    checked = subprocess.run(
        [binary, "-t", "-p", str(tmp_path), "-c", str(config)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
