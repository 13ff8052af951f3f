"""The client address behind a request: proxy headers are believed only from trusted proxies."""

from __future__ import annotations

import pytest

from channels.client_address import UNKNOWN, client_address, trusted_networks


def test_without_trusted_proxies_a_forged_forwarded_header_is_ignored():
    assert client_address("203.0.113.5", {"x-forwarded-for": "198.51.100.1"}, "") == "203.0.113.5"


def test_a_header_from_a_peer_that_is_not_a_trusted_proxy_is_ignored():
    headers = {"x-forwarded-for": "198.51.100.1"}
    assert client_address("203.0.113.5", headers, "10.0.0.0/8") == "203.0.113.5"


def test_a_trusted_proxy_names_the_client():
    headers = {"x-forwarded-for": "198.51.100.1"}
    assert client_address("10.0.0.2", headers, "10.0.0.0/8") == "198.51.100.1"


def test_an_address_the_client_wrote_itself_before_the_real_hop_is_not_believed():
    # nginx appends the address it saw; whatever the client sent comes before it.
    headers = {"x-forwarded-for": "1.2.3.4, 198.51.100.1"}
    assert client_address("127.0.0.1", headers, "127.0.0.1") == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_back_to_the_client():
    headers = {"x-forwarded-for": "198.51.100.1, 10.0.0.7, 10.0.0.8"}
    assert client_address("127.0.0.1", headers, "127.0.0.1, 10.0.0.0/8") == "198.51.100.1"


def test_x_real_ip_is_used_when_a_trusted_proxy_sends_no_forwarded_for():
    assert client_address("127.0.0.1", {"x-real-ip": "198.51.100.1"}, "127.0.0.1") == "198.51.100.1"


def test_garbage_in_the_header_leaves_the_last_trusted_proxy_as_the_address():
    headers = {"x-forwarded-for": "<script>, not-an-ip"}
    assert client_address("127.0.0.1", headers, "127.0.0.1") == "127.0.0.1"


def test_an_ipv6_client_is_counted_by_its_64_network():
    assert client_address("2001:db8:1:2:aaaa::1", {}, "") == "2001:db8:1:2::/64"
    assert client_address("2001:db8:1:2:bbbb::9", {}, "") == "2001:db8:1:2::/64"


def test_an_ipv4_mapped_peer_is_the_ipv4_address():
    assert client_address("::ffff:203.0.113.5", {}, "") == "203.0.113.5"


def test_no_peer_is_unknown():
    assert client_address(None, {}, "") == UNKNOWN


@pytest.mark.parametrize("setting", ["", " , ", "127.0.0.1", "10.0.0.0/8, ::1"])
def test_trusted_proxies_accept_addresses_and_networks(setting):
    assert all(net.num_addresses >= 1 for net in trusted_networks(setting))
