"""The model library routes (REST contract 1.14), served by the comfyui service.

Included after routers/models.py, so /models/types, /models/defaults/..., /models/presets/... and
/models/parameters/... keep their handlers: GET /models/{model_id} matches one path segment only.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from storyboard.comfyui.v1 import comfyui_service_pb2 as api

from api_gateway.deps import ComfyUIStub, SettingsDep
from api_gateway.mappers.model_library import (
    active_model_public,
    backend_public,
    model_public,
    search_result_public,
    type_filter,
    update_model_request,
)
from api_gateway.paging import Limit, Offset, every_page, set_list_headers
from api_gateway.schemas.model_library import (
    ActiveModelPublic,
    BackendPublic,
    CivitaiLinkBody,
    CivitaiSearchBody,
    CivitaiSearchPublic,
    ModelDeletedPublic,
    ModelPublic,
    ModelsSyncedPublic,
    ModelUpdate,
)

DEFAULT_MODELS_LIMIT = 1000


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["model library"])

    @router.get("/models", response_model=list[ModelPublic])
    async def list_models(request: Request, response: Response, comfyui: ComfyUIStub,
                          type: str | None = None, server_source: str | None = None,  # noqa: A002 - REST name
                          is_active: bool | None = None, search: str = "",
                          limit: Limit = DEFAULT_MODELS_LIMIT, offset: Offset = 0) -> list[ModelPublic]:
        """By name, then server; a bare array with X-Total-Count and Link."""
        reply = await comfyui.ListModels(api.ListModelsRequest(
            type=type_filter(type), server_id=server_source, is_active=is_active, search=search,
            page_size=limit, offset=offset))
        set_list_headers(request, response, reply.total_size, limit, offset)
        return [model_public(m) for m in reply.models]

    @router.get("/models/{model_id}", response_model=ModelPublic)
    async def get_model(model_id: str, comfyui: ComfyUIStub) -> ModelPublic:
        reply = await comfyui.GetModel(api.GetModelRequest(model_id=model_id))
        return model_public(reply.model)

    @router.put("/models/{model_id}", response_model=ModelPublic)
    async def update_model(model_id: str, body: ModelUpdate, comfyui: ComfyUIStub) -> ModelPublic:
        reply = await comfyui.UpdateModel(update_model_request(model_id, body))
        return model_public(reply.model)

    @router.delete("/models/{model_id}", response_model=ModelDeletedPublic)
    async def delete_model(model_id: str, comfyui: ComfyUIStub) -> ModelDeletedPublic:
        await comfyui.DeleteModel(api.DeleteModelRequest(model_id=model_id))
        return ModelDeletedPublic(message="Model deleted successfully")

    @router.post("/servers/{server_id}/sync-models", response_model=ModelsSyncedPublic)
    async def sync_models(server_id: str, comfyui: ComfyUIStub, settings: SettingsDep) -> ModelsSyncedPublic:
        """Re-reads the server's catalog now (a catalog read can take a while: the long deadline)."""
        reply = await comfyui.SyncServerModels(api.SyncServerModelsRequest(server_id=server_id),
                                               timeout=settings.long_grpc_timeout_s)
        return ModelsSyncedPublic(message="Models synced", server_id=server_id, added=reply.added,
                                  updated=reply.updated, deactivated=reply.deactivated, total=reply.total)

    @router.get("/active-models", response_model=list[ActiveModelPublic])
    async def active_models(comfyui: ComfyUIStub, type: str | None = None  # noqa: A002 - REST name
                            ) -> list[ActiveModelPublic]:
        wanted = type_filter(type)
        models = await every_page(lambda token: comfyui.ListActiveModels(api.ListActiveModelsRequest(
            type=wanted, page_size=1000, page_token=token)), "active_models")
        return [active_model_public(m) for m in models]

    @router.get("/backends", response_model=list[BackendPublic])
    async def backends(comfyui: ComfyUIStub) -> list[BackendPublic]:
        items = await every_page(lambda token: comfyui.ListBackends(api.ListBackendsRequest(
            page_size=1000, page_token=token)), "backends")
        return [backend_public(b) for b in items]

    @router.get("/backends/{server_id}/models", response_model=list[ModelPublic])
    async def backend_models(server_id: str, comfyui: ComfyUIStub,
                             type: str | None = None) -> list[ModelPublic]:  # noqa: A002 - REST name
        wanted = type_filter(type)
        await comfyui.GetServer(api.GetServerRequest(server_id=server_id))  # 404 for an unknown server
        models = await every_page(lambda token: comfyui.ListModels(api.ListModelsRequest(
            type=wanted, server_id=server_id, page_size=1000, page_token=token)), "models")
        return [model_public(m) for m in models]

    @router.post("/models/{model_id}/sync-civitai", response_model=ModelPublic)
    async def sync_civitai(model_id: str, comfyui: ComfyUIStub, settings: SettingsDep) -> ModelPublic:
        reply = await comfyui.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(model_id=model_id),
                                                   timeout=settings.long_grpc_timeout_s)
        return model_public(reply.model)

    @router.post("/models/{model_id}/search-civitai", response_model=CivitaiSearchPublic)
    async def search_civitai(model_id: str, comfyui: ComfyUIStub, settings: SettingsDep,
                             body: CivitaiSearchBody | None = None) -> CivitaiSearchPublic:
        body = body or CivitaiSearchBody()
        reply = await comfyui.SearchCivitaiModels(
            api.SearchCivitaiModelsRequest(model_id=model_id, query=body.query or "", limit=body.limit),
            timeout=settings.long_grpc_timeout_s)
        return CivitaiSearchPublic(results=[search_result_public(r) for r in reply.results])

    @router.post("/models/{model_id}/link-civitai", response_model=ModelPublic)
    async def link_civitai(model_id: str, body: CivitaiLinkBody, comfyui: ComfyUIStub,
                           settings: SettingsDep) -> ModelPublic:
        reply = await comfyui.LinkModelToCivitai(
            api.LinkModelToCivitaiRequest(model_id=model_id, civitai_model_id=body.civitai_model_id,
                                          civitai_version_id=body.civitai_version_id),
            timeout=settings.long_grpc_timeout_s)
        return model_public(reply.model)

    return router
