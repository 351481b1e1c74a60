"""The live status cache and the background task that keeps it fresh.

Every active server is probed every `interval_s`; a server that keeps failing is probed less often
(doubling up to `max_backoff_s`), and back at the normal rate as soon as it answers. Each probe runs as its
own task, so one hanging server never delays the others. The model catalog is re-read when a server comes
online, every `catalog_interval_s`, and on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from storyboard_common.timestamps import Clock

from comfyui_service.domain import Catalog, Server, ServerStatus
from comfyui_service.prober import ProbeError, Prober, Target
from comfyui_service.repository import CatalogRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MonitorTiming:
    interval_s: float = 5.0
    max_backoff_s: float = 60.0
    catalog_interval_s: float = 600.0
    max_parallel_probes: int = 16


class StatusMonitor:
    def __init__(self, prober: Prober, catalogs: CatalogRepository,
                 active_servers: Callable[[], Awaitable[list[Server]]],
                 target_for: Callable[[Server], Awaitable[Target]], clock: Clock, timing: MonitorTiming):
        self._prober = prober
        self._catalog_repo = catalogs
        self._active_servers = active_servers
        self._target_for = target_for
        self._clock = clock
        self._timing = timing
        self._statuses: dict[str, ServerStatus] = {}
        self._catalogs: dict[str, Catalog] = {}
        self._failures: dict[str, int] = {}
        self._next_probe: dict[str, float] = {}    # loop.time() when the next background probe is due
        self._next_catalog: dict[str, float] = {}
        self._generation: dict[str, int] = {}      # bumped by forget(): results of older probes are dropped
        self._locks: dict[str, asyncio.Lock] = {}
        self._inflight: dict[str, asyncio.Task[None]] = {}
        self._wake = asyncio.Event()
        self._changed = asyncio.Condition()
        self._slots = asyncio.Semaphore(timing.max_parallel_probes)
        self._task: asyncio.Task[None] | None = None

    # --- lifecycle ---

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="comfyui-status-monitor")

    async def stop(self) -> None:
        tasks = [t for t in (self._task, *self._inflight.values()) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._task = None

    def wake(self) -> None:
        """Re-read the registry now (a server was added, changed or re-activated)."""
        self._wake.set()

    def forget(self, server_id: str) -> None:
        """Drops everything known about a server whose address or key changed, or that was deleted."""
        self._generation[server_id] = self._generation.get(server_id, 0) + 1
        for table in (self._statuses, self._catalogs, self._failures, self._next_probe, self._next_catalog):
            table.pop(server_id, None)
        self.wake()

    # --- reads ---

    def status(self, server_id: str) -> ServerStatus | None:
        return self._statuses.get(server_id)

    async def catalog(self, server_id: str) -> Catalog:
        if server_id not in self._catalogs:
            stored = await self._catalog_repo.get(server_id)
            if server_id not in self._catalogs:  # a refresh may have landed while we read
                self._catalogs[server_id] = stored or Catalog()  # "never read" is cached too
        return self._catalogs[server_id]

    async def wait_until(self, predicate: Callable[[], bool]) -> None:
        """Returns once predicate() holds after some probe; for callers that must see a state change."""
        async with self._changed:
            await self._changed.wait_for(predicate)

    # --- probing ---

    async def probe(self, server: Server, refresh_catalog: bool = False) -> ServerStatus:
        """Probes now (one probe per server at a time) and updates the cache; a bad server never raises."""
        lock = self._locks.setdefault(server.id, asyncio.Lock())
        async with lock:
            generation = self._generation.get(server.id, 0)
            now = self._clock()
            target: Target | None = None
            try:
                target = await self._target_for(server)
            except ProbeError as exc:
                status = ServerStatus(is_online=False, checked_at=now, error=str(exc))
            else:
                status = await self._prober.status(target, now)
            if self._generation.get(server.id, 0) != generation:
                return status  # deleted or re-addressed meanwhile: this answer is about the old server
            previous = self._statuses.get(server.id)
            self._record(server, status, previous)
            if target and status.is_online and (refresh_catalog or self._catalog_due(server.id, previous)):
                await self._refresh_catalog(server, target, generation)
        async with self._changed:
            self._changed.notify_all()
        return status

    def _record(self, server: Server, status: ServerStatus, previous: ServerStatus | None) -> None:
        self._statuses[server.id] = status
        loop_now = asyncio.get_running_loop().time()
        if status.is_online:
            self._failures.pop(server.id, None)
            delay = self._timing.interval_s
        else:
            failures = self._failures[server.id] = self._failures.get(server.id, 0) + 1
            delay = min(self._timing.interval_s * 2 ** min(failures - 1, 16), self._timing.max_backoff_s)
        self._next_probe[server.id] = loop_now + delay
        if previous is None or previous.is_online != status.is_online:
            extra = {"server_id": server.id}
            if status.is_online:
                log.info("comfyui server is online", extra=extra)
            else:
                log.info("comfyui server is offline: %s", status.error, extra=extra)

    def _catalog_due(self, server_id: str, previous: ServerStatus | None) -> bool:
        came_online = previous is None or not previous.is_online
        due_at = self._next_catalog.get(server_id)
        return came_online or due_at is None or due_at <= asyncio.get_running_loop().time()

    async def _refresh_catalog(self, server: Server, target: Target, generation: int) -> None:
        loop_now = asyncio.get_running_loop().time()
        try:
            catalog = await self._prober.catalog(target, self._clock())
        except ProbeError as exc:
            log.warning("cannot read the model catalog: %s", exc, extra={"server_id": server.id})
            self._next_catalog[server.id] = loop_now + min(self._timing.catalog_interval_s,
                                                           self._timing.max_backoff_s)
            return
        if self._generation.get(server.id, 0) != generation:
            return
        self._catalogs[server.id] = catalog
        self._next_catalog[server.id] = loop_now + self._timing.catalog_interval_s
        await self._catalog_repo.put(server.id, catalog)

    # --- background loop ---

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self._wake.clear()
            try:
                servers = await self._active_servers()
            except Exception:  # noqa: BLE001 - a store hiccup must not end monitoring
                log.exception("cannot list servers to probe")
                servers = []
            now = loop.time()
            for server in servers:
                if self._next_probe.get(server.id, 0.0) <= now and server.id not in self._inflight:
                    self._inflight[server.id] = asyncio.create_task(self._background_probe(server))
            dues = [self._next_probe.get(s.id, now) for s in servers if s.id not in self._inflight]
            wait_s = max(0.0, min(dues, default=now + self._timing.interval_s) - loop.time())
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(wait_s, self._timing.interval_s)):
                    await self._wake.wait()

    async def _background_probe(self, server: Server) -> None:
        try:
            async with self._slots:
                await self.probe(server)
        except Exception:  # noqa: BLE001 - one server's surprise must not stop the others
            log.exception("probe failed unexpectedly", extra={"server_id": server.id})
            self._next_probe[server.id] = asyncio.get_running_loop().time() + self._timing.interval_s
        finally:
            self._inflight.pop(server.id, None)
            self._wake.set()  # reschedule from the new due time
