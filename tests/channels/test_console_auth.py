"""Console sign-in lockout: failures per username and per address, shared through the database."""

from __future__ import annotations

from bot.settings import get_settings
from channels.console_auth import SignInThrottle


def test_five_failed_sign_ins_lock_that_username_whatever_its_case(database_url):
    throttle = SignInThrottle(get_settings())
    allowed = [throttle.attempt("sam", "203.0.113.7") for _ in range(5)]

    assert allowed == [True] * 5
    assert not throttle.attempt("Sam ", "198.51.100.1")
    assert throttle.attempt("alex", "203.0.113.7")


def test_a_lockout_seen_by_one_throttle_is_seen_by_another_on_the_same_database(database_url):
    first, second = SignInThrottle(get_settings()), SignInThrottle(get_settings())
    for n in range(5):
        assert (first if n % 2 else second).attempt("sam", "203.0.113.7")

    assert not first.attempt("sam", "203.0.113.7")
    assert not second.attempt("sam", "203.0.113.7")


def test_an_address_that_failed_too_often_is_locked_out_for_every_username(
    database_url, monkeypatch
):
    monkeypatch.setenv("SIGN_IN_FAILURES_PER_ADDRESS", "3")
    get_settings.cache_clear()
    throttle = SignInThrottle(get_settings())

    assert [throttle.attempt(f"user{n}", "203.0.113.7") for n in range(3)] == [True] * 3
    assert not throttle.attempt("sam", "203.0.113.7")
    assert throttle.attempt("sam", "198.51.100.1")


def test_a_correct_sign_in_clears_the_username_and_gives_back_the_address_place(database_url):
    throttle = SignInThrottle(get_settings())
    for _ in range(4):
        throttle.attempt("sam", "203.0.113.7")
    throttle.attempt("sam", "203.0.113.7")
    throttle.succeeded("sam", "203.0.113.7")

    assert [throttle.attempt("sam", "203.0.113.7") for _ in range(5)] == [True] * 5


def test_an_attempt_the_database_could_not_judge_does_not_count(database_url):
    throttle = SignInThrottle(get_settings())
    for _ in range(5):
        throttle.attempt("sam", "203.0.113.7")
        throttle.abandoned("sam", "203.0.113.7")

    assert throttle.attempt("sam", "203.0.113.7")
