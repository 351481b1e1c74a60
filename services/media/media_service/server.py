"""build_server(settings, deps) and serve(settings)."""

from __future__ import annotations

from typing import Any

from storyboard.media.v1 import media_service_pb2, media_service_pb2_grpc
from storyboard_common.rpc.runner import serve_until_signalled
from storyboard_common.rpc.server import GrpcServer, build_grpc_server

from media_service.bootstrap import Deps, build_deps
from media_service.config import Settings
from media_service.servicer import MediaServicer

SERVICE_NAME = media_service_pb2.DESCRIPTOR.services_by_name["MediaService"].full_name


def build_server(settings: Settings, deps: Deps) -> GrpcServer:
    def register(server: Any) -> None:
        media_service_pb2_grpc.add_MediaServiceServicer_to_server(MediaServicer(deps), server)

    return build_grpc_server("media", SERVICE_NAME, register, settings.grpc_host, settings.grpc_port)


async def serve(settings: Settings) -> None:
    await serve_until_signalled(settings, build_deps, build_server)
