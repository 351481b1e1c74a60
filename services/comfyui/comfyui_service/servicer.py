"""ComfyUIServicer: translates gRPC requests into service calls and back, nothing else."""

from __future__ import annotations

import grpc
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1 import comfyui_service_pb2_grpc

from comfyui_service.bootstrap import Deps
from comfyui_service.library_servicer import ModelLibraryRpcs
from comfyui_service.mappers import (
    changes_from_proto,
    credentials_to_proto,
    info_to_proto,
    model_type_to_proto,
    presets_to_proto,
    server_to_proto,
    spec_from_proto,
    status_entry_to_proto,
)


def _optional(message: object, field: str) -> object | None:
    return getattr(message, field) if message.HasField(field) else None  # type: ignore[attr-defined]


class ComfyUIServicer(ModelLibraryRpcs, comfyui_service_pb2_grpc.ComfyUIServiceServicer):
    def __init__(self, deps: Deps):
        self._registry = deps.registry
        self._info = deps.info
        self._presets = deps.presets
        self._library = deps.library
        self._civitai = deps.civitai

    async def CreateServer(self, request: api.CreateServerRequest,
                           context: grpc.aio.ServicerContext) -> api.CreateServerResponse:
        server = await self._registry.create(spec_from_proto(request.server), _optional(request, "api_key"))
        return api.CreateServerResponse(server=server_to_proto(server))

    async def GetServer(self, request: api.GetServerRequest,
                        context: grpc.aio.ServicerContext) -> api.GetServerResponse:
        return api.GetServerResponse(server=server_to_proto(await self._registry.get(request.server_id)))

    async def ListServers(self, request: api.ListServersRequest,
                          context: grpc.aio.ServicerContext) -> api.ListServersResponse:
        page = await self._registry.list(_optional(request, "is_active"), request.page_size,
                                         request.page_token, request.offset)
        return api.ListServersResponse(servers=[server_to_proto(s) for s in page.items],
                                       next_page_token=page.next_page_token, total_size=page.total_size)

    async def UpdateServer(self, request: api.UpdateServerRequest,
                           context: grpc.aio.ServicerContext) -> api.UpdateServerResponse:
        changes = changes_from_proto(request.server, list(request.update_mask.paths))
        server = await self._registry.update(request.server.id, changes, _optional(request, "api_key"))
        return api.UpdateServerResponse(server=server_to_proto(server))

    async def DeleteServer(self, request: api.DeleteServerRequest,
                           context: grpc.aio.ServicerContext) -> api.DeleteServerResponse:
        await self._registry.delete(request.server_id)
        return api.DeleteServerResponse()

    async def GetServerInfo(self, request: api.GetServerInfoRequest,
                            context: grpc.aio.ServicerContext) -> api.GetServerInfoResponse:
        info = await self._info.info(request.server_id, request.refresh)
        return api.GetServerInfoResponse(server_info=info_to_proto(info))

    async def ListServerStatuses(self, request: api.ListServerStatusesRequest,
                                 context: grpc.aio.ServicerContext) -> api.ListServerStatusesResponse:
        page = await self._info.statuses(_optional(request, "is_active"), request.page_size,
                                         request.page_token)
        return api.ListServerStatusesResponse(server_statuses=[status_entry_to_proto(e) for e in page.items],
                                              next_page_token=page.next_page_token)

    async def ListModelTypes(self, request: api.ListModelTypesRequest,
                             context: grpc.aio.ServicerContext) -> api.ListModelTypesResponse:
        page = await self._presets.list_types(request.page_size, request.page_token)
        return api.ListModelTypesResponse(model_types=[model_type_to_proto(t) for t in page.items],
                                          next_page_token=page.next_page_token)

    async def GetModelPresets(self, request: api.GetModelPresetsRequest,
                              context: grpc.aio.ServicerContext) -> api.GetModelPresetsResponse:
        model_type = await self._presets.presets_for(request.model_name)
        return api.GetModelPresetsResponse(model_presets=presets_to_proto(request.model_name, model_type))

    async def GetServerCredentials(self, request: api.GetServerCredentialsRequest,
                                   context: grpc.aio.ServicerContext) -> api.GetServerCredentialsResponse:
        credentials = await self._registry.credentials(request.server_id)
        return api.GetServerCredentialsResponse(server_credentials=credentials_to_proto(credentials))
