"""Shared, lazily created dependencies for actions: council data, postcodes, stores, clock."""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from bot.settings import get_settings

if TYPE_CHECKING:
    from rasa_sdk import Tracker

    from bot.council import Council
    from bot.records.bulky_bookings import BulkyBookingStore
    from bot.records.council_systems import CouncilSystems
    from bot.records.digital_sessions import DigitalSessionStore
    from bot.records.postcodes import PostcodeDirectory
    from bot.records.support_register import SupportRegister
    from bot.records.tickets import TicketQueue


def council() -> Council:
    """The configured council's validated data (loaded once per process)."""
    from bot.council import get_council

    return get_council(get_settings().council_dir)


def postcodes() -> PostcodeDirectory:
    """The process-wide ONS postcode directory (shared with the council loader)."""
    from bot.records.postcodes import get_postcode_directory

    return get_postcode_directory()


@functools.lru_cache(maxsize=1)
def service_requests() -> CouncilSystems:
    """The connector COUNCIL_SYSTEMS names: where every service request is stored."""
    from bot.records.council_systems import connect

    return connect()


@functools.lru_cache(maxsize=1)
def bulky_bookings() -> BulkyBookingStore:
    from bot.records.bulky_bookings import BulkyBookingStore

    return BulkyBookingStore()


@functools.lru_cache(maxsize=1)
def tickets() -> TicketQueue:
    from bot.records.tickets import TicketQueue

    return TicketQueue()


@functools.lru_cache(maxsize=1)
def support_register() -> SupportRegister:
    from bot.records.support_register import SupportRegister

    return SupportRegister()


@functools.lru_cache(maxsize=1)
def digital_sessions() -> DigitalSessionStore:
    from bot.records.digital_sessions import DigitalSessionStore

    return DigitalSessionStore()


def now() -> datetime:
    """The current time at the council (the council clock, in the zone from council.yml)."""
    return council().now()


def today() -> date:
    """Today's date at the council."""
    return now().date()


def insight(kind: str, tracker: Tracker, **fields: Any) -> None:
    """Record an analytics event for this conversation (no personal data; never raises)."""
    from bot.records import insight_events

    insight_events.record(
        kind,
        tracker.sender_id,
        channel=tracker.get_latest_input_channel(),
        acting_for=bool(tracker.get_slot("acting_for")),
        **fields,
    )
