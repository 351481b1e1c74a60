"""Server URLs: validation, normalisation and the policy against server-side request forgery (contract 3.10).

ComfyUI usually lives on a LAN, so loopback and private addresses are allowed unless `block_private` is set.
Link-local ranges and cloud metadata endpoints are refused always, whatever the allow-list says. The same
checks run on the literal host when a URL is written and on every resolved address when we connect
(guarded_http.py), so a name that later resolves somewhere forbidden is still refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

from storyboard_common.errors import InvalidArgumentError

MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

ALWAYS_BLOCKED_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "169.254.0.0/16",      # IPv4 link-local, including the AWS/GCP/Azure/OCI metadata address
    "fe80::/10",           # IPv6 link-local
    "fd00:ec2::254/128",   # AWS metadata over IPv6
    "100.100.100.200/32",  # Alibaba Cloud metadata
    "0.0.0.0/8",           # "this network": 0.0.0.0 reaches the local host on Linux
    "::/128",
    "224.0.0.0/4",         # multicast and broadcast are never an HTTP server
    "ff00::/8",
    "255.255.255.255/32",
))
PRIVATE_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7",
))
METADATA_HOSTS = frozenset({
    "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
    "metadata.azure.internal", "metadata.tencentyun.com",
})
LOCAL_HOSTS = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


class UrlRefusedError(InvalidArgumentError):
    """The URL (or an address it resolves to) is not one we may call."""


@dataclass(frozen=True)
class ServerUrl:
    """A validated, normalised base URL."""

    url: str
    scheme: str
    host: str  # lowercase, without IPv6 brackets or a trailing dot
    port: int
    path: str

    def path_segment_after(self, marker: str) -> str | None:
        """The path segment following `marker` ("v2" in /v2/<endpoint_id>), if any."""
        parts = [p for p in self.path.split("/") if p]
        for i, part in enumerate(parts[:-1]):
            if part == marker:
                return parts[i + 1]
        return None


def _refuse(message: str) -> UrlRefusedError:
    return UrlRefusedError(message, reason="VALIDATION_ERROR", metadata={"field": "url"})


def _parse_ip(host: str) -> IpAddress | None:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _is_legacy_numeric_ipv4(host: str) -> bool:
    """"2852039166", "0xa9fea9fe" or "169.254.43518" reach 169.254.169.254 through inet_aton."""
    try:
        socket.inet_aton(host)
    except OSError:
        return False
    return True


def parse_server_url(raw: str) -> ServerUrl:
    """Absolute http(s) with a host, at most 2048 chars, no user-info, query or fragment; normalised."""
    if not isinstance(raw, str) or not raw.strip():
        raise _refuse("URL is required")
    if len(raw) > MAX_URL_LENGTH:
        raise _refuse(f"URL must be at most {MAX_URL_LENGTH} characters")
    if raw != raw.strip() or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in raw):
        raise _refuse("URL must not contain spaces or control characters")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise _refuse("URL is not valid") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise _refuse("URL must start with http:// or https://")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _refuse("URL must not contain user information")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise _refuse("URL must have a host")
    if parts.query or parts.fragment or raw.endswith(("?", "#")):
        raise _refuse("URL must not have a query or fragment")
    if "%" in host:
        raise _refuse("URL host must not contain a zone id or percent-encoding")
    if not host.isascii():  # IDNA: "bücher.de" -> "xn--bcher-kva.de", fullwidth digits -> ASCII digits
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise _refuse("URL host is not a valid name") from None
    if _parse_ip(host) is None and _is_legacy_numeric_ipv4(host):
        raise _refuse("URL host must be a name or a standard dotted IP address")
    if port == 0:
        raise _refuse("URL port must be between 1 and 65535")
    port = port or DEFAULT_PORTS[scheme]
    path = parts.path.rstrip("/")
    netloc = f"[{host}]" if ":" in host else host
    if port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    url = urlunsplit(SplitResult(scheme, netloc, path, "", ""))
    return ServerUrl(url=url, scheme=scheme, host=host, port=port, path=path)


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class UrlPolicy:
    """Which hosts and addresses this service may call."""

    def __init__(self, allowed_hosts: Sequence[str] = (), block_private: bool = False,
                 resolver: Resolver = system_resolver, dns_timeout_s: float = 2.0):
        entries = [e.strip().lower().rstrip(".") for e in allowed_hosts if e.strip()]
        self._allowed_names = [e for e in entries if not _is_network(e)]
        self._allowed_networks = [ipaddress.ip_network(e, strict=False) for e in entries if _is_network(e)]
        self._block_private = block_private
        self._resolver = resolver
        self._dns_timeout_s = dns_timeout_s

    @classmethod
    def from_setting(cls, allowed_hosts: str, block_private: bool, **kwargs: object) -> UrlPolicy:
        return cls([h for h in allowed_hosts.split(",")], block_private, **kwargs)  # type: ignore[arg-type]

    def check_host(self, host: str) -> None:
        """The checks that need no DNS: names, literal addresses and the allow-list."""
        host = host.lower().rstrip(".")
        address = _parse_ip(host)
        if address is not None:
            self.check_address(address)
        elif host in METADATA_HOSTS:
            raise _refuse("URL host is a cloud metadata endpoint")
        elif self._block_private and (host in LOCAL_HOSTS or host.endswith(".localhost")):
            raise _refuse("URL host is a local address, which this deployment does not allow")
        if (self._allowed_names or self._allowed_networks) and not self._allowed(host, address):
            raise _refuse("URL host is not in the allowed hosts (COMFYUI_ALLOWED_HOSTS)")

    def check_address(self, address: IpAddress | str) -> None:
        """An address we are about to reach (literal or resolved)."""
        ip = _parse_ip(str(address))
        if ip is None:
            raise _refuse("URL host address is not valid")
        if any(ip in net for net in ALWAYS_BLOCKED_NETWORKS if net.version == ip.version):
            raise _refuse("URL host is a link-local, metadata or reserved address")
        if self._block_private and any(ip in net for net in PRIVATE_NETWORKS if net.version == ip.version):
            raise _refuse("URL host is a private or loopback address, which this deployment does not allow")

    async def resolve_allowed(self, host: str, port: int) -> list[str]:
        """Resolves `host` and returns its addresses, refusing the whole name if any address is forbidden."""
        self.check_host(host)
        literal = _parse_ip(host)
        if literal is not None:
            return [str(literal)]
        async with asyncio.timeout(self._dns_timeout_s):
            addresses = await self._resolver(host, port)
        for address in addresses:
            self.check_address(address)
        return addresses

    async def check_url(self, url: ServerUrl) -> None:
        """At registration: literal checks, then DNS if it answers (a host that is down may not resolve)."""
        self.check_host(url.host)
        try:
            await self.resolve_allowed(url.host, url.port)
        except (OSError, TimeoutError):
            pass

    def _allowed(self, host: str, address: IpAddress | None) -> bool:
        if address is not None:
            networks = (n for n in self._allowed_networks if n.version == address.version)
            return any(address in n for n in networks) or str(address) in self._allowed_names
        for entry in self._allowed_names:
            if entry.startswith("*.") and host.endswith(entry[1:]):
                return True
            if host == entry:
                return True
        return False


def _is_network(entry: str) -> bool:
    try:
        ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return False
    return True
