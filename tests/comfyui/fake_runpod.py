"""A minimal fake of RunPod's serverless API: only GET /v2/{endpoint_id}/health (protocol section 10).

A bad key gives 401 and an unknown endpoint 404; the Authorization of every request is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.comfyui.listener import Listener


@dataclass
class FakeRunPod:
    api_key: str
    endpoints: set[str] = field(default_factory=set)
    in_queue: int = 0
    in_progress: int = 0
    authorizations: list[str | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        app = Starlette(routes=[Route("/v2/{endpoint_id}/health", self._health, methods=["GET"])])
        self._listener = Listener(app, "127.0.0.1", 0)

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self._listener.port}/v2"

    async def __aenter__(self) -> FakeRunPod:
        await self._listener.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._listener.stop()

    async def _health(self, request: Request) -> Response:
        authorization = request.headers.get("authorization")
        self.authorizations.append(authorization)
        if authorization != f"Bearer {self.api_key}":
            return Response(status_code=401)
        if request.path_params["endpoint_id"] not in self.endpoints:
            return Response(status_code=404)
        return JSONResponse({"jobs": {"completed": 3, "failed": 0, "inProgress": self.in_progress,
                                      "inQueue": self.in_queue, "retried": 0},
                             "workers": {"idle": 1, "running": self.in_progress}})
