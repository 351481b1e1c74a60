"""Job rules: plain async Python, no grpc."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from storyboard_common.errors import FailedPreconditionError, InvalidArgumentError
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.store import Doc
from storyboard_common.timestamps import Clock

from generation_service import domain
from generation_service.repository import JobRepository

DEFAULT_PAGE_SIZE = 500
CAS_ATTEMPTS = 5


class JobService:
    def __init__(self, jobs: JobRepository, clock: Clock):
        self._jobs = jobs
        self._clock = clock

    async def list(self, filters: Mapping[str, str | list[str]], requested_size: int, page_token: str,
                   offset: int) -> Page[Doc]:
        where = {k: v for k, v in filters.items() if v}
        return await fetch_page({"list": "jobs", **where}, requested_size, page_token, offset,
                                partial(self._jobs.page, where), default=DEFAULT_PAGE_SIZE)

    async def cancel_for(self, scope: str, value: str) -> int:
        """Cancels every non-terminal job of a deleted project, scene or clip; idempotent."""
        if scope not in ("project_id", "scene_id", "clip_id") or not value:
            raise InvalidArgumentError("one of project_id, scene_id or clip_id is required")
        cancelled = 0
        for job in await self._jobs.all_matching({scope: value, "state": [domain.QUEUED, *domain.IN_FLIGHT]}):
            cancelled += await self._apply(job, lambda state: domain.cancel_changes(state, self._clock()))
        return cancelled

    async def release_server(self, server_id: str) -> int:
        """Before a registry server is deleted: refuse while it runs jobs, else fail its pinned queued jobs."""
        if await self._jobs.all_matching({"server_id": server_id, "state": list(domain.IN_FLIGHT)}):
            raise FailedPreconditionError("Server has jobs processing; cancel them first",
                                          metadata={"server_id": server_id})
        failed = 0
        for job in await self._jobs.all_matching({"server_id": server_id, "state": domain.QUEUED}):
            now = self._clock()
            failed += await self._apply(job, lambda state, now=now: {
                "state": domain.FAILED, "error_code": "SERVER_DELETED", "error": "The server was deleted",
                "completed_at": now, "updated_at": now} if state == domain.QUEUED else None)
        return failed

    async def _apply(self, job: Doc, changes_for) -> int:  # type: ignore[no-untyped-def]
        """Applies a state-dependent change by compare-and-set, re-reading on a lost race; 1 if applied."""
        for _ in range(CAS_ATTEMPTS):
            changes = changes_for(job["state"])
            if changes is None:
                return 0
            if await self._jobs.transition(job, changes) is not None:
                return 1
            fresh = await self._jobs.get(job["id"])
            if fresh is None:
                return 0
            job = fresh
        return 0
