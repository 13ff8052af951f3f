"""The insight pages' figures, worked out from analytics events; each figure's definition lives here."""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from bot.records import insight_events as ev
from bot.storage.engine import get_engine, session_scope
from bot.storage.models import AnalyticsEvent as E

#: Counts below this are shown as "fewer than 5", so nobody can be picked out of a small group.
SMALL_COUNT = 5
#: A resident contacting us again about the same service within this is a repeat contact.
REPEAT_WITHIN = timedelta(days=7)
#: Southwark's measure: calls answered within 180 seconds.
CLAIMED_WITHIN_S = 180
#: SOCITM's cost per contact (Insight 2012, 120 councils), the defaults when a council has none.
SOCITM_COSTS = {"face_to_face": 8.62, "phone": 2.83, "online": 0.15}
SOCITM_SOURCE = "SOCITM Insight, cost per contact by channel (120 UK councils)"


def shown(count: int) -> str:
    """A count as a page or export shows it: fewer than 5 is never given exactly."""
    return "fewer than 5" if 0 < count < SMALL_COUNT else str(count)


@dataclass(frozen=True)
class Filters:
    """What a manager chose: a date range (inclusive, UTC days), a channel, extra support."""

    start: date
    end: date
    channel: str | None = None
    extra_support: bool | None = None

    def where(self, *kinds: str) -> ColumnElement[bool]:
        since = datetime.combine(self.start, time.min, tzinfo=timezone.utc)
        until = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=timezone.utc)
        parts = [E.occurred_at >= since, E.occurred_at < until]
        if kinds:
            parts.append(E.kind.in_(kinds) if len(kinds) > 1 else E.kind == kinds[0])
        if self.channel:
            parts.append(E.channel == self.channel)
        if self.extra_support is not None:
            parts.append(E.extra_support.is_(self.extra_support))
        return and_(*parts)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class ContactCosts:
    """What one contact costs the council by channel, and where the figures come from."""

    face_to_face: float
    phone: float
    online: float
    source: str

    @property
    def saving_per_contact(self) -> float:
        """A transaction done online instead of by phone saves this much."""
        return round(self.phone - self.online, 2)


def contact_costs(council_dir: Path) -> ContactCosts:
    """The council's contact_costs.yml, with SOCITM's figures for anything it leaves out."""
    path = council_dir / "contact_costs.yml"
    data: dict[str, Any] = {}
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    costs = {k: float(data.get(k, v)) for k, v in SOCITM_COSTS.items()}
    return ContactCosts(**costs, source=str(data.get("source") or SOCITM_SOURCE))


def _rows(filters: Filters, columns: list[Any], *kinds: str) -> list[Any]:
    with session_scope() as session:
        return list(session.execute(select(*columns).where(filters.where(*kinds))).all())


def _grouped(filters: Filters, columns: list[Any], *kinds: str) -> list[Any]:
    with session_scope() as session:
        return list(
            session.execute(
                select(*columns, func.count())
                .where(filters.where(*kinds))
                .group_by(*columns)
                .order_by(*columns)
            ).all()
        )


def _without_person(filters: Filters) -> tuple[int, int]:
    """(transactions completed in conversations no person took part in, conversations started)."""
    handed = select(E.conversation_key).where(filters.where(ev.HANDOFF))
    with session_scope() as session:
        completed = session.execute(
            select(func.count()).where(
                filters.where(ev.TRANSACTION_COMPLETED), E.conversation_key.not_in(handed)
            )
        ).scalar()
        started = session.execute(
            select(func.count()).where(filters.where(ev.CONVERSATION_STARTED))
        ).scalar()
    return int(completed or 0), int(started or 0)


def overview(filters: Filters) -> dict[str, Any]:
    """Conversations per day by channel; resolved without a person; completed transactions by
    service; handoffs by reason and priority; first-contact resolution; repeat contact."""
    per_day = [
        {"day": str(day), "channel": channel, "conversations": n}
        for day, channel, n in _grouped(
            filters, [func.date(E.occurred_at), E.channel], ev.CONVERSATION_STARTED
        )
    ]
    completed = [
        {"service": service, "completed": n}
        for service, n in _grouped(filters, [E.service], ev.TRANSACTION_COMPLETED)
    ]
    handoffs = [
        {"reason": reason, "priority": priority, "handoffs": n}
        for reason, priority, n in _grouped(filters, [E.reason, E.priority], ev.HANDOFF)
    ]
    without_person, conversations = _without_person(filters)
    repeats, first_time, done = _repeat_contact(filters)
    return {
        "conversations_per_day": per_day,
        "conversations": conversations,
        "resolved_without_person": without_person,
        "completed_by_service": completed,
        "handoffs": handoffs,
        "first_contact_resolution": _share(first_time, done),
        "repeat_contacts": repeats,
    }


def _shifted(column: Any, days: int) -> Any:
    """SQL: a timestamp `days` later (earlier if negative), on SQLite and PostgreSQL alike."""
    if get_engine().dialect.name == "sqlite":
        return func.datetime(column, f"{days:+d} days")
    return column + timedelta(days=days)


def _repeat_contact(filters: Filters) -> tuple[int, int, int]:
    """(repeat contacts, completed first time, completed), all counted in SQL.

    Repeat contact: a transaction started by a resident (keyed hash) who had started the same
    one in the 7 days before. First-contact resolution: a completed transaction the same
    resident did not start again in the 7 days after. Earlier and later starts count on any
    channel: a resident who gave up online and tried by text is a repeat contact.
    """
    days = REPEAT_WITHIN.days
    earlier = aliased(E)
    later = aliased(E)
    with session_scope() as session:
        repeats = session.execute(
            select(func.count()).where(
                filters.where(ev.TRANSACTION_STARTED),
                exists().where(
                    earlier.kind == ev.TRANSACTION_STARTED,
                    earlier.conversation_key == E.conversation_key,
                    earlier.service == E.service,
                    earlier.occurred_at < E.occurred_at,
                    earlier.occurred_at >= _shifted(E.occurred_at, -days),
                ),
            )
        ).scalar()
        done, first_time = session.execute(
            select(
                func.count(),
                func.sum(
                    case(
                        (
                            exists().where(
                                later.kind == ev.TRANSACTION_STARTED,
                                later.conversation_key == E.conversation_key,
                                later.service == E.service,
                                later.occurred_at > E.occurred_at,
                                later.occurred_at <= _shifted(E.occurred_at, days),
                            ),
                            0,
                        ),
                        else_=1,
                    )
                ),
            ).where(filters.where(ev.TRANSACTION_COMPLETED))
        ).one()
    return int(repeats or 0), int(first_time or 0), int(done or 0)


def _share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def funnels(filters: Filters) -> list[dict[str, Any]]:
    """Per transaction: started, reached each question, completed, and where the rest left.

    A journey ends completed, cancelled, handed to a person, or abandoned (the resident went on
    to something else, or simply stopped answering: no ending at all); an abandoned journey is
    counted at the last question it was asked. Each question asked is followed by the next
    question (which names it as `previous_question`), by an ending (which names it as
    `question`), or by nothing: a resident who stopped answering there. So where people leave
    is grouped counts only, however many events there are.
    """
    with session_scope() as session:

        def grouped(column: Any, *kinds: str) -> list[Any]:
            return list(
                session.execute(
                    select(E.service, column, E.kind, func.count())
                    .where(filters.where(*kinds))
                    .group_by(E.service, column, E.kind)
                ).all()
            )

        started = dict(
            session.execute(
                select(E.service, func.count())
                .where(filters.where(ev.TRANSACTION_STARTED))
                .group_by(E.service)
            ).all()
        )
        asked = grouped(E.question, ev.QUESTION_ASKED)
        followed = grouped(E.previous_question, ev.QUESTION_ASKED)
        ends = grouped(E.question, *ev.TRANSACTION_ENDINGS)
    reached: Counter[tuple[str, str]] = Counter()
    for service, question, _, n in asked:
        reached[(service, question)] += n
    left = Counter(reached)
    for service, previous, _, n in followed:
        if previous:
            left[(service, previous)] -= n
    ended: dict[str, Counter[str]] = defaultdict(Counter)
    for service, question, kind, n in ends:
        ended[service][kind] += n
        if question and kind != ev.TRANSACTION_ABANDONED:
            left[(service, question)] -= n  # ended there, not left there
    questions: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (service, question), n in reached.items():
        questions[service].append((-n, question))  # most reached first: the funnel's order
    result = []
    for service in sorted(started):
        count = int(started[service])
        done = ended[service]
        finished = sum(done[k] for k in ev.TRANSACTION_ENDINGS if k != ev.TRANSACTION_ABANDONED)
        result.append(
            {
                "service": service,
                "started": count,
                "questions": [
                    {
                        "question": q,
                        "reached": -minus,
                        "left_here": max(0, left[(service, q)]),
                    }
                    for minus, q in sorted(questions[service])
                ],
                "completed": done[ev.TRANSACTION_COMPLETED],
                "cancelled": done[ev.TRANSACTION_CANCELLED],
                "handed_off": done[ev.TRANSACTION_HANDED_OFF],
                "abandoned": max(0, count - finished),
            }
        )
    return result


def _percentile(values: list[int], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)  # nearest rank: the smallest wait at least `share` of them reach
    rank = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return float(ordered[rank])


def advisors(filters: Filters) -> dict[str, Any]:
    """Wait until an advisor claimed a ticket (median, 90th percentile, share within 180 s),
    time from a crisis to a person, and the average queue length by hour of day."""
    claims = _rows(filters, [E.wait_seconds, E.reason, E.occurred_at], ev.ADVISOR_CLAIMED)
    waits = [int(w) for w, _, _ in claims if w is not None]
    crisis = [
        int(w)
        for w, reason, _ in claims
        if w is not None and reason in ("safety rule", "urgent topic")
    ]
    # A claimed ticket waited from (claimed - wait) to claimed: each hour of the day gets the
    # waiting time that fell in it; divided by an hour times the days, the average queue.
    waiting_s = [0.0] * 24
    for wait, _, claimed in claims:
        if not wait:
            continue
        claimed = claimed if claimed.tzinfo else claimed.replace(tzinfo=timezone.utc)
        start = claimed - timedelta(seconds=int(wait))
        moment = start
        while moment < claimed:
            next_hour = (moment + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
            upto = min(next_hour, claimed)
            waiting_s[moment.hour] += (upto - moment).total_seconds()
            moment = upto
    per_hour = [
        {"hour": f"{hour:02d}:00", "average_waiting": round(s / (3600.0 * filters.days), 2)}
        for hour, s in enumerate(waiting_s)
    ]
    return {
        "claimed": len(waits),
        "median_wait_s": statistics.median(waits) if waits else None,
        "p90_wait_s": _percentile(waits, 0.9),
        "claimed_within_180s": _share(sum(1 for w in waits if w <= CLAIMED_WITHIN_S), len(waits)),
        "crisis_claimed": len(crisis),
        "crisis_median_wait_s": statistics.median(crisis) if crisis else None,
        "queue_by_hour": per_hour,
    }


def channel_shift(filters: Filters, costs: ContactCosts) -> dict[str, Any]:
    """Transactions completed with no person involved, times what a phone call costs more than
    an online contact: what the council did not spend."""
    without_person, _ = _without_person(filters)
    by_channel = []
    handed = select(E.conversation_key).where(filters.where(ev.HANDOFF))
    with session_scope() as session:
        for channel, n in session.execute(
            select(E.channel, func.count())
            .where(filters.where(ev.TRANSACTION_COMPLETED), E.conversation_key.not_in(handed))
            .group_by(E.channel)
            .order_by(E.channel)
        ).all():
            by_channel.append(
                {
                    "channel": channel,
                    "completed": n,
                    "saving": round(n * costs.saving_per_contact, 2),
                }
            )
    return {
        "completed_without_person": without_person,
        "saving_per_contact": costs.saving_per_contact,
        "saving": round(without_person * costs.saving_per_contact, 2),
        "by_channel": by_channel,
        "costs": {
            "face_to_face": costs.face_to_face,
            "phone": costs.phone,
            "online": costs.online,
            "source": costs.source,
        },
    }


def not_understood(filters: Filters, limit: int = 25) -> list[dict[str, Any]]:
    """The messages the assistant most often could not place (masked when they were stored)."""
    with session_scope() as session:
        rows = session.execute(
            select(E.masked_text, func.count().label("n"))
            .where(filters.where(ev.NOT_UNDERSTOOD), E.masked_text.is_not(None))
            .group_by(E.masked_text)
            .order_by(func.count().desc(), E.masked_text)
            .limit(limit)
        ).all()
    return [{"message": text, "times": n} for text, n in rows]
