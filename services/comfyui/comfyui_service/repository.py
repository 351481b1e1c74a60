"""Persistence on the document store: the only module that knows collection names and shapes."""

from __future__ import annotations

from storyboard_common.store import ASC, DESC, Doc, Store


class ServerRepository:
    def __init__(self, store: Store):
        self._items = store.collection("servers")

    async def ensure_indexes(self) -> None:
        await self._items.ensure_index(["created_at"])

    async def page(self, limit: int, offset: int) -> tuple[list[Doc], int]:
        docs = await self._items.find(order_by=[("created_at", ASC)], limit=limit, offset=offset)
        return docs, await self._items.count()
