"""The model library RPCs of ComfyUIService (translation only); ComfyUIServicer mixes them in."""

from __future__ import annotations

import grpc
from storyboard.comfyui.v1 import comfyui_service_pb2 as api

from comfyui_service.enrichment import CivitaiEnrichment
from comfyui_service.library import ModelFilter, ModelLibrary
from comfyui_service.library_mappers import (
    active_model_to_proto,
    backend_to_proto,
    model_changes_from_proto,
    model_to_proto,
    search_result_to_proto,
    type_filter,
)


def _optional(message: object, field: str) -> object | None:
    return getattr(message, field) if message.HasField(field) else None  # type: ignore[attr-defined]


class ModelLibraryRpcs:
    _library: ModelLibrary
    _civitai: CivitaiEnrichment

    async def ListModels(self, request: api.ListModelsRequest,
                         context: grpc.aio.ServicerContext) -> api.ListModelsResponse:
        where = ModelFilter(type=type_filter(request.type), server_id=_optional(request, "server_id"),
                            is_active=_optional(request, "is_active"), search=request.search)
        page = await self._library.list(where, request.page_size, request.page_token, request.offset)
        return api.ListModelsResponse(models=[model_to_proto(m) for m in page.items],
                                      next_page_token=page.next_page_token, total_size=page.total_size)

    async def GetModel(self, request: api.GetModelRequest,
                       context: grpc.aio.ServicerContext) -> api.GetModelResponse:
        return api.GetModelResponse(model=model_to_proto(await self._library.get(request.model_id)))

    async def UpdateModel(self, request: api.UpdateModelRequest,
                          context: grpc.aio.ServicerContext) -> api.UpdateModelResponse:
        changes = model_changes_from_proto(request.model, list(request.update_mask.paths))
        model = await self._library.update(request.model.id, changes)
        return api.UpdateModelResponse(model=model_to_proto(model))

    async def DeleteModel(self, request: api.DeleteModelRequest,
                          context: grpc.aio.ServicerContext) -> api.DeleteModelResponse:
        await self._library.delete(request.model_id)
        return api.DeleteModelResponse()

    async def SyncServerModels(self, request: api.SyncServerModelsRequest,
                               context: grpc.aio.ServicerContext) -> api.SyncServerModelsResponse:
        result = await self._library.sync_server(request.server_id)
        return api.SyncServerModelsResponse(added=result.added, updated=result.updated,
                                            deactivated=result.deactivated, total=result.total)

    async def ListActiveModels(self, request: api.ListActiveModelsRequest,
                               context: grpc.aio.ServicerContext) -> api.ListActiveModelsResponse:
        page = await self._library.active_models(type_filter(request.type), request.page_size, request.page_token)
        return api.ListActiveModelsResponse(active_models=[active_model_to_proto(m) for m in page.items],
                                            next_page_token=page.next_page_token)

    async def ListBackends(self, request: api.ListBackendsRequest,
                           context: grpc.aio.ServicerContext) -> api.ListBackendsResponse:
        page = await self._library.backends(request.page_size, request.page_token)
        return api.ListBackendsResponse(backends=[backend_to_proto(b) for b in page.items],
                                        next_page_token=page.next_page_token)

    async def SyncModelWithCivitai(self, request: api.SyncModelWithCivitaiRequest,
                                   context: grpc.aio.ServicerContext) -> api.SyncModelWithCivitaiResponse:
        return api.SyncModelWithCivitaiResponse(model=model_to_proto(await self._civitai.sync(request.model_id)))

    async def SearchCivitaiModels(self, request: api.SearchCivitaiModelsRequest,
                                  context: grpc.aio.ServicerContext) -> api.SearchCivitaiModelsResponse:
        results = await self._civitai.search(request.model_id, request.query, request.limit)
        return api.SearchCivitaiModelsResponse(results=[search_result_to_proto(r) for r in results])

    async def LinkModelToCivitai(self, request: api.LinkModelToCivitaiRequest,
                                 context: grpc.aio.ServicerContext) -> api.LinkModelToCivitaiResponse:
        model = await self._civitai.link(request.model_id, request.civitai_model_id,
                                         _optional(request, "civitai_version_id"))  # type: ignore[arg-type]
        return api.LinkModelToCivitaiResponse(model=model_to_proto(model))
