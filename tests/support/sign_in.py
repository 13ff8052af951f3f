"""One console sign-in attempt as a browser makes it: fetch the form (its hidden fields and
cookies, e.g. a CSRF token), then post it, on a new connection each time."""

from __future__ import annotations

import re

import requests

_HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"')


def sign_in(
    console_url: str, username: str, password: str, headers: dict[str, str] | None = None
) -> requests.Response:
    """POST {console_url}/login after GET {console_url}/login; redirects are not followed."""
    headers = {**(headers or {}), "Connection": "close"}
    page = requests.get(f"{console_url}/login", headers=headers, timeout=30)
    hidden = dict(_HIDDEN.findall(page.text))
    return requests.post(
        f"{console_url}/login",
        data={**hidden, "username": username, "password": password},
        cookies=page.cookies,
        headers=headers,
        allow_redirects=False,
        timeout=30,
    )
