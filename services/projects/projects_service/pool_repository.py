"""Persistence of generation pool items: collection `pool_items`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from storyboard_common.store import DESC, Doc, Store

from projects_service.pool import PoolItem
from projects_service.repository import from_doc

NEWEST_FIRST = [("created_at", DESC)]


def _item(doc: Doc) -> PoolItem:
    return from_doc(PoolItem, doc)


def _where(project_id: str, content_type: str | None) -> dict[str, Any]:
    return {"project_id": project_id, **({"content_type": content_type} if content_type else {})}


class PoolRepository:
    def __init__(self, store: Store):
        self._items = store.collection("pool_items")

    async def ensure_indexes(self) -> None:
        await self._items.ensure_index(["project_id", "created_at"])
        await self._items.ensure_index(["project_id", "content_type", "created_at"])

    async def add(self, item: PoolItem) -> None:
        await self._items.insert(asdict(item))

    async def get(self, item_id: str) -> PoolItem | None:
        doc = await self._items.get(item_id)
        return _item(doc) if doc else None

    async def page(self, project_id: str, content_type: str | None, limit: int,
                   offset: int) -> tuple[list[PoolItem], int]:
        where = _where(project_id, content_type)
        docs = await self._items.find(where, order_by=NEWEST_FIRST, limit=limit, offset=offset)
        return [_item(d) for d in docs], await self._items.count(where)

    async def all_newest_first(self, project_id: str, content_type: str | None) -> list[PoolItem]:
        docs = await self._items.find(_where(project_id, content_type), order_by=NEWEST_FIRST, limit=None)
        return [_item(d) for d in docs]

    async def update(self, item_id: str, changes: Mapping[str, Any]) -> PoolItem | None:
        doc = await self._items.update(item_id, changes)
        return _item(doc) if doc else None

    async def delete(self, item_id: str) -> bool:
        return await self._items.delete(item_id)

    async def delete_for_project(self, project_id: str) -> list[PoolItem]:
        """Removes every pool item of a project (the project delete cascade); returns what was removed."""
        where = {"project_id": project_id}
        removed = [_item(d) for d in await self._items.find(where, limit=None)]
        await self._items.delete_many(where)
        return removed
