"""Job rules: plain async Python, no grpc."""

from __future__ import annotations

from collections.abc import Mapping

from storyboard_common.pagination import next_page_token, resolve_page
from storyboard_common.store import Doc

from generation_service.repository import JobRepository

DEFAULT_PAGE_SIZE = 500


class JobService:
    def __init__(self, jobs: JobRepository):
        self._jobs = jobs

    async def list(self, filters: Mapping[str, str | list[str]], requested_size: int, page_token: str,
                   offset: int) -> tuple[list[Doc], str, int]:
        where = {k: v for k, v in filters.items() if v}
        query = {"list": "jobs", **where}
        size, start = resolve_page(requested_size, page_token, offset, query, default=DEFAULT_PAGE_SIZE)
        docs, total = await self._jobs.page(where, size, start)
        return docs, next_page_token(start, len(docs), total, query), total
