"""The catalog store the monitor and the registry write to. Each write or delete also updates the model library,
so the library follows every catalog refresh without the monitor knowing it exists."""

from __future__ import annotations

import logging

from storyboard_common.store import Store

from comfyui_service.domain import Catalog
from comfyui_service.library_sync import LibrarySync
from comfyui_service.repository import CatalogRepository

log = logging.getLogger(__name__)


class LibraryFeedingCatalogs(CatalogRepository):
    def __init__(self, store: Store, library: LibrarySync):
        super().__init__(store)
        self._library = library

    async def put(self, server_id: str, catalog: Catalog) -> None:
        await super().put(server_id, catalog)
        try:
            await self._library.reconcile(server_id, catalog)
        except Exception:  # noqa: BLE001 - the catalog is stored; the library catches up at the next refresh
            log.exception("cannot update the model library", extra={"server_id": server_id})

    async def delete(self, server_id: str) -> None:
        await super().delete(server_id)
        try:
            await self._library.server_removed(server_id)
        except Exception:  # noqa: BLE001 - as above
            log.exception("cannot mark the server's models inactive", extra={"server_id": server_id})
