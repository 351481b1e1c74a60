"""Builds and runs a service's grpc.aio server: health, reflection, interceptors, graceful shutdown."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from storyboard_common.rpc.interceptors import ServerInterceptor

log = logging.getLogger("storyboard.server")


class PortInUseError(RuntimeError):
    def __init__(self, host: str, port: int):
        super().__init__(f"cannot listen on {host}:{port}: the port is already in use (or not permitted)")
        self.port = port


class GrpcServer:
    """A bound, not yet started server; `port` is the real port (useful with port 0 in tests)."""

    def __init__(self, server: grpc.aio.Server, port: int, health_servicer: health.aio.HealthServicer,
                 service_name: str):
        self.server = server
        self.port = port
        self.health = health_servicer
        self.service_name = service_name

    async def start(self) -> None:
        await self.server.start()
        await self.health.set("", health_pb2.HealthCheckResponse.SERVING)
        await self.health.set(self.service_name, health_pb2.HealthCheckResponse.SERVING)

    async def stop(self, grace: float | None) -> None:
        await self.health.enter_graceful_shutdown()
        await self.server.stop(grace)


def build_grpc_server(component: str, service_name: str, register: Callable[[grpc.aio.Server], None],
                      host: str, port: int) -> GrpcServer:
    """`service_name` is the full proto name (storyboard.projects.v1.ProjectsService)."""
    server = grpc.aio.server(
        interceptors=[ServerInterceptor(component)],
        # Without this, Linux lets a second process bind the same port silently.
        options=[("grpc.so_reuseport", 0)],
    )
    register(server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection(
        [service_name, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME],
        server)
    try:
        bound = server.add_insecure_port(f"{host}:{port}")
    except RuntimeError:
        bound = 0
    if not bound:
        raise PortInUseError(host, port)
    return GrpcServer(server, bound, health_servicer, service_name)


async def run_until_signalled(server: GrpcServer, grace: float, cleanup: Callable[[], Awaitable[None]]) -> None:
    """Serves until SIGTERM or SIGINT, then drains in-flight calls for `grace` seconds and cleans up."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await server.start()
    log.info("serving %s on port %d", server.service_name, server.port)
    try:
        await stop.wait()
        log.info("shutting down")
    finally:
        await server.stop(grace)
        await cleanup()
    log.info("stopped")
