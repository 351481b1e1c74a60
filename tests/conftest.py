"""Shared fixtures: services in-process on port 0 over a temporary SQLite store, and the real gateway app."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from storyboard_common.rpc.channels import open_channel
from storyboard_common.rpc.server import GrpcServer

SERVICE_NAMES = ("projects", "comfyui", "generation", "media")


@dataclass
class RunningService:
    name: str
    port: int
    deps: Any
    server: GrpcServer

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"


@contextlib.asynccontextmanager
async def run_service(name: str, data_dir: Path, **overrides: Any) -> AsyncIterator[RunningService]:
    """Starts one service (bootstrap + server) in this event loop, on a free port and a temporary store."""
    server_module = importlib.import_module(f"{name}_service.server")
    bootstrap = importlib.import_module(f"{name}_service.bootstrap")
    config = importlib.import_module(f"{name}_service.config")
    settings = config.Settings(grpc_host="127.0.0.1", grpc_port=0, data_dir=data_dir,
                               store_uri=f"sqlite:///{data_dir / (name + '.sqlite3')}", **overrides)
    deps = await bootstrap.build_deps(settings)
    server = server_module.build_server(settings, deps)
    await server.start()
    try:
        yield RunningService(name, server.port, deps, server)
    finally:
        await server.stop(None)
        await deps.aclose()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@contextlib.asynccontextmanager
async def channel_to(address: str, timeout: float = 5.0) -> AsyncIterator[grpc.aio.Channel]:
    channel = open_channel(address, timeout)
    try:
        yield channel
    finally:
        await channel.close()


async def rpc_error(call: Awaitable[Any]) -> grpc.aio.AioRpcError:
    """The error an awaited gRPC call fails with (the test fails if the call succeeds)."""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    return caught.value


@dataclass
class Stack:
    services: dict[str, RunningService]


@pytest.fixture
def service_overrides() -> dict[str, dict[str, Any]]:
    """Extra settings per service for `stack`; a test module overrides this fixture to change them."""
    return {}


@pytest.fixture
async def stack(data_dir: Path, service_overrides: dict[str, dict[str, Any]]) -> AsyncIterator[Stack]:
    """All four services in-process, each on its own temporary SQLite file."""
    async with contextlib.AsyncExitStack() as exits:
        services = {}
        for name in SERVICE_NAMES:
            # projects starts first; media records music on it
            overrides = {"projects_addr": services["projects"].address} if name == "media" else {}
            overrides.update(service_overrides.get(name, {}))
            services[name] = await exits.enter_async_context(run_service(name, data_dir, **overrides))
        yield Stack(services)


def gateway_settings(stack: Stack, **overrides: Any) -> Any:
    from api_gateway.config import Settings

    addrs = {f"{n}_addr": s.address for n, s in stack.services.items()}
    return Settings(**{**addrs, **overrides})


@contextlib.asynccontextmanager
async def gateway_client(stack: Stack, **overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
    """The real gateway app over httpx; its backends are the in-process services."""
    from api_gateway.backends import open_backends
    from api_gateway.main import create_app

    settings = gateway_settings(stack, **overrides)
    backends = open_backends(settings)
    app = create_app(settings, backends=backends)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
            yield c
    finally:
        await backends.aclose()


@pytest.fixture
async def client(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    async with gateway_client(stack) as c:
        yield c


@pytest.fixture(params=["/api/v1", "/api"], ids=["v1", "legacy"])
def mount(request: pytest.FixtureRequest) -> str:
    """A gateway test that takes `mount` runs against both REST surfaces."""
    return request.param
