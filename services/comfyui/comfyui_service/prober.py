"""Probes one server over HTTP: status (/system_stats, /queue; RunPod /health) and catalog
(/object_info, /models).

Every call has a timeout and a size cap, carries the server's key as a bearer token, and goes through the
guarded client (guarded_http.py). Failures become short English reasons, never raw exception text.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from comfyui_service.domain import MODEL_FOLDERS, Catalog, ServerStatus
from comfyui_service.guarded_http import is_policy_refusal
from comfyui_service.probe import (
    build_catalog,
    parse_folder_listing,
    parse_object_info,
    parse_queue_remaining,
    parse_runpod_queue,
    parse_system_stats,
    runpod_catalog,
)

log = logging.getLogger(__name__)

SMALL_BODY_BYTES = 1 << 20
OBJECT_INFO_BYTES = 64 << 20  # a stock /object_info is about 1 MB; custom nodes grow it


@dataclass(frozen=True)
class Target:
    """Where and how to reach one server. `api_key` is plaintext: never log this object."""

    server_id: str
    url: str
    server_type: str
    endpoint_id: str | None
    api_key: str | None

    def __repr__(self) -> str:
        return f"Target(server_id={self.server_id!r}, url={self.url!r})"


class ProbeError(Exception):
    """A failed call, with a reason fit for status_error."""


def _reason(exc: Exception, timeout_s: float) -> str:
    if is_policy_refusal(exc):
        return "Address refused by the URL policy"
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return f"No answer within {timeout_s:g} s"
    if isinstance(exc, httpx.ConnectError):
        return "Connection refused or host unreachable"
    return "Connection failed"


class Prober:
    def __init__(self, http: httpx.AsyncClient, *, timeout_s: float, catalog_timeout_s: float,
                 runpod_api_base: str, runpod_catalogs: Mapping[str, Mapping[str, list[str]]]):
        self._http = http
        self._timeout_s = timeout_s
        self._catalog_timeout_s = catalog_timeout_s
        self._runpod_base = runpod_api_base.rstrip("/")
        self._runpod_catalogs = runpod_catalogs

    async def _get_json(self, target: Target, url: str, timeout_s: float, max_bytes: int) -> tuple[int, Any]:
        """(status, parsed body or None). Raises ProbeError when the server cannot be reached in time."""
        headers = {"Authorization": f"Bearer {target.api_key}"} if target.api_key else {}
        try:
            async with asyncio.timeout(timeout_s):
                async with self._http.stream("GET", url, headers=headers, timeout=timeout_s) as response:
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise ProbeError(f"Answer larger than {max_bytes // (1 << 20)} MB")
        except (httpx.HTTPError, TimeoutError, OSError) as exc:
            raise ProbeError(_reason(exc, timeout_s)) from None
        if response.status_code != 200:
            return response.status_code, None
        try:
            return 200, json.loads(body)
        except ValueError:
            raise ProbeError("Invalid answer (not JSON)") from None

    async def status(self, target: Target, now: float) -> ServerStatus:
        try:
            if target.server_type == "runpod":
                return await self._runpod_status(target, now)
            return await self._standard_status(target, now)
        except ProbeError as exc:
            return ServerStatus(is_online=False, checked_at=now, error=str(exc))

    async def _standard_status(self, target: Target, now: float) -> ServerStatus:
        started = time.perf_counter()
        code, stats = await self._get_json(target, f"{target.url}/system_stats", self._timeout_s,
                                           SMALL_BODY_BYTES)
        latency_ms = round((time.perf_counter() - started) * 1000, 2)
        if code != 200:
            return ServerStatus(is_online=False, checked_at=now, error=_http_reason(code))
        try:
            queue_code, queue = await self._get_json(target, f"{target.url}/queue", self._timeout_s,
                                                     OBJECT_INFO_BYTES)
        except ProbeError:
            queue_code, queue = 0, None  # the server is up; the queue depth is merely unknown
        return ServerStatus(is_online=True, checked_at=now, latency_ms=latency_ms,
                            queue_remaining=parse_queue_remaining(queue) if queue_code == 200 else None,
                            system=parse_system_stats(stats))

    async def _runpod_status(self, target: Target, now: float) -> ServerStatus:
        if not target.endpoint_id:
            return ServerStatus(is_online=False, checked_at=now, error="No RunPod endpoint id")
        started = time.perf_counter()
        url = f"{self._runpod_base}/{target.endpoint_id}/health"
        code, health = await self._get_json(target, url, self._timeout_s, SMALL_BODY_BYTES)
        latency_ms = round((time.perf_counter() - started) * 1000, 2)
        if code != 200:
            return ServerStatus(is_online=False, checked_at=now, error=_http_reason(code))
        return ServerStatus(is_online=True, checked_at=now, latency_ms=latency_ms,
                            queue_remaining=parse_runpod_queue(health))

    async def catalog(self, target: Target, now: float) -> Catalog:
        """Raises ProbeError when /object_info cannot be read; a missing /models/<folder> is tolerated."""
        if target.server_type == "runpod":
            return runpod_catalog(self._runpod_catalogs, target.endpoint_id, now)
        code, info = await self._get_json(target, f"{target.url}/object_info", self._catalog_timeout_s,
                                          OBJECT_INFO_BYTES)
        if code != 200:
            raise ProbeError(f"/object_info answered {_http_reason(code)}")
        kinds = list(MODEL_FOLDERS)
        listings = await asyncio.gather(*(self._folder(target, MODEL_FOLDERS[k]) for k in kinds))
        return build_catalog(parse_object_info(info), dict(zip(kinds, listings, strict=True)), now)

    async def _folder(self, target: Target, folder: str) -> list[str] | None:
        try:
            code, body = await self._get_json(target, f"{target.url}/models/{folder}",
                                              self._catalog_timeout_s, SMALL_BODY_BYTES * 8)
        except ProbeError:
            return None
        return parse_folder_listing(body) if code == 200 else None

    async def view_metadata(self, target: Target, folder: str, filename: str) -> Any:
        """GET /view_metadata/<folder>?filename=: a safetensors header's metadata, or None when the server has
        none to show (any answer but 200). Raises ProbeError when the server cannot be reached."""
        url = httpx.URL(f"{target.url}/view_metadata/{folder}", params={"filename": filename})
        code, body = await self._get_json(target, str(url), self._timeout_s, SMALL_BODY_BYTES)
        return body if code == 200 else None


def _http_reason(code: int) -> str:
    if code in (401, 403):
        return f"HTTP {code}: the API key was refused"
    return f"HTTP {code}"
