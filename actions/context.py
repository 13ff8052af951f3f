"""Shared, lazily created dependencies for actions: council data, postcodes, stores, clock."""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.settings import get_settings

if TYPE_CHECKING:
    from actions.clients.bulky_bookings import BulkyBookingStore
    from actions.clients.digital_sessions import DigitalSessionStore
    from actions.clients.postcodes import PostcodeDirectory
    from actions.clients.service_requests import ServiceRequestStore
    from actions.clients.support_register import SupportRegister
    from actions.clients.tickets import TicketQueue
    from bot.council import Council

UK_TIME = ZoneInfo("Europe/London")


def council() -> Council:
    """The configured council's validated data (loaded once per process)."""
    from bot.council import get_council

    return get_council(get_settings().council_dir)


def postcodes() -> PostcodeDirectory:
    """The process-wide ONS postcode directory (shared with the council loader)."""
    from actions.clients.postcodes import get_postcode_directory

    return get_postcode_directory()


@functools.lru_cache(maxsize=1)
def service_requests() -> ServiceRequestStore:
    from actions.clients.service_requests import ServiceRequestStore

    return ServiceRequestStore()


@functools.lru_cache(maxsize=1)
def bulky_bookings() -> BulkyBookingStore:
    from actions.clients.bulky_bookings import BulkyBookingStore

    return BulkyBookingStore()


@functools.lru_cache(maxsize=1)
def tickets() -> TicketQueue:
    from actions.clients.tickets import TicketQueue

    return TicketQueue()


@functools.lru_cache(maxsize=1)
def support_register() -> SupportRegister:
    from actions.clients.support_register import SupportRegister

    return SupportRegister()


@functools.lru_cache(maxsize=1)
def digital_sessions() -> DigitalSessionStore:
    from actions.clients.digital_sessions import DigitalSessionStore

    return DigitalSessionStore()


def now() -> datetime:
    """Current UK local time; tests replace this function to fix the clock."""
    return datetime.now(UK_TIME)


def today() -> date:
    return now().date()
