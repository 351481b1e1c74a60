"""The comfyui service's rules: plain async Python, no grpc."""

from __future__ import annotations

from storyboard_common.pagination import next_page_token, resolve_page
from storyboard_common.store import Doc

from comfyui_service.repository import ServerRepository

DEFAULT_PAGE_SIZE = 500


class RegistryService:
    def __init__(self, repository: ServerRepository):
        self._repository = repository

    async def list(self, requested_size: int, page_token: str, offset: int) -> tuple[list[Doc], str, int]:
        query = {"list": "servers"}
        size, start = resolve_page(requested_size, page_token, offset, query, default=DEFAULT_PAGE_SIZE)
        docs, total = await self._repository.page(size, start)
        return docs, next_page_token(start, len(docs), total, query), total
