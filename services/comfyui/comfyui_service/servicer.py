"""ComfyUIServicer: translates gRPC requests into service calls and back, nothing else."""

from __future__ import annotations

import grpc

from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1 import comfyui_service_pb2_grpc

from comfyui_service.bootstrap import Deps
from comfyui_service.mappers import to_proto


class ComfyUIServicer(comfyui_service_pb2_grpc.ComfyUIServiceServicer):
    def __init__(self, deps: Deps):
        self._registry = deps.registry

    async def ListServers(self, request: api.ListServersRequest, context: grpc.aio.ServicerContext) -> api.ListServersResponse:
        docs, token, total = await self._registry.list(request.page_size, request.page_token, request.offset)
        return api.ListServersResponse(servers=[to_proto(d) for d in docs], next_page_token=token, total_size=total)
