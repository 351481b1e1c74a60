"""build_server(settings, deps) and serve(settings)."""

from __future__ import annotations

from typing import Any

from storyboard.comfyui.v1 import comfyui_service_pb2, comfyui_service_pb2_grpc
from storyboard_common.rpc.runner import serve_until_signalled
from storyboard_common.rpc.server import GrpcServer, build_grpc_server

from comfyui_service.bootstrap import Deps, build_deps
from comfyui_service.config import Settings
from comfyui_service.servicer import ComfyUIServicer

SERVICE_NAME = comfyui_service_pb2.DESCRIPTOR.services_by_name["ComfyUIService"].full_name


def build_server(settings: Settings, deps: Deps) -> GrpcServer:
    def register(server: Any) -> None:
        comfyui_service_pb2_grpc.add_ComfyUIServiceServicer_to_server(ComfyUIServicer(deps), server)

    return build_grpc_server("comfyui", SERVICE_NAME, register, settings.grpc_host, settings.grpc_port)


async def serve(settings: Settings) -> None:
    await serve_until_signalled(settings, build_deps, build_server)
