"""Aggregates the gRPC health of every backend under one short deadline."""

from __future__ import annotations

import asyncio
import time

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from api_gateway.backends import SERVICE_NAMES, Backends
from api_gateway.mappers.common import now_rfc3339
from api_gateway.schemas.root import ComponentHealth, HealthPublic


async def _check(channel: grpc.aio.Channel, service: str, timeout: float) -> ComponentHealth:
    started = time.perf_counter()
    try:
        reply = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=service), timeout=timeout)
        up = reply.status == health_pb2.HealthCheckResponse.SERVING
    except grpc.aio.AioRpcError:
        up = False
    latency = round((time.perf_counter() - started) * 1000, 2)
    return ComponentHealth(status="up" if up else "down", latency_ms=latency)


async def check_all(backends: Backends, timeout: float) -> HealthPublic:
    names = list(SERVICE_NAMES)
    results = await asyncio.gather(
        *(_check(backends.channels[n], SERVICE_NAMES[n], timeout) for n in names))
    components = dict(zip(names, results, strict=True))
    healthy = all(c.status == "up" for c in components.values())
    return HealthPublic(status="healthy" if healthy else "unhealthy", timestamp=now_rfc3339(),
                        components=components)
