"""Domain values <-> proto messages; the only module that imports both."""

from __future__ import annotations

from typing import Any

from google.protobuf.struct_pb2 import Struct
from storyboard.comfyui.v1 import comfyui_service_pb2 as pb
from storyboard_common.timestamps import to_timestamp

from comfyui_service.domain import Catalog, Server, ServerInfo, ServerStatus, SystemInfo
from comfyui_service.info import StatusEntry
from comfyui_service.presets import ModelType, Preset, detect_model_type
from comfyui_service.service import Credentials, ServerSpec

SERVER_TYPES = {"standard": pb.SERVER_TYPE_STANDARD, "runpod": pb.SERVER_TYPE_RUNPOD}
SERVER_TYPE_NAMES = {v: k for k, v in SERVER_TYPES.items()}
GENERATION_TYPES = {"image": pb.GENERATION_TYPE_IMAGE, "video": pb.GENERATION_TYPE_VIDEO}


def server_type_name(value: int) -> str | None:
    """None for UNSPECIFIED (the service applies its default); unknown numbers are refused by the service."""
    return None if value == pb.SERVER_TYPE_UNSPECIFIED else SERVER_TYPE_NAMES.get(value, f"unknown({value})")


def spec_from_proto(server: pb.Server) -> ServerSpec:
    return ServerSpec(name=server.name, url=server.url, server_type=server_type_name(server.server_type),
                      endpoint_id=server.endpoint_id if server.HasField("endpoint_id") else None,
                      is_active=server.is_active, max_concurrent=server.max_concurrent)


def changes_from_proto(server: pb.Server, paths: list[str]) -> dict[str, Any]:
    """The masked fields' new values; unknown paths pass through for the service to refuse."""
    changes: dict[str, Any] = {}
    for path in paths:
        if path == "server_type":
            changes[path] = server_type_name(server.server_type)
        elif path == "endpoint_id":
            changes[path] = server.endpoint_id if server.HasField("endpoint_id") else None
        elif path in ("name", "url", "is_active", "max_concurrent"):
            changes[path] = getattr(server, path)
        else:
            changes[path] = None
    return changes


def server_to_proto(s: Server) -> pb.Server:
    return pb.Server(
        id=s.id, name=s.name, url=s.url, server_type=SERVER_TYPES[s.server_type], endpoint_id=s.endpoint_id,
        is_active=s.is_active, max_concurrent=s.max_concurrent, has_api_key=s.has_api_key,
        create_time=to_timestamp(s.created_at), update_time=to_timestamp(s.updated_at))


def _system_to_proto(system: SystemInfo) -> pb.SystemInfo:
    return pb.SystemInfo(
        comfyui_version=system.comfyui_version, python_version=system.python_version, os=system.os,
        ram_total_bytes=system.ram_total, ram_free_bytes=system.ram_free,
        devices=[pb.Device(name=d.name, type=d.type, index=d.index, vram_total_bytes=d.vram_total,
                           vram_free_bytes=d.vram_free, torch_vram_total_bytes=d.torch_vram_total,
                           torch_vram_free_bytes=d.torch_vram_free) for d in system.devices])


def _status_fields(status: ServerStatus | None) -> dict[str, Any]:
    if status is None:
        return {"is_online": False}
    return {"is_online": status.is_online, "status_checked_at": to_timestamp(status.checked_at),
            "status_error": status.error, "latency_ms": status.latency_ms,
            "queue_remaining": status.queue_remaining}


def info_to_proto(info: ServerInfo) -> pb.ServerInfo:
    c: Catalog = info.catalog
    status = info.status
    return pb.ServerInfo(
        server=server_to_proto(info.server), **_status_fields(status),
        models=[pb.CheckpointModel(name=n, model_type=detect_model_type(n)) for n in c.checkpoints],
        loras=[pb.LoraModel(name=n) for n in c.loras], vaes=c.vaes, diffusion_models=c.diffusion_models,
        text_encoders=c.text_encoders, upscale_models=c.upscale_models, samplers=c.samplers,
        schedulers=c.schedulers, node_classes=c.node_classes,
        system=_system_to_proto(status.system) if status and status.system else None,
        catalog_update_time=to_timestamp(c.updated_at))


def status_entry_to_proto(entry: StatusEntry) -> pb.ServerStatus:
    return pb.ServerStatus(server=server_to_proto(entry.server), **_status_fields(entry.status),
                           catalog_update_time=to_timestamp(entry.catalog_updated_at))


def credentials_to_proto(c: Credentials) -> pb.ServerCredentials:
    s = c.server
    return pb.ServerCredentials(server_id=s.id, url=s.url, server_type=SERVER_TYPES[s.server_type],
                                endpoint_id=s.endpoint_id, api_key=c.api_key)


def _preset_to_proto(p: Preset) -> pb.ModelPreset:
    extras = Struct()
    extras.update(dict(p.extras))
    return pb.ModelPreset(steps=p.steps, cfg=p.cfg, width=p.width, height=p.height, sampler=p.sampler,
                          scheduler=p.scheduler, max_loras=p.max_loras, video_fps=p.video_fps,
                          video_frames=p.video_frames, supports_lora=p.supports_lora,
                          supports_refiner=p.supports_refiner, extras=extras)


def model_type_to_proto(t: ModelType) -> pb.ModelType:
    return pb.ModelType(id=t.id, display_name=t.display_name,
                        generation_types=[GENERATION_TYPES[g] for g in t.generation_types],
                        preset_names=["fast", "quality"], fast=_preset_to_proto(t.fast),
                        quality=_preset_to_proto(t.quality))


def presets_to_proto(model_name: str, t: ModelType) -> pb.ModelPresets:
    return pb.ModelPresets(model_name=model_name, model_type=t.id, display_name=t.display_name,
                           generation_types=[GENERATION_TYPES[g] for g in t.generation_types],
                           fast=_preset_to_proto(t.fast), quality=_preset_to_proto(t.quality))
