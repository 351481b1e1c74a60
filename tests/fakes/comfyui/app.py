"""The ASGI app: ComfyUI's routes at `/` and again under `/api`, the admin routes, the fault middleware."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Mount, WebSocketRoute
from starlette.websockets import WebSocket

from .admin import admin_routes
from .api_files import file_routes
from .api_prompts import prompt_routes
from .api_server import server_routes
from .core import FakeCore
from .middleware import ADMIN_PREFIX, FaultInjectionMiddleware
from .ws import serve_socket


def comfy_routes(core: FakeCore) -> list[BaseRoute]:
    async def websocket_endpoint(websocket: WebSocket) -> None:
        await serve_socket(websocket, core)

    return [
        *prompt_routes(core),
        *server_routes(core),
        *file_routes(core),
        WebSocketRoute("/ws", websocket_endpoint),
    ]


def build_app(core: FakeCore, controls: Any) -> Starlette:
    """`controls` is the FakeComfyUI handle whose methods the admin route may call."""
    routes = comfy_routes(core)
    return Starlette(
        routes=[
            Mount(ADMIN_PREFIX, routes=admin_routes(core, controls)),
            Mount("/api", routes=routes),
            *routes,
        ],
        middleware=[Middleware(FaultInjectionMiddleware, core=core)],
    )
