"""The address a request came from: the direct peer, or what a trusted proxy says it forwarded.

X-Forwarded-For and X-Real-IP are anyone's to write, so they are believed only when the direct
peer is one of TRUSTED_PROXIES (nginx in front of the servers). X-Forwarded-For is read from the
right: each trusted proxy vouches for the hop before it, and the first hop that is not a trusted
proxy is the client. IPv6 clients are counted by their /64 network, which one household or one
attacker usually holds whole.
"""

from __future__ import annotations

import functools
import ipaddress
from typing import Any

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
UNKNOWN = "unknown"


@functools.lru_cache(maxsize=8)
def trusted_networks(setting: str) -> tuple[IPNetwork, ...]:
    """The networks in a comma-separated TRUSTED_PROXIES value (validated by the settings)."""
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False)
        for part in setting.split(",")
        if part.strip()
    )


def _parse(value: str) -> IPAddress | None:
    value = value.strip().strip('"')
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.5:51234"
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def _label(address: IPAddress) -> str:
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return str(address)


def _all(headers: Any, name: str) -> list[str]:
    """Every value of a header (a repeated X-Forwarded-For counts as one list, in order)."""
    if hasattr(headers, "getall"):
        return [str(v) for v in headers.getall(name, [])]
    value = headers.get(name)
    return [str(value)] if value else []


def client_address(peer: str | None, headers: Any, trusted_proxies: str) -> str:
    """The client's address (IPv6 as its /64) from the direct peer and the request's headers."""
    address = _parse(peer or "")
    if address is None:
        return UNKNOWN
    networks = trusted_networks(trusted_proxies)
    if not _trusted(address, networks):
        return _label(address)
    hops = [hop for line in _all(headers, "x-forwarded-for") for hop in line.split(",")]
    hops = [hop for hop in hops if hop.strip()] or _all(headers, "x-real-ip")[-1:]
    for hop in reversed(hops):
        claimed = _parse(hop)
        if claimed is None:
            break  # garbage: the last trusted proxy is all we know
        address = claimed
        if not _trusted(address, networks):
            break
    return _label(address)


def request_client_address(request: Any, trusted_proxies: str) -> str:
    """client_address for a Sanic request (its direct peer is `request.ip`)."""
    return client_address(request.ip, request.headers, trusted_proxies)
