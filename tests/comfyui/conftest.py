"""The comfyui service in-process with short probe intervals, a stub to it, and fake ComfyUI servers."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1.comfyui_service_pb2_grpc import ComfyUIServiceStub

from tests.conftest import RunningService, channel_to, run_service
from tests.fakes.comfyui import FakeComfyUI

# Tiny intervals so state changes show quickly; tests still wait on conditions, never on fixed sleeps.
FAST_PROBES = {"health_interval_s": 0.05, "health_max_backoff_s": 0.2, "probe_timeout_s": 2.0}
CONDITION_TIMEOUT_S = 10.0


@pytest.fixture
async def comfyui(data_dir: Path) -> AsyncIterator[RunningService]:
    async with run_service("comfyui", data_dir, **FAST_PROBES) as service:
        yield service


@pytest.fixture
async def stub(comfyui: RunningService) -> AsyncIterator[ComfyUIServiceStub]:
    async with channel_to(comfyui.address) as channel:
        yield ComfyUIServiceStub(channel)


@pytest.fixture
async def fake() -> AsyncIterator[FakeComfyUI]:
    async with FakeComfyUI() as server:
        yield server


async def register(stub: ComfyUIServiceStub, url: str, name: str = "gpu-1", **fields: Any) -> api.Server:
    api_key = fields.pop("api_key", None)
    server = api.Server(name=name, url=url, is_active=fields.pop("is_active", True), **fields)
    return (await stub.CreateServer(api.CreateServerRequest(server=server, api_key=api_key))).server


async def wait_for_status(service: RunningService, server_id: str, online: bool) -> None:
    """Until the background monitor has seen the server online (or offline)."""
    monitor = service.deps.monitor

    def reached() -> bool:
        status = monitor.status(server_id)
        return status is not None and status.is_online == online

    await asyncio.wait_for(monitor.wait_until(reached), CONDITION_TIMEOUT_S)


async def register_online(service: RunningService, stub: ComfyUIServiceStub, url: str) -> api.Server:
    """Registers the server at `url` and waits until the background monitor has seen it online."""
    server = await register(stub, url)
    await wait_for_status(service, server.id, online=True)
    return server


@contextlib.asynccontextmanager
async def service_with_online_server(
        data_dir: Path, url: str,
        **settings: Any) -> AsyncIterator[tuple[RunningService, ComfyUIServiceStub, api.Server]]:
    """The comfyui service with `settings`, a stub to it, and the server at `url` registered and online."""
    async with run_service("comfyui", data_dir, **settings) as service:
        async with channel_to(service.address) as channel:
            stub = ComfyUIServiceStub(channel)
            yield service, stub, await register_online(service, stub, url)
