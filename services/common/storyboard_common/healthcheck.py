"""`python -m storyboard_common.healthcheck HOST:PORT [SERVICE]`: exit 0 when the gRPC health check says SERVING.

Used by docker-compose health checks and by scripts/run_stack.py to wait for readiness.
"""

from __future__ import annotations

import asyncio
import sys

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc


async def check(address: str, service: str = "", timeout: float = 2.0) -> bool:
    async with grpc.aio.insecure_channel(address) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        try:
            reply = await stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=timeout)
        except grpc.aio.AioRpcError:
            return False
    return reply.status == health_pb2.HealthCheckResponse.SERVING


def main(argv: list[str]) -> int:
    if not 2 <= len(argv) <= 3:
        print("usage: python -m storyboard_common.healthcheck HOST:PORT [SERVICE]", file=sys.stderr)
        return 2
    return 0 if asyncio.run(check(argv[1], argv[2] if len(argv) == 3 else "")) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
