"""Persistence on the document store: the only module that knows collection names and shapes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storyboard_common.store import DESC, Doc, Store, Where


class JobRepository:
    def __init__(self, store: Store):
        self._jobs = store.collection("jobs")

    async def ensure_indexes(self) -> None:
        await self._jobs.ensure_index(["created_at"])
        await self._jobs.ensure_index(["request_id"], unique=True)
        for field in ("project_id", "scene_id", "clip_id", "server_id", "state"):
            await self._jobs.ensure_index([field])

    async def page(self, where: Where, limit: int, offset: int) -> tuple[list[Doc], int]:
        docs = await self._jobs.find(where, order_by=[("created_at", DESC)], limit=limit, offset=offset)
        return docs, await self._jobs.count(where)

    async def get(self, job_id: str) -> Doc | None:
        return await self._jobs.get(job_id)

    async def all_matching(self, where: Where) -> list[Doc]:
        return await self._jobs.find(where, limit=None)

    async def transition(self, job: Doc, changes: Mapping[str, Any]) -> Doc | None:
        """Compare-and-set on version: None when another writer got there first."""
        version = job.get("version", 0)
        expected = {"version": version} if version else {"version": None}  # absent until the first write
        return await self._jobs.update_if(job["id"], expected, {**changes, "version": version + 1})
