"""FakeCivitai: the shapes of CivitAI's public REST API v1 for what the model library uses.

- GET /api/v1/model-versions/by-hash/{hash}: a version with `modelId`, `model {name, type}`, `files[].hashes`,
  `images[].url`, `trainedWords`, `baseModel`; 404 `{"error": ...}` for an unknown hash (any file hash kind).
- GET /api/v1/models?query=&limit=&types=: `{"items": [model], "metadata": {...}}`; a model carries `stats` and
  `modelVersions` (newest first). The query matches a model name or file name, case-insensitively, ignoring
  spaces, `_` and `-` (a rough stand-in for CivitAI's full-text search).
- GET /api/v1/models/{id}: one model; 404 `{"error": ...}`.

Controls: `add_model(...)`, `fail_with(status)` (every answer), `hang()` (answers never come), `clear_faults()`,
`await go_offline()` / `await go_online()` (connections refused). Every request is recorded in `requests`.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.comfyui.listener import Listener


@dataclass
class FakeFile:
    name: str
    sha256: str


@dataclass
class FakeVersion:
    id: int
    name: str
    base_model: str = "SDXL 1.0"
    trained_words: list[str] = field(default_factory=list)
    files: list[FakeFile] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


@dataclass
class FakeModel:
    id: int
    name: str
    type: str = "Checkpoint"
    download_count: int = 0
    versions: list[FakeVersion] = field(default_factory=list)


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    query: str
    headers: dict[str, str]


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", text.lower())


def _file(f: FakeFile) -> dict[str, Any]:
    return {"id": abs(hash(f.name)) % 10**7, "name": f.name, "type": "Model", "sizeKB": 1024.5,
            "metadata": {"format": "SafeTensor", "size": "pruned", "fp": "fp16"},
            "hashes": {"AutoV2": f.sha256[:10].upper(), "SHA256": f.sha256.upper()}, "primary": True,
            "downloadUrl": f"https://civitai.example/api/download/models/{f.name}"}


def _version(v: FakeVersion, model: FakeModel, standalone: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": v.id, "modelId": model.id, "name": v.name, "baseModel": v.base_model, "trainedWords": v.trained_words,
        "createdAt": "2025-01-02T03:04:05.000Z", "stats": {"downloadCount": model.download_count},
        "files": [_file(f) for f in v.files],
        "images": [{"url": url, "nsfwLevel": 1, "width": 512, "height": 768} for url in v.images],
    }
    if standalone:
        body["model"] = {"name": model.name, "type": model.type, "nsfw": False, "poi": False}
    return body


def _model(m: FakeModel) -> dict[str, Any]:
    return {"id": m.id, "name": m.name, "description": "", "type": m.type, "nsfw": False,
            "stats": {"downloadCount": m.download_count, "thumbsUpCount": 3},
            "creator": {"username": "someone"}, "tags": [],
            "modelVersions": [_version(v, m, standalone=False) for v in m.versions]}


class FakeCivitai:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.models: dict[int, FakeModel] = {}
        self.requests: list[RecordedRequest] = []
        self._status: int | None = None
        self._hang = asyncio.Event()
        self._listener = Listener(self._app(), host, port)

    @property
    def url(self) -> str:
        return f"http://{self._listener.host}:{self._listener.port}"

    async def __aenter__(self) -> FakeCivitai:
        await self._listener.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self._hang.set()
        await self._listener.stop()

    # --- controls ---

    def add_model(self, model: FakeModel) -> FakeModel:
        self.models[model.id] = model
        return model

    def fail_with(self, status: int) -> None:
        self._status = status

    def hang(self) -> None:
        self._hang.clear()
        self._status = -1

    def clear_faults(self) -> None:
        self._status = None
        self._hang.set()

    async def go_offline(self) -> None:
        await self._listener.stop()

    async def go_online(self) -> None:
        await self._listener.start()

    # --- routes ---

    def _app(self) -> Starlette:
        async def by_hash(request: Request) -> Response:
            wanted = request.path_params["hash"].upper()
            for model in self.models.values():
                for version in model.versions:
                    if any(wanted in (f.sha256.upper(), f.sha256[:10].upper()) for f in version.files):
                        return JSONResponse(_version(version, model, standalone=True))
            return JSONResponse({"error": "Model not found"}, status_code=404)

        async def search(request: Request) -> Response:
            query = _squash(request.query_params.get("query", ""))
            types = set(request.query_params.getlist("types"))
            limit = int(request.query_params.get("limit", "100"))
            hits = [m for m in self.models.values()
                    if (not types or m.type in types)
                    and (query in _squash(m.name)
                         or any(query in _squash(f.name) for v in m.versions for f in v.files))]
            return JSONResponse({"items": [_model(m) for m in hits[:limit]],
                                 "metadata": {"pageSize": limit}})

        async def one_model(request: Request) -> Response:
            model = self.models.get(int(request.path_params["model_id"]))
            if model is None:
                return JSONResponse({"error": f"No model with id {request.path_params['model_id']}"}, 404)
            return JSONResponse(_model(model))

        inner = Starlette(routes=[Route("/api/v1/model-versions/by-hash/{hash}", by_hash),
                                  Route("/api/v1/models", search),
                                  Route("/api/v1/models/{model_id:int}", one_model)])

        async def app(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                request = Request(scope)
                self.requests.append(RecordedRequest(request.url.path, request.url.query, dict(request.headers)))
                if self._status == -1:
                    await self._hang.wait()
                    return
                if self._status is not None:
                    await JSONResponse({"error": "fault"}, status_code=self._status)(scope, receive, send)
                    return
            await inner(scope, receive, send)

        return app  # type: ignore[return-value]
