"""limit/offset query parameters, and the headers of bare-array lists (contract 0.6)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Query, Request, Response

Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]
DEFAULT_LIMIT = 500


def set_list_headers(request: Request, response: Response, total: int, limit: int, offset: int) -> None:
    """X-Total-Count always; a Link to the next page while items remain."""
    response.headers["X-Total-Count"] = str(total)
    if offset + limit < total:
        url = request.url.include_query_params(limit=limit, offset=offset + limit)
        response.headers["Link"] = f'<{url}>; rel="next"'


async def every_page(fetch: Callable[[str], Awaitable[Any]], field: str) -> list[Any]:
    """Every item of a paged gRPC List: calls `fetch(page_token)` until `next_page_token` is empty, so a
    complete collection is never cut short (contract 0.6)."""
    items: list[Any] = []
    token, seen = "", set()
    while True:
        reply = await fetch(token)
        items.extend(getattr(reply, field))
        token = reply.next_page_token
        if not token or token in seen:
            return items
        seen.add(token)
