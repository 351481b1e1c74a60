"""Server info and statuses, answered from the monitor's cache (a live probe only when it is stale)."""

from __future__ import annotations

from dataclasses import dataclass

from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock

from comfyui_service.domain import Catalog, Server, ServerInfo, ServerStatus
from comfyui_service.monitor import StatusMonitor
from comfyui_service.service import RegistryService

DEFAULT_STATUS_PAGE_SIZE = 1000


@dataclass(frozen=True)
class StatusEntry:
    server: Server
    status: ServerStatus | None
    catalog_updated_at: float | None


class InfoService:
    def __init__(self, registry: RegistryService, monitor: StatusMonitor, clock: Clock, max_age_s: float):
        self._registry = registry
        self._monitor = monitor
        self._clock = clock
        self._max_age_s = max_age_s

    async def info(self, server_id: str, refresh: bool) -> ServerInfo:
        """Cached when at most max_age_s old, else probed now; refresh also re-reads the catalog."""
        server = await self._registry.get(server_id)
        status = self._monitor.status(server_id)
        if refresh or status is None or self._clock() - status.checked_at > self._max_age_s:
            status = await self._monitor.probe(server, refresh_catalog=refresh)
        catalog: Catalog = await self._monitor.catalog(server_id)
        return ServerInfo(server, status, catalog)

    async def statuses(self, is_active: bool | None, page_size: int, page_token: str) -> Page[StatusEntry]:
        """Never probes: the scheduler reads what the background monitor last saw."""

        async def entries(size: int, start: int) -> tuple[list[StatusEntry], int]:
            servers = await self._registry.list(is_active, size, "", start)
            return [StatusEntry(s, self._monitor.status(s.id), (await self._monitor.catalog(s.id)).updated_at)
                    for s in servers.items], servers.total_size

        return await fetch_page({"list": "server_statuses", "is_active": is_active}, page_size, page_token, 0,
                                entries, default=DEFAULT_STATUS_PAGE_SIZE)
