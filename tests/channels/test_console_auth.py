"""Console sign-in: repeated failures block a username for a while."""

from __future__ import annotations

from channels.console_auth import SignInThrottle


def test_five_failed_sign_ins_block_that_username_for_a_while():
    throttle = SignInThrottle(limit=5, window_s=900)
    for _ in range(5):
        assert not throttle.blocked("sam")
        throttle.failed("sam")
    assert throttle.blocked("Sam")
    assert not throttle.blocked("alex")
