"""build_server(settings, deps) and serve(settings)."""

from __future__ import annotations

from typing import Any

from storyboard.generation.v1 import generation_service_pb2, generation_service_pb2_grpc
from storyboard_common.rpc.runner import serve_until_signalled
from storyboard_common.rpc.server import GrpcServer, build_grpc_server

from generation_service.bootstrap import Deps, build_deps
from generation_service.config import Settings
from generation_service.servicer import GenerationServicer

SERVICE_NAME = generation_service_pb2.DESCRIPTOR.services_by_name["GenerationService"].full_name


def build_server(settings: Settings, deps: Deps) -> GrpcServer:
    def register(server: Any) -> None:
        generation_service_pb2_grpc.add_GenerationServiceServicer_to_server(GenerationServicer(deps), server)

    return build_grpc_server("generation", SERVICE_NAME, register, settings.grpc_host, settings.grpc_port)


async def serve(settings: Settings) -> None:
    await serve_until_signalled(settings, build_deps, build_server)
