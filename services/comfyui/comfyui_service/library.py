"""The model library's rules (REST contract 1.14): list, read, edit and delete records; sync a server now; the
models on active servers; the backends. Records are made and retired by library_sync.py. No grpc here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from storyboard_common.errors import InvalidArgumentError, NotFoundError, UnavailableError, require_found
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock
from storyboard_common.updates import no_fields_to_update

from comfyui_service.domain import Server
from comfyui_service.library_domain import (
    MAX_DISPLAY_NAME,
    ActiveModel,
    Backend,
    CivitaiInfo,
    ModelRecord,
    ServerPresence,
    SyncResult,
)
from comfyui_service.library_repository import ModelRepository, civitai_to_doc
from comfyui_service.library_sync import LibrarySync
from comfyui_service.monitor import StatusMonitor
from comfyui_service.repository import ServerRepository
from comfyui_service.service import RESOURCE_TYPE as SERVER_RESOURCE

RESOURCE_TYPE = "Model"
DEFAULT_PAGE_SIZE = 1000
UPDATABLE_FIELDS = frozenset({"display_name", "metadata", "is_active", "civitai_info"})


@dataclass(frozen=True)
class ModelFilter:
    type: str | None = None
    server_id: str | None = None
    is_active: bool | None = None
    search: str = ""

    def matches(self, record: ModelRecord) -> bool:
        if self.is_active is not None and record.is_active != self.is_active:
            return False
        return not self.search or self.search.lower() in record.name.lower()


def _by_name(record: ModelRecord) -> tuple[str, str, str, str]:
    return record.name.lower(), record.name, record.server_id, record.type


def _sync_change(before: SyncResult, after: SyncResult) -> SyncResult:
    return SyncResult(after.added - before.added, after.updated - before.updated,
                      after.deactivated - before.deactivated, after.total)


class ModelLibrary:
    def __init__(self, models: ModelRepository, servers: ServerRepository, monitor: StatusMonitor,
                 sync: LibrarySync, clock: Clock):
        self._models = models
        self._servers = servers
        self._monitor = monitor
        self._sync = sync
        self._clock = clock

    async def _server_names(self) -> dict[str, str]:
        servers, _ = await self._servers.page(None, None, 0)
        return {s.id: s.name for s in servers}

    @staticmethod
    def _named(record: ModelRecord, names: Mapping[str, str]) -> ModelRecord:
        """The registry's current server name; the last one seen when the server is gone."""
        name = names.get(record.server_id)
        return replace(record, server_name=name) if name is not None else record

    async def get(self, model_id: str) -> ModelRecord:
        record = require_found(await self._models.get(model_id), RESOURCE_TYPE, model_id)
        server = await self._servers.get(record.server_id)
        return self._named(record, {server.id: server.name} if server else {})

    async def list(self, where: ModelFilter, page_size: int, page_token: str, offset: int) -> Page[ModelRecord]:
        """By name, then server. Filtering happens here: a library holds the files of a few servers."""

        async def matching(size: int, start: int) -> tuple[list[ModelRecord], int]:
            records = [r for r in await self._models.find(where.server_id, where.type) if where.matches(r)]
            records.sort(key=_by_name)
            names = await self._server_names()
            return [self._named(r, names) for r in records[start:start + size]], len(records)

        query = {"list": "models", "type": where.type, "server_id": where.server_id, "is_active": where.is_active,
                 "search": where.search}
        return await fetch_page(query, page_size, page_token, offset, matching, default=DEFAULT_PAGE_SIZE)

    async def update(self, model_id: str, changes: Mapping[str, Any]) -> ModelRecord:
        """`changes` holds the masked fields: display_name, metadata, is_active, civitai_info (None clears)."""
        unknown = set(changes) - UPDATABLE_FIELDS
        if unknown:
            raise InvalidArgumentError(f"Unknown or read-only fields: {', '.join(sorted(unknown))}",
                                       metadata={"field": "update_mask"})
        if not changes:
            raise no_fields_to_update()
        fields: dict[str, Any] = {}
        if "display_name" in changes:
            name = changes["display_name"]
            if not name.strip() or len(name) > MAX_DISPLAY_NAME:
                raise InvalidArgumentError(f"display_name must be 1 to {MAX_DISPLAY_NAME} characters",
                                           metadata={"field": "display_name"})
            fields["display_name"] = name
        if "metadata" in changes:
            fields["metadata"] = dict(changes["metadata"] or {})
        if "is_active" in changes:
            fields["enabled"] = bool(changes["is_active"])
        if "civitai_info" in changes:
            info: CivitaiInfo | None = changes["civitai_info"]
            fields["civitai_info"] = civitai_to_doc(info)
        await self.get(model_id)
        fields["updated_at"] = self._clock()
        require_found(await self._models.update(model_id, fields), RESOURCE_TYPE, model_id)
        return await self.get(model_id)

    async def delete(self, model_id: str) -> None:
        if not await self._models.delete(model_id):
            raise NotFoundError.of(RESOURCE_TYPE, model_id)

    async def sync_server(self, server_id: str) -> SyncResult:
        """Refreshes the server's catalog now; the refresh reconciles the library (catalog_feed.py)."""
        server = require_found(await self._servers.get(server_id), SERVER_RESOURCE, server_id)
        before, runs = self._sync.totals(server_id), self._sync.runs(server_id)
        status = await self._monitor.probe(server, refresh_catalog=True)
        if not status.is_online:
            raise UnavailableError("Server is offline", metadata={"server_id": server_id})
        if self._sync.runs(server_id) == runs:
            raise UnavailableError("The server's model catalog could not be read", metadata={"server_id": server_id})
        return _sync_change(before, self._sync.totals(server_id))

    async def active_models(self, model_type: str | None, page_size: int,
                            page_token: str) -> Page[ActiveModel]:
        """Every file name (and type) present on at least one active server, with those servers."""

        async def grouped(size: int, start: int) -> tuple[list[ActiveModel], int]:
            servers = {s.id: s for s in (await self._servers.page(True, None, 0))[0]}
            groups: dict[tuple[str, str], list[ServerPresence]] = {}
            for r in await self._models.find(None, model_type):
                server = servers.get(r.server_id)
                if r.is_active and server is not None:
                    presence = ServerPresence(server.id, server.name, self._is_online(server))
                    groups.setdefault((r.name, r.type), []).append(presence)
            keys = sorted(groups, key=lambda k: (k[0].lower(), k[0], k[1]))
            page = [ActiveModel(name, t, tuple(sorted(groups[(name, t)], key=lambda p: (p.server_name, p.server_id))))
                    for name, t in keys[start:start + size]]
            return page, len(keys)

        return await fetch_page({"list": "active_models", "type": model_type}, page_size, page_token, 0, grouped,
                                default=DEFAULT_PAGE_SIZE)

    async def backends(self, page_size: int, page_token: str) -> Page[Backend]:
        async def with_counts(size: int, start: int) -> tuple[list[Backend], int]:
            servers, total = await self._servers.page(None, size, start)
            backends = []
            for s in servers:
                catalog = await self._monitor.catalog(s.id)
                backends.append(Backend(s, self._is_online(s), len(catalog.checkpoints) + len(catalog.diffusion_models),
                                        len(catalog.loras)))
            return backends, total

        return await fetch_page({"list": "backends"}, page_size, page_token, 0, with_counts,
                                default=DEFAULT_PAGE_SIZE)

    def _is_online(self, server: Server) -> bool:
        status = self._monitor.status(server.id)
        return bool(status and status.is_online)
