"""/comfyui/servers routes (REST contract 1.2): the registry, cached status and models, workflows."""

from __future__ import annotations

import grpc
from fastapi import APIRouter, Request, Response
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.generation.v1 import generation_service_pb2 as gen_api

from api_gateway.deps import ComfyUIStub, GenerationStub, SettingsDep
from api_gateway.errors import no_fields_to_update
from api_gateway.fallback_workflows import fallback_templates
from api_gateway.mappers.comfyui import (
    create_request,
    server_detail_public,
    server_info_public,
    server_public,
    update_request,
    workflow_public,
)
from api_gateway.paging import DEFAULT_LIMIT, Limit, Offset, set_list_headers
from api_gateway.schemas.comfyui import (
    ServerCreate,
    ServerDeletedPublic,
    ServerDetailPublic,
    ServerInfoPublic,
    ServerPublic,
    ServerUpdate,
    WorkflowsPublic,
)


def _unimplemented(exc: grpc.aio.AioRpcError) -> bool:
    return exc.code() == grpc.StatusCode.UNIMPLEMENTED


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["comfyui"])

    @router.post("/comfyui/servers", response_model=ServerPublic)
    async def create_server(body: ServerCreate, comfyui: ComfyUIStub) -> ServerPublic:
        reply = await comfyui.CreateServer(create_request(body))
        return server_public(reply.server)

    @router.get("/comfyui/servers", response_model=list[ServerPublic])
    async def list_servers(request: Request, response: Response, comfyui: ComfyUIStub,
                           is_active: bool | None = None, limit: Limit = DEFAULT_LIMIT,
                           offset: Offset = 0) -> list[ServerPublic]:
        """Oldest first, as a bare array with X-Total-Count and Link."""
        reply = await comfyui.ListServers(api.ListServersRequest(is_active=is_active, page_size=limit,
                                                                 offset=offset))
        set_list_headers(request, response, reply.total_size, limit, offset)
        return [server_public(s) for s in reply.servers]

    @router.get("/comfyui/servers/{server_id}", response_model=ServerDetailPublic)
    async def get_server(server_id: str, comfyui: ComfyUIStub) -> ServerDetailPublic:
        reply = await comfyui.GetServerInfo(api.GetServerInfoRequest(server_id=server_id))
        return server_detail_public(reply.server_info)

    @router.get("/comfyui/servers/{server_id}/info", response_model=ServerInfoPublic)
    async def get_server_info(server_id: str, comfyui: ComfyUIStub, settings: SettingsDep,
                              refresh: bool = False) -> ServerInfoPublic:
        """Cached status (at most 10 s old); refresh=true probes now and re-reads the model lists."""
        timeout = settings.long_grpc_timeout_s if refresh else None  # a catalog read can take a while
        reply = await comfyui.GetServerInfo(api.GetServerInfoRequest(server_id=server_id, refresh=refresh),
                                            timeout=timeout)
        return server_info_public(reply.server_info)

    @router.put("/comfyui/servers/{server_id}", response_model=ServerPublic)
    async def update_server(server_id: str, body: ServerUpdate, comfyui: ComfyUIStub) -> ServerPublic:
        request = update_request(server_id, body)
        if not request.update_mask.paths and not request.HasField("api_key"):
            raise no_fields_to_update()
        reply = await comfyui.UpdateServer(request)
        return server_public(reply.server)

    @router.delete("/comfyui/servers/{server_id}", response_model=ServerDeletedPublic)
    async def delete_server(server_id: str, comfyui: ComfyUIStub,
                            generation: GenerationStub) -> ServerDeletedPublic:
        """Generation first fails the queued jobs pinned to the server (409 while any is processing there)."""
        await comfyui.GetServer(api.GetServerRequest(server_id=server_id))  # 404 before touching any job
        try:
            released = await generation.ReleaseServerJobs(
                gen_api.ReleaseServerJobsRequest(server_id=server_id))
            failed_jobs = released.failed_count
        except grpc.aio.AioRpcError as exc:
            if not _unimplemented(exc):
                raise
            failed_jobs = 0  # generation cannot hold jobs yet
        await comfyui.DeleteServer(api.DeleteServerRequest(server_id=server_id))
        return ServerDeletedPublic(message="Server deleted successfully", failed_jobs=failed_jobs)

    @router.get("/comfyui/servers/{server_id}/workflows", response_model=WorkflowsPublic)
    async def list_workflows(server_id: str, comfyui: ComfyUIStub,
                             generation: GenerationStub) -> WorkflowsPublic:
        """Generation's templates with their availability on this server."""
        try:
            reply = await generation.ListWorkflowTemplates(
                gen_api.ListWorkflowTemplatesRequest(server_id=server_id, page_size=1000))
            templates = list(reply.workflow_templates)
        except grpc.aio.AioRpcError as exc:
            if not _unimplemented(exc):
                raise
            info = await comfyui.GetServerInfo(api.GetServerInfoRequest(server_id=server_id))
            templates = fallback_templates(info.server_info)
        return WorkflowsPublic(workflows=[workflow_public(t) for t in templates])

    return router
