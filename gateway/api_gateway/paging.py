"""limit/offset query parameters, and the headers of bare-array lists (contract 0.6)."""

from __future__ import annotations

from typing import Annotated

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
