"""Response shapes of ComfyUI's aiohttp server: JSON with charset, empty bodies, and its plain-text 500."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

log = logging.getLogger(__name__)

TROUBLE_BODY = "500 Internal Server Error\n\nServer got itself in trouble"


def json_response(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data), status_code=status, media_type="application/json; charset=utf-8")


def empty(status: int = 200) -> Response:
    return Response(status_code=status)


def server_trouble() -> Response:
    return PlainTextResponse(TROUBLE_BODY, status_code=500)


def trouble_on_exception(
    handler: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """An exception in a real handler (bad JSON, wrong types) reaches aiohttp, which answers a bare 500."""

    @functools.wraps(handler)
    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except Exception:  # noqa: BLE001
            log.debug("handler %s failed", handler.__name__, exc_info=True)
            return server_trouble()

    return wrapper
