"""Advisor accounts: hashed passwords, sessions that expire, switched-off accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.records.advisor_accounts import (
    AccountError,
    AdvisorAccounts,
    hash_password,
    verify_password,
)
from bot.storage.engine import session_scope
from bot.storage.models import Advisor, utcnow

PASSWORD = "correct horse battery"


def test_passwords_are_stored_only_as_salted_scrypt_hashes(database_url):
    AdvisorAccounts().create("sam", "Sam Patel", PASSWORD)
    with session_scope() as session:
        stored = session.execute(select(Advisor.password_hash)).scalar_one()
    assert PASSWORD not in stored and stored.startswith("scrypt$")
    assert hash_password(PASSWORD) != hash_password(PASSWORD)
    assert verify_password(PASSWORD, stored) and not verify_password("wrong password!", stored)


def test_a_short_password_or_a_duplicate_username_is_refused_with_a_reason(database_url):
    accounts = AdvisorAccounts()
    with pytest.raises(AccountError, match="at least 12"):
        accounts.create("sam", "Sam", "short")
    accounts.create("sam", "Sam", PASSWORD)
    with pytest.raises(AccountError, match="already an advisor"):
        accounts.create("SAM", "Sam again", PASSWORD)


def test_signing_in_needs_the_right_password(database_url):
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam Patel", PASSWORD)
    assert accounts.sign_in("sam", "not the password") is None
    assert accounts.sign_in("nobody", PASSWORD) is None
    token = accounts.sign_in("Sam", PASSWORD)
    advisor = accounts.session(token)
    assert (
        advisor is not None and advisor.display_name == "Sam Patel" and len(advisor.csrf_token) > 30
    )


def test_a_session_expires_after_30_idle_minutes(database_url):
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam", PASSWORD)
    token = accounts.sign_in("sam", PASSWORD)
    now = utcnow()
    assert accounts.session(token, now + timedelta(minutes=29)) is not None
    assert accounts.session(token, now + timedelta(minutes=29 + 31)) is None
    assert accounts.session(token, now) is None  # the expired session was deleted


def test_a_busy_session_still_ends_after_12_hours(database_url):
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam", PASSWORD)
    token = accounts.sign_in("sam", PASSWORD)
    start = utcnow()
    for minutes in range(20, 12 * 60, 20):
        assert accounts.session(token, start + timedelta(minutes=minutes)) is not None
    assert accounts.session(token, start + timedelta(hours=12, minutes=5)) is None


def test_switching_an_advisor_off_ends_their_sessions(database_url):
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam", PASSWORD)
    token = accounts.sign_in("sam", PASSWORD)
    assert accounts.set_active("sam", False)
    assert accounts.session(token) is None
    assert accounts.sign_in("sam", PASSWORD) is None
    assert accounts.set_active("sam", True) and accounts.sign_in("sam", PASSWORD) is not None


def test_signing_out_ends_the_session(database_url):
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam", PASSWORD)
    token = accounts.sign_in("sam", PASSWORD)
    accounts.sign_out(token)
    assert accounts.session(token) is None
