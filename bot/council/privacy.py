"""privacy.yml: the council's privacy notice and its retention schedule, one line per kind of record."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pydantic import validator

from bot.council.fields import check_url
from bot.council.models import Model

if TYPE_CHECKING:
    from bot.council.files import CouncilFiles

FILE = "privacy.yml"
_PERIOD = re.compile(r"^(\d+) (day|month|year)s?$")

#: Every kind of record the schedule must give a period for (bot/records/retention.py purges them).
RECORD_KINDS = (
    "conversations",
    "service_requests",
    "tickets",
    "safeguarding_cases",
    "support_register",
    "audit_events",
    "outbound_messages",
    "message_receipts",
    "sms_contacts",
    "analytics_events",
)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` earlier (the month's last day when it is shorter)."""
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month + 1, day=day)
        except ValueError:
            day -= 1


class Period(Model):
    """How long one kind of record is kept, and why (the reason goes into the data map)."""

    period: str
    reason: str

    @validator("period")
    def _period(cls, value: str) -> str:
        found = _PERIOD.match(value.strip().lower())
        if not found or int(found.group(1)) < 1:
            raise ValueError(f"'{value}' should read like '90 days', '6 months' or '2 years'")
        return value.strip().lower()

    @validator("reason")
    def _reason(cls, value: str) -> str:
        if len(value.split()) < 3:
            raise ValueError("should say in a sentence why the records are kept that long")
        return value

    def cutoff(self, now: datetime) -> datetime:
        """Records from before this moment are due for removal."""
        found = _PERIOD.match(self.period)
        assert found is not None  # checked by the validator
        count, unit = int(found.group(1)), found.group(2)
        months = count * 12 if unit == "year" else count if unit == "month" else 0
        if months:
            return months_before(now, months)
        return now - timedelta(days=count)


class RequestRetention(Period):
    """Service requests: one period for all, and any service kept for a different time."""

    services: dict[str, Period] = {}

    def for_service(self, service: str) -> Period:
        return self.services.get(service) or Period(period=self.period, reason=self.reason)


class RetentionSchedule(Model):
    """privacy.yml's retention: a period and a reason for every kind of record."""

    conversations: Period
    service_requests: RequestRetention
    tickets: Period
    safeguarding_cases: Period
    support_register: Period
    audit_events: Period
    outbound_messages: Period
    message_receipts: Period
    sms_contacts: Period
    analytics_events: Period

    def period(self, kind: str) -> Period:
        """The line for a kind of record in RECORD_KINDS."""
        line: Period = getattr(self, kind)
        return line


class PrivacyRules(Model):
    """privacy.yml: where the privacy notice is, and the retention schedule."""

    privacy_notice: str
    retention: RetentionSchedule

    _check_notice = validator("privacy_notice", allow_reuse=True)(check_url)


def load_privacy(files: CouncilFiles, service_keys: set[str]) -> PrivacyRules:
    """Read privacy.yml; every service named under service_requests must be in services.yml."""
    from bot.council.files import CouncilDataError

    rules = files.yaml_model(FILE, PrivacyRules)
    for key in rules.retention.service_requests.services:
        if key not in service_keys:
            raise CouncilDataError(
                f"{files.show(FILE)}: retention > service_requests > services: '{key}' is not"
                " a service in services.yml"
            )
    return rules
