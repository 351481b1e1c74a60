"""Keeps the model library in step with the servers' catalogs.

`reconcile` runs after every catalog refresh (catalog_feed.py): a listed file without a record gets one, a known
file is marked present again, a record whose file is no longer listed becomes inactive. `server_removed` runs when a
server's catalog is dropped (server deleted or re-addressed). Hashes are asked for once per file, from
GET /view_metadata, which real ComfyUI answers for .safetensors files whose header carries a hash.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from storyboard_common.timestamps import Clock

from comfyui_service.domain import Catalog, Server
from comfyui_service.library_domain import (
    FOLDER_OF_TYPE,
    MODEL_TYPES,
    ModelRecord,
    SyncResult,
    default_display_name,
    model_id,
)
from comfyui_service.library_repository import ModelRepository
from comfyui_service.probe import hash_from_metadata
from comfyui_service.prober import ProbeError, Target
from comfyui_service.repository import ServerRepository

log = logging.getLogger(__name__)

HASH_LOOKUPS_AT_ONCE = 8


class MetadataReader(Protocol):
    """What reconcile needs of a prober: GET /view_metadata/<folder>?filename=<name>."""

    async def view_metadata(self, target: Target, folder: str, filename: str) -> Any: ...


@dataclass(frozen=True)
class _Hash:
    value: str | None
    asked: bool  # False when the server could not be asked (try again at the next refresh)


class LibrarySync:
    def __init__(self, models: ModelRepository, servers: ServerRepository,
                 target_for: Callable[[Server], Awaitable[Target]], metadata: MetadataReader, clock: Clock,
                 hash_budget_s: float = 30.0):
        self._models = models
        self._hash_budget_s = hash_budget_s
        self._servers = servers
        self._target_for = target_for
        self._metadata = metadata
        self._clock = clock
        self._locks: dict[str, asyncio.Lock] = {}
        self._totals: dict[str, SyncResult] = {}
        self._runs: dict[str, int] = {}

    def totals(self, server_id: str) -> SyncResult:
        """Running sums of every reconcile of a server in this process; `total` is the last catalog's size.
        A caller that wants what one refresh changed subtracts the sums it saw before."""
        return self._totals.get(server_id, SyncResult())

    def runs(self, server_id: str) -> int:
        """How many reconciles of the server completed in this process."""
        return self._runs.get(server_id, 0)

    async def reconcile(self, server_id: str, catalog: Catalog) -> SyncResult:
        async with self._locks.setdefault(server_id, asyncio.Lock()):
            server = await self._servers.get(server_id)
            if server is None:
                return SyncResult()  # deleted meanwhile: server_removed has the last word
            result = await self._reconcile(server, catalog)
        before = self.totals(server_id)
        self._totals[server_id] = SyncResult(before.added + result.added, before.updated + result.updated,
                                             before.deactivated + result.deactivated, result.total)
        self._runs[server_id] = self.runs(server_id) + 1
        return result

    async def _reconcile(self, server: Server, catalog: Catalog) -> SyncResult:
        listed = {model_id(server.id, FOLDER_OF_TYPE[t], name): (t, name)
                  for kind, t in MODEL_TYPES.items() for name in getattr(catalog, kind)}
        known = {record.id: (record, asked) for record, asked in await self._models.find_for_sync(server.id)}
        to_ask = [listed[i] for i in listed if i not in known or not known[i][1]]
        hashes = await self._hashes(server, to_ask)
        now = self._clock()
        added = updated = deactivated = 0
        for record_id, (model_type, name) in listed.items():
            found = hashes.get(record_id, _Hash(None, False))
            if record_id not in known:
                record = ModelRecord(
                    id=record_id, server_id=server.id, server_name=server.name, type=model_type, name=name,
                    display_name=default_display_name(name), hash=found.value, present=True, enabled=True,
                    civitai_info=None, metadata={}, created_at=now, updated_at=now, last_synced_at=now)
                added += int(await self._models.insert(record, hash_checked=found.asked))
                continue
            record, _ = known[record_id]
            changes: dict[str, Any] = {"last_synced_at": now, "server_name": server.name}
            if found.asked:
                changes.update(hash_checked=True, hash=found.value)
            if not record.present or (found.asked and found.value != record.hash):
                changes.update(present=True, updated_at=now)
                updated += 1
            await self._models.update(record_id, changes)
        for record_id, (record, _) in known.items():
            if record_id not in listed and record.present:
                await self._models.update(record_id, {"present": False, "updated_at": now})
                deactivated += 1
        if added or updated or deactivated:
            log.info("model library synced: %d added, %d updated, %d deactivated", added, updated, deactivated,
                     extra={"server_id": server.id})
        return SyncResult(added, updated, deactivated, len(listed))

    async def _hashes(self, server: Server, files: list[tuple[str, str]]) -> Mapping[str, _Hash]:
        """Hashes of the listed files (type, name) by record id; only standard servers have /view_metadata."""
        if server.server_type != "standard" or not files:
            return {}
        try:
            target = await self._target_for(server)
        except ProbeError:
            return {}
        slots = asyncio.Semaphore(HASH_LOOKUPS_AT_ONCE)

        async def one(model_type: str, name: str) -> tuple[str, _Hash]:
            folder = FOLDER_OF_TYPE[model_type]
            record_id = model_id(server.id, folder, name)
            if not name.lower().endswith(".safetensors"):
                return record_id, _Hash(None, True)  # ComfyUI reads headers of safetensors files only
            async with slots:
                try:
                    body = await self._metadata.view_metadata(target, folder, name)
                except ProbeError:
                    return record_id, _Hash(None, False)
            return record_id, _Hash(hash_from_metadata(body), True)

        # Bounded in total: a refresh holds the server's probe lock. Files left unasked are asked next time.
        tasks = [asyncio.create_task(one(t, n)) for t, n in files]
        done, pending = await asyncio.wait(tasks, timeout=self._hash_budget_s)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        return dict(task.result() for task in done)

    async def server_removed(self, server_id: str) -> None:
        """The server is gone (or now names another machine): its files are no longer offered."""
        async with self._locks.setdefault(server_id, asyncio.Lock()):
            now = self._clock()
            for record, _ in await self._models.find_for_sync(server_id):
                if record.present:
                    # hash_checked False: a re-addressed server may hold other files under the same names
                    await self._models.update(record.id, {"present": False, "hash_checked": False, "updated_at": now})
