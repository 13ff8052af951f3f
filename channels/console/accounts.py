"""Managers manage advisors' console accounts: list them, add an advisor, switch one off or on."""

from __future__ import annotations

from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.records.advisor_accounts import ADVISOR, AccountError


def add_routes(console: Blueprint, channel: Any) -> None:
    """/accounts (GET: the list; POST: add an advisor) and /accounts/<username>/<on|off>."""

    def manager_only(request: Request, change: bool = False) -> Any:
        manager = channel._guard(request, change=change)
        if isinstance(manager, HTTPResponse):
            return manager
        if not manager.is_manager:
            return channel._page(
                "error.html", 403, advisor=manager,
                message="Only managers can manage advisors' accounts.",
            )  # fmt: skip
        return manager

    @console.route("/accounts", methods=["GET"])
    async def accounts_page(request: Request) -> HTTPResponse:
        manager = manager_only(request)
        if isinstance(manager, HTTPResponse):
            return manager
        return channel._page(
            "accounts.html", advisor=manager, accounts=channel.accounts.roster(),
            notice=request.args.get("notice"), error=request.args.get("error"),
        )  # fmt: skip

    @console.route("/accounts", methods=["POST"])
    async def accounts_add(request: Request) -> HTTPResponse:
        manager = manager_only(request, change=True)
        if isinstance(manager, HTTPResponse):
            return manager
        form = request.form or {}
        try:
            channel.accounts.create(
                form.get("username") or "", form.get("display_name") or "",
                form.get("password") or "", role=ADVISOR,
            )  # fmt: skip
        except AccountError as error:
            return channel._page(
                "accounts.html", 400, advisor=manager, accounts=channel.accounts.roster(),
                error=str(error),
            )  # fmt: skip
        channel._audit(manager, "account.add", f"advisor:{(form.get('username') or '')[:60]}")
        return channel._redirect("/accounts?notice=added")

    @console.route("/accounts/<username>/<state:on|off>", methods=["POST"])
    async def accounts_switch(request: Request, username: str, state: str) -> HTTPResponse:
        manager = manager_only(request, change=True)
        if isinstance(manager, HTTPResponse):
            return manager
        if username == manager.username:
            return channel._redirect("/accounts?notice=not-yourself")
        found = channel.accounts.set_active(username, state == "on")
        channel._audit(manager, f"account.{state}", f"advisor:{username[:60]}")
        return channel._redirect(f"/accounts?notice={'switched' if found else 'missing'}")
