"""An httpx client that checks every address it connects to against the URL policy.

Checking a URL when it is registered is not enough: a name can later resolve to a metadata address (DNS
rebinding). This client resolves the host itself, refuses the connection if any address is forbidden, and
connects to the checked address; TLS still verifies the original host name.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpcore
import httpx
from httpcore import AsyncNetworkBackend, AsyncNetworkStream
from httpcore._backends.auto import AutoBackend

from comfyui_service.url_policy import UrlPolicy, UrlRefusedError


class AddressRefused(httpcore.ConnectError):
    """httpx maps it to httpx.ConnectError; callers tell it apart with is_policy_refusal()."""


def is_policy_refusal(exc: BaseException) -> bool:
    return isinstance(exc, AddressRefused) or isinstance(exc.__cause__ or exc.__context__, AddressRefused)


class _GuardedBackend(AsyncNetworkBackend):
    def __init__(self, policy: UrlPolicy):
        self._policy = policy
        self._inner = AutoBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,  # noqa: ASYNC109
                          local_address: str | None = None,
                          socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> AsyncNetworkStream:
        try:
            addresses = await self._policy.resolve_allowed(host, port)
        except UrlRefusedError as exc:
            raise AddressRefused(exc.message) from None
        except (OSError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}") from exc
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout,
                                                     local_address=local_address,
                                                     socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")

    async def connect_unix_socket(self, path: str, timeout: float | None = None,  # noqa: ASYNC109
                                  socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None
                                  ) -> AsyncNetworkStream:
        raise AddressRefused("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


class GuardedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, policy: UrlPolicy, limits: httpx.Limits = DEFAULT_LIMITS):
        # trust_env False: an HTTP(S)_PROXY variable must not route probes around the address checks.
        super().__init__(trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(policy),
        )


def guarded_client(policy: UrlPolicy, timeout_s: float) -> httpx.AsyncClient:
    """Redirects are never followed: only the registered server is called, with its own key."""
    return httpx.AsyncClient(transport=GuardedTransport(policy), timeout=httpx.Timeout(timeout_s),
                             follow_redirects=False, trust_env=False)
