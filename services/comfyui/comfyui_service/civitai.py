"""A small CivitAI REST client: versions by hash, model search, a model by id. Answers are cached for a while.

Every failure to get an answer (disabled, unreachable, slow, refused, rate limited, garbled) is an
UnavailableError with metadata service "civitai", so the REST answer is a clear 503 and nothing else is touched.
The API key travels only in the Authorization header and is never logged.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from storyboard_common.errors import UnavailableError

MAX_BODY_BYTES = 16 << 20
NOT_FOUND = object()  # cached "CivitAI has no such thing"


@dataclass(frozen=True)
class CivitaiVersion:
    model_id: int
    version_id: int
    model_name: str
    version_name: str
    model_type: str
    base_model: str
    trained_words: tuple[str, ...]
    thumbnail_url: str | None
    file_names: tuple[str, ...]


@dataclass(frozen=True)
class CivitaiModel:
    id: int
    name: str
    type: str
    download_count: int
    versions: tuple[CivitaiVersion, ...]  # newest first, as CivitAI lists them


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def parse_version(body: Any, model: Mapping[str, Any] | None = None) -> CivitaiVersion | None:
    """A model version, alone (it names its model in `modelId` and `model`) or inside a model (`model`)."""
    version = _map(body)
    parent = _map(model)
    model_id = _int(parent.get("id")) or _int(version.get("modelId"))
    version_id = _int(version.get("id"))
    if model_id is None or version_id is None:
        return None
    names = _map(version.get("model"))
    images = [i for i in _list(version.get("images")) if isinstance(i, Mapping) and _str(i.get("url"))]
    return CivitaiVersion(
        model_id=model_id, version_id=version_id, model_name=_str(parent.get("name")) or _str(names.get("name")),
        version_name=_str(version.get("name")), model_type=_str(parent.get("type")) or _str(names.get("type")),
        base_model=_str(version.get("baseModel")),
        trained_words=tuple(w for w in _list(version.get("trainedWords")) if isinstance(w, str)),
        thumbnail_url=_str(images[0].get("url")) if images else None,
        file_names=tuple(_str(f.get("name")) for f in _list(version.get("files")) if isinstance(f, Mapping)))


def parse_model(body: Any) -> CivitaiModel | None:
    model = _map(body)
    model_id = _int(model.get("id"))
    if model_id is None:
        return None
    versions = [parse_version(v, model) for v in _list(model.get("modelVersions"))]
    return CivitaiModel(id=model_id, name=_str(model.get("name")), type=_str(model.get("type")),
                        download_count=_int(_map(model.get("stats")).get("downloadCount")) or 0,
                        versions=tuple(v for v in versions if v is not None))


def unavailable(message: str) -> UnavailableError:
    return UnavailableError(message, metadata={"service": "civitai"})


class TtlCache:
    """At most `size` answers, each kept `ttl_s` seconds; the oldest goes first when full."""

    def __init__(self, ttl_s: float, size: int, clock: Callable[[], float] = time.monotonic):
        self._ttl_s, self._size, self._clock = ttl_s, size, clock
        self._items: OrderedDict[str, tuple[float, Any]] = OrderedDict()

    def get(self, key: str) -> Any:
        hit = self._items.get(key)
        if hit is None or hit[0] <= self._clock():
            self._items.pop(key, None)
            return None
        return hit[1]

    def put(self, key: str, value: Any) -> None:
        self._items[key] = (self._clock() + self._ttl_s, value)
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


class CivitaiClient:
    def __init__(self, http: httpx.AsyncClient, base_url: str, api_key: str | None, *, enabled: bool,
                 timeout_s: float, cache: TtlCache):
        self._http = http
        self._base = base_url.rstrip("/")
        self._api_key = api_key
        self._enabled = enabled
        self._timeout_s = timeout_s
        self._cache = cache

    def __repr__(self) -> str:
        return f"CivitaiClient(base_url={self._base!r}, enabled={self._enabled})"

    def page_url(self, model_id: int, version_id: int | None) -> str:
        suffix = f"?modelVersionId={version_id}" if version_id is not None else ""
        return f"{self._base}/models/{model_id}{suffix}"

    async def version_by_hash(self, sha256: str) -> CivitaiVersion | None:
        return parse_version(await self._get(f"/api/v1/model-versions/by-hash/{sha256}"))

    async def model(self, model_id: int) -> CivitaiModel | None:
        return parse_model(await self._get(f"/api/v1/models/{model_id}"))

    async def search(self, query: str, limit: int, types: tuple[str, ...] = ()) -> list[CivitaiModel]:
        params: list[tuple[str, str | int]] = [("query", query), ("limit", limit), *(("types", t) for t in types)]
        body = await self._get("/api/v1/models", params)
        models = [parse_model(item) for item in _list(_map(body).get("items"))]
        return [m for m in models if m is not None]

    async def _get(self, path: str, params: list[tuple[str, str | int]] | None = None) -> Any:
        """The parsed answer, or None for a 404 (both cached)."""
        if not self._enabled:
            raise unavailable("CivitAI lookups are disabled (COMFYUI_CIVITAI_ENABLED=false)")
        url = httpx.URL(self._base + path, params=params or [])
        cached = self._cache.get(str(url))
        if cached is not None:
            return None if cached is NOT_FOUND else cached
        status, body = await self._fetch(url)
        if status == 404:
            self._cache.put(str(url), NOT_FOUND)
            return None
        if status in (401, 403):
            raise unavailable("CivitAI refused the request (check COMFYUI_CIVITAI_API_KEY)")
        if status == 429:
            raise unavailable("CivitAI is rate limiting requests; try again later")
        if status != 200:
            raise unavailable(f"CivitAI answered HTTP {status}")
        try:
            parsed = json.loads(body)
        except ValueError:
            raise unavailable("CivitAI sent an invalid answer") from None
        self._cache.put(str(url), parsed)
        return parsed

    async def _fetch(self, url: httpx.URL) -> tuple[int, bytes]:
        headers = {"Accept": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        try:
            async with asyncio.timeout(self._timeout_s):  # the whole answer, not each read
                async with self._http.stream("GET", url, headers=headers, timeout=self._timeout_s) as response:
                    body = bytearray()
                    if response.status_code == 200:
                        async for chunk in response.aiter_bytes():
                            body += chunk
                            if len(body) > MAX_BODY_BYTES:
                                raise unavailable("CivitAI sent an answer that is too large")
                    return response.status_code, bytes(body)
        except (httpx.TimeoutException, TimeoutError):
            raise unavailable(f"CivitAI did not answer within {self._timeout_s:g} s") from None
        except (httpx.HTTPError, OSError):
            raise unavailable("CivitAI is unreachable") from None
