"""ASGI middleware in front of the ComfyUI routes: records every request, then applies offline modes
and injected HTTP faults. Admin routes (`/_fake/...`) are never recorded nor faulted.
"""

from __future__ import annotations

import asyncio

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .core import FakeCore
from .observe import RecordedRequest

ADMIN_PREFIX = "/_fake"


def comfy_path(path: str) -> str:
    """The route path without the `/api` prefix, which every route also has."""
    if path == "/api" or path.startswith("/api/"):
        return path[4:] or "/"
    return path


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class FaultInjectionMiddleware:
    def __init__(self, app: ASGIApp, core: FakeCore) -> None:
        self.app = app
        self.core = core

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"].startswith(ADMIN_PREFIX):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            self._record(scope, b"")
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        self._record(scope, body)
        receive = _replay(body, receive)
        core = self.core
        if core.offline_mode == "503":
            await Response(status_code=503)(scope, receive, send)
            return
        if core.offline_mode == "hang":
            await core.wait_online()
        fault = core.scenario.take_http_fault(scope["method"], comfy_path(scope["path"]))
        if fault is not None:
            if fault.delay > 0:
                await asyncio.sleep(fault.delay)
            if fault.reset:
                client = scope.get("client")
                core.abort_peers([tuple(client)] if client else [])
                await asyncio.sleep(0)  # let the transport register the loss before we return
                return
            if fault.hang:
                await core.wait_hang_released()
            if fault.status is not None:
                await Response(status_code=fault.status)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _record(self, scope: Scope, body: bytes) -> None:
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        self.core.requests.append(
            RecordedRequest(
                kind=scope["type"],
                method=scope.get("method", "GET"),
                path=scope["path"],
                query=scope.get("query_string", b"").decode("latin-1"),
                headers=headers,
                body=body,
            )
        )
