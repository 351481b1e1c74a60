from __future__ import annotations

from storyboard.comfyui.v1 import comfyui_service_pb2 as pb
from storyboard.generation.v1 import generation_resources_pb2 as gen_pb

from api_gateway.mappers.common import opt, rfc3339
from api_gateway.schemas.comfyui import (
    CheckpointPublic,
    DevicePublic,
    LoraPublic,
    ServerCreate,
    ServerDetailPublic,
    ServerInfoPublic,
    ServerPublic,
    ServerUpdate,
    SystemPublic,
    WorkflowPublic,
)

SERVER_TYPES = {"standard": pb.SERVER_TYPE_STANDARD, "runpod": pb.SERVER_TYPE_RUNPOD}
SERVER_TYPE_NAMES = {v: k for k, v in SERVER_TYPES.items()}
GENERATION_TYPE_NAMES = {gen_pb.GENERATION_TYPE_IMAGE: "image", gen_pb.GENERATION_TYPE_VIDEO: "video"}


def create_request(body: ServerCreate) -> pb.CreateServerRequest:
    server = pb.Server(name=body.name, url=body.url, server_type=SERVER_TYPES[body.server_type],
                       endpoint_id=body.endpoint_id or None, is_active=body.is_active,
                       max_concurrent=body.max_concurrent)
    return pb.CreateServerRequest(server=server, api_key=body.api_key or None)


def update_request(server_id: str, body: ServerUpdate) -> pb.UpdateServerRequest:
    """Non-null fields go into the mask; api_key travels by presence ("" removes the key)."""
    server = pb.Server(id=server_id)
    paths = []
    for field in ("name", "url", "is_active", "max_concurrent"):
        value = getattr(body, field)
        if value is not None:
            setattr(server, field, value)
            paths.append(field)
    if body.server_type is not None:
        server.server_type = SERVER_TYPES[body.server_type]
        paths.append("server_type")
    if body.endpoint_id is not None:
        if body.endpoint_id:
            server.endpoint_id = body.endpoint_id
        paths.append("endpoint_id")
    request = pb.UpdateServerRequest(server=server, api_key=body.api_key)
    request.update_mask.paths.extend(paths)
    return request


def server_public(s: pb.Server) -> ServerPublic:
    return ServerPublic(
        id=s.id, name=s.name, url=s.url, server_type=SERVER_TYPE_NAMES.get(s.server_type, "standard"),
        endpoint_id=opt(s, "endpoint_id"), is_active=s.is_active, max_concurrent=s.max_concurrent,
        has_api_key=s.has_api_key, created_at=rfc3339(s.create_time), updated_at=rfc3339(s.update_time))


def _models(info: pb.ServerInfo) -> tuple[list[CheckpointPublic], list[LoraPublic]]:
    """An offline server shows empty lists (contract 1.2); the service keeps the last known ones."""
    if not info.is_online:
        return [], []
    return ([CheckpointPublic(name=m.name, model_type=m.model_type) for m in info.models],
            [LoraPublic(name=lora.name) for lora in info.loras])


def server_detail_public(info: pb.ServerInfo) -> ServerDetailPublic:
    models, loras = _models(info)
    return ServerDetailPublic(**server_public(info.server).model_dump(), is_online=info.is_online,
                              status_checked_at=rfc3339(info.status_checked_at), models=models, loras=loras)


def _system(info: pb.ServerInfo) -> SystemPublic | None:
    if not info.is_online or not info.HasField("system"):
        return None
    return SystemPublic(comfyui_version=info.system.comfyui_version, devices=[
        DevicePublic(name=d.name, type=d.type, vram_total=d.vram_total_bytes, vram_free=d.vram_free_bytes)
        for d in info.system.devices])


def server_info_public(info: pb.ServerInfo) -> ServerInfoPublic:
    models, loras = _models(info)
    online = info.is_online

    def names(values: object) -> list[str]:
        return list(values) if online else []  # type: ignore[call-overload]

    return ServerInfoPublic(
        server=server_public(info.server), is_online=online,
        status_checked_at=rfc3339(info.status_checked_at),
        status_error=opt(info, "status_error"), latency_ms=opt(info, "latency_ms"),
        queue_remaining=opt(info, "queue_remaining"), models=models, loras=loras, vaes=names(info.vaes),
        diffusion_models=names(info.diffusion_models), text_encoders=names(info.text_encoders),
        upscale_models=names(info.upscale_models), samplers=names(info.samplers),
        schedulers=names(info.schedulers), system=_system(info))


def workflow_public(t: gen_pb.WorkflowTemplate) -> WorkflowPublic:
    kind = GENERATION_TYPE_NAMES.get(t.generation_type, "image")
    return WorkflowPublic(id=t.id, name=t.name, generation_type=kind,
                          model_types=list(t.model_types), available=bool(opt(t, "available")))
