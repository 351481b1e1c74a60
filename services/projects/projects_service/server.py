"""build_server(settings, deps) and serve(settings)."""

from __future__ import annotations

from typing import Any

from storyboard.projects.v1 import projects_service_pb2, projects_service_pb2_grpc
from storyboard_common.rpc.runner import serve_until_signalled
from storyboard_common.rpc.server import GrpcServer, build_grpc_server

from projects_service.bootstrap import Deps, build_deps
from projects_service.config import Settings
from projects_service.servicer import ProjectsServicer

SERVICE_NAME = projects_service_pb2.DESCRIPTOR.services_by_name["ProjectsService"].full_name


def build_server(settings: Settings, deps: Deps) -> GrpcServer:
    def register(server: Any) -> None:
        projects_service_pb2_grpc.add_ProjectsServiceServicer_to_server(ProjectsServicer(deps), server)

    return build_grpc_server("projects", SERVICE_NAME, register, settings.grpc_host, settings.grpc_port)


async def serve(settings: Settings) -> None:
    await serve_until_signalled(settings, build_deps, build_server)
