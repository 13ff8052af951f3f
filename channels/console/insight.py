"""The console's insight section (managers only): five pages of figures, each as bars and a table, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.records import insight_figures as figures
from bot.records.insight_figures import Filters, shown

PAGES = {
    "overview": "Overview",
    "funnels": "Where people give up",
    "advisors": "Advisors",
    "channel-shift": "Channel shift",
    "not-understood": "Not understood",
}
CHANNELS = {"webchat": "Webchat", "twilio_sms": "SMS", "telegram": "Telegram"}
DEFAULT_DAYS = 30


def read_filters(args: Any, today: date) -> Filters:
    """The date range (default: the last 30 days), channel and extra-support choice from the query."""

    def day(name: str, default: date) -> date:
        try:
            return date.fromisoformat(str(args.get(name) or ""))
        except ValueError:
            return default

    end = day("end", today)
    start = day("start", end - timedelta(days=DEFAULT_DAYS - 1))
    if start > end:
        start, end = end, start
    channel = args.get("channel") or None
    support = {"yes": True, "no": False}.get(str(args.get("extra_support") or ""))
    return Filters(start, end, channel if channel in CHANNELS else None, support)


def _table(
    title: str,
    columns: list[tuple[str, str]],
    rows: list[dict[str, Any]],
    bar: str | None = None,
    counts: tuple[str, ...] = (),
) -> dict[str, Any]:
    """One chart's data: a title, named columns, rows; `bar` is the column drawn as bars and
    `counts` the columns that are counts of residents (shown as "fewer than 5" when small)."""
    top = max((float(r.get(bar) or 0) for r in rows), default=0.0) if bar else 0.0
    keys = [key for key, _ in columns]
    shaped = []
    for row in rows:
        cells = [shown(int(row[key])) if key in counts else _text(row[key]) for key, _ in columns]
        width = round(100.0 * float(row.get(bar) or 0) / top) if bar and top else 0
        # A small count's bar is not drawn to its size either.
        if bar in counts and 0 < int(row.get(bar) or 0) < figures.SMALL_COUNT:
            width = 0
        value = cells[keys.index(bar)] if bar else ""
        shaped.append({"cells": cells, "width": width, "label": cells[0], "value": value})
    return {"title": title, "columns": [c for _, c in columns], "rows": shaped, "bar": bool(bar)}  # fmt: skip


def _text(value: Any) -> str:
    if value is None:
        return "none yet"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("_", " ")


def _figure(label: str, value: Any, count: bool = False) -> dict[str, str]:
    return {"label": label, "value": shown(int(value)) if count else _text(value)}


def view(page: str, filters: Filters, costs: figures.ContactCosts) -> dict[str, Any]:
    """The headline figures and tables of one page."""
    if page == "overview":
        o = figures.overview(filters)
        return {
            "figures": [
                _figure("Conversations", o["conversations"], count=True),
                _figure("Transactions completed without a person", o["resolved_without_person"], count=True),
                _figure("First-contact resolution (%)", o["first_contact_resolution"]),
                _figure("Repeat contacts within 7 days about the same service", o["repeat_contacts"], count=True),
            ],
            "tables": [
                _table("Conversations per day by channel", [("day", "Day"), ("channel", "Channel"), ("conversations", "Conversations")], o["conversations_per_day"], "conversations", ("conversations",)),
                _table("Transactions completed by service", [("service", "Service"), ("completed", "Completed")], o["completed_by_service"], "completed", ("completed",)),
                _table("Handoffs by reason and priority", [("reason", "Reason"), ("priority", "Priority"), ("handoffs", "Handoffs")], o["handoffs"], "handoffs", ("handoffs",)),
            ],
        }  # fmt: skip
    if page == "funnels":
        tables = []
        for f in figures.funnels(filters):
            rows = [{"step": "started", "reached": f["started"], "left_here": 0}]
            rows += [
                {"step": q["question"], "reached": q["reached"], "left_here": q["left_here"]}
                for q in f["questions"]
            ]
            rows += [
                {"step": "completed", "reached": f["completed"], "left_here": 0},
                {"step": "cancelled by the resident", "reached": f["cancelled"], "left_here": 0},
                {"step": "handed to a person", "reached": f["handed_off"], "left_here": 0},
            ]
            tables.append(
                _table(
                    f"Funnel: {f['service'].replace('_', ' ')}",
                    [("step", "Step"), ("reached", "Reached"), ("left_here", "Gave up here")],
                    rows,
                    "reached",
                    ("reached", "left_here"),
                )
            )
        return {"figures": [], "tables": tables}  # fmt: skip
    if page == "advisors":
        a = figures.advisors(filters)
        return {
            "figures": [
                _figure("Tickets claimed", a["claimed"], count=True),
                _figure("Median wait until claimed (seconds)", a["median_wait_s"]),
                _figure("90th percentile wait (seconds)", a["p90_wait_s"]),
                _figure("Claimed within 180 seconds (%)", a["claimed_within_180s"]),
                _figure("Crisis tickets claimed", a["crisis_claimed"], count=True),
                _figure("Median time from a crisis message to a person (seconds)", a["crisis_median_wait_s"]),
            ],
            "tables": [_table("Average queue length by hour of day", [("hour", "Hour"), ("average_waiting", "Average waiting")], a["queue_by_hour"], "average_waiting")],
        }  # fmt: skip
    if page == "channel-shift":
        c = figures.channel_shift(filters, costs)
        return {
            "figures": [
                _figure("Transactions completed without a person", c["completed_without_person"], count=True),
                _figure("Saving per contact (£, phone minus online)", f"{c['saving_per_contact']:.2f}"),
                _figure("Estimated saving (£)", f"{c['saving']:.2f}"),
                _figure("Cost per contact used (£)", f"face to face {c['costs']['face_to_face']:.2f}, phone {c['costs']['phone']:.2f}, online {c['costs']['online']:.2f}"),
                _figure("Source of the costs", c["costs"]["source"]),
            ],
            "tables": [_table("Completed without a person, by channel", [("channel", "Channel"), ("completed", "Completed"), ("saving", "Saving (£)")], c["by_channel"], "completed", ("completed",))],
        }  # fmt: skip
    rows = figures.not_understood(filters)
    return {
        "figures": [],
        "tables": [_table("Messages the assistant could not place (personal details masked)", [("message", "Message"), ("times", "Times")], rows, "times", ("times",))],
    }  # fmt: skip


def as_csv(data: dict[str, Any]) -> str:
    """Every figure and table row of a page, one CSV (the council's own reporting tools)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["table", "column", "row", "value"])
    for f in data["figures"]:
        writer.writerow(["figures", f["label"], "", f["value"]])
    for table in data["tables"]:
        for number, row in enumerate(table["rows"], start=1):
            for column, cell in zip(table["columns"], row["cells"], strict=True):
                writer.writerow([table["title"], column, number, cell])
    return out.getvalue()


def as_json(page: str, filters: Filters, data: dict[str, Any]) -> str:
    """The page's figures and tables as JSON (the same values the page shows)."""
    return json.dumps(
        {
            "page": page,
            "filters": {
                "start": filters.start.isoformat(),
                "end": filters.end.isoformat(),
                "channel": filters.channel,
                "extra_support": filters.extra_support,
            },
            "figures": data["figures"],
            "tables": [
                {
                    "title": t["title"],
                    "columns": t["columns"],
                    "rows": [dict(zip(t["columns"], r["cells"], strict=True)) for r in t["rows"]],
                }
                for t in data["tables"]
            ],
        },
        indent=2,
    )


def add_routes(console: Blueprint, channel: Any) -> None:
    """/insight/<page>, .csv and .json, for managers only (advisors get a 403 page)."""

    @console.route("/insight", methods=["GET"])
    async def insight_home(request: Request) -> HTTPResponse:
        return channel._redirect("/insight/overview")

    @console.route("/insight/<page>", methods=["GET"])
    async def insight_page(request: Request, page: str) -> HTTPResponse:
        name, _, fmt = page.partition(".")
        manager = channel._guard(request)
        if isinstance(manager, HTTPResponse):
            return manager
        if not manager.is_manager:
            return channel._page(
                "error.html", 403, advisor=manager,
                message="Insight is for managers. Ask a manager if you need these figures.",
            )  # fmt: skip
        if name not in PAGES or fmt not in ("", "csv", "json"):
            return channel._page(
                "error.html", 404, advisor=manager, message="There is no such page."
            )
        filters = read_filters(request.args, channel.council.now().date())
        data = view(name, filters, channel.costs)
        headers = dict(channel.security_headers)
        if fmt == "csv":
            headers["Content-Disposition"] = f'attachment; filename="insight-{name}.csv"'
            return response.text(
                as_csv(data), headers=headers, content_type="text/csv; charset=utf-8"
            )
        if fmt == "json":
            return response.text(
                as_json(name, filters, data), headers=headers, content_type="application/json"
            )
        query = request.query_string
        return channel._page(
            "insight.html", advisor=manager, page=name, pages=PAGES, data=data, filters=filters,
            channels=CHANNELS, query=f"?{query}" if query else "",
        )  # fmt: skip
