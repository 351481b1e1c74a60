"""Pure ASGI middleware: request ids, API version header, slash-insensitive paths, access log, typed 500s."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from storyboard_common.context import new_request_id, request_id_var, valid_request_id

from api_gateway.config import Settings
from api_gateway.errors import typed_body

log = logging.getLogger("api_gateway.access")

ALLOWED_HEADERS = ["Content-Type", "Authorization", "X-Requested-With", "X-Request-ID", "Last-Event-ID",
                   "Idempotency-Key", "Cache-Control", "Range"]
EXPOSED_HEADERS = ["X-Request-ID", "X-Total-Count", "Link", "Content-Disposition", "Content-Range",
                   "Accept-Ranges", "X-API-Version"]


MOUNT_ROOTS = ("/api", "/api/v1")


def _canonical_path(path: str) -> str:
    """Mount roots end with "/" (where their root route lives); every other path ends without one."""
    stripped = path.rstrip("/") or "/"
    return stripped + "/" if stripped in MOUNT_ROOTS else stripped


def _api_version(path: str) -> str | None:
    if path == "/api/v1" or path.startswith("/api/v1/"):
        return "v1"
    if path == "/api" or path.startswith("/api/"):
        return "legacy"
    return None


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        canonical = _canonical_path(path)
        if canonical != path:  # trailing slashes never redirect
            path = canonical
            scope = {**scope, "path": path, "raw_path": path.encode()}
        headers = dict(scope["headers"])
        rid = valid_request_id(headers.get(b"x-request-id", b"").decode("latin-1")) or new_request_id()
        token = request_id_var.set(rid)
        version = _api_version(path)
        started = time.perf_counter()
        status = {"code": 500, "sent": False}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["sent"] = message["status"], True
                extra = [(b"x-request-id", rid.encode())]
                if version:
                    extra.append((b"x-api-version", version.encode()))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:  # noqa: BLE001 - the contract's typed 500, never a traceback
            log.exception("unhandled error on %s %s", scope["method"], path)
            if not status["sent"]:
                await _send_internal_error(send_with_headers)
        finally:
            log.info("http", extra={"method": scope["method"], "path": path, "status": status["code"],
                                    "duration_ms": round((time.perf_counter() - started) * 1000, 2)})
            request_id_var.reset(token)


async def _send_internal_error(send: Any) -> None:
    body = json.dumps(typed_body(500, "INTERNAL_ERROR", "Internal server error", {})).encode()
    await send({"type": "http.response.start", "status": 500,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def install_middleware(app: FastAPI, settings: Settings) -> None:
    origins = settings.origins()
    any_origin = "*" in origins
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[] if any_origin else origins,
        allow_origin_regex=".*" if any_origin else None,  # "*" with credentials: reflect the origin
        allow_credentials=True,
        allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        max_age=600,
    )
    app.add_middleware(RequestContextMiddleware)
