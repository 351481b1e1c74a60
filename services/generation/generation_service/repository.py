"""Persistence on the document store: the only module that knows collection names and shapes."""

from __future__ import annotations

from storyboard_common.store import DESC, Doc, Store, Where


class JobRepository:
    def __init__(self, store: Store):
        self._jobs = store.collection("jobs")

    async def ensure_indexes(self) -> None:
        await self._jobs.ensure_index(["created_at"])
        await self._jobs.ensure_index(["request_id"], unique=True)

    async def page(self, where: Where, limit: int, offset: int) -> tuple[list[Doc], int]:
        docs = await self._jobs.find(where, order_by=[("created_at", DESC)], limit=limit, offset=offset)
        return docs, await self._jobs.count(where)
