"""Extra lines a status check gives for housing repair (HR) and parking permit (PP) references."""

from __future__ import annotations

from datetime import date
from typing import Any

from actions.bulky_items import money, pounds
from actions.formatting import day_and_date


def service_notes(council: Any, found: Any) -> list[str]:
    """What a resident wants to know about this request beyond its status, in plain words."""
    open_request = found.status in ("received", "in_progress")
    details = found.details or {}
    if found.service == "housing_repair":
        return _repair_notes(council, details, open_request)
    if found.service == "parking_permit":
        return _permit_notes(council, details, open_request)
    return []


def _repair_notes(council: Any, details: dict[str, Any], open_request: bool) -> list[str]:
    rules = council.housing_repairs
    kind = rules.kind(details.get("repair_kind")) if rules else None
    lines = []
    if kind is not None:
        room = f", {details['room'].lower()}" if details.get("room") else ""
        lines.append(f"Repair: {kind.name}{room}.")
    if open_request and details.get("priority") == "emergency" and rules is not None:
        line = council.config.safety[rules.out_of_hours_line]
        lines.append(
            f"It's an emergency repair: we aim to make it safe {rules.emergency_timescale}. "
            f"If it gets worse, call {line.name} on {line.phone}."
        )
    return lines


def _permit_notes(council: Any, details: dict[str, Any], open_request: bool) -> list[str]:
    rules = council.parking
    permit = rules.permit_type(details.get("permit_type")) if rules else None
    if permit is None:
        return []
    zone = next((z for z in rules.zones if z.key == details.get("zone")), None)
    text = permit.name
    if details.get("vehicle_reg"):
        text += f" for {details['vehicle_reg']}"
    if zone is not None:
        text += f" in {zone.name}"
    lines = [text + "."]
    if open_request and not details.get("paid") and details.get("evidence_by"):
        price = pounds(money(details.get("price") or 0))
        lines.append(
            f"We need your payment ({price}) and evidence by "
            f"{day_and_date(date.fromisoformat(details['evidence_by']))}: {rules.evidence_upload}"
        )
    return lines
