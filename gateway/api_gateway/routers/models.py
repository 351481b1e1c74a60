"""/models routes (REST contract 1.2 and 3.6): model types, detection and presets. Never 404 for a name."""

from __future__ import annotations

from fastapi import APIRouter
from storyboard.comfyui.v1 import comfyui_service_pb2 as api

from api_gateway.deps import ComfyUIStub
from api_gateway.mappers.models import model_type_summary, preset_public
from api_gateway.schemas.models import (
    ModelDefaultsPublic,
    ModelParametersPublic,
    ModelPresetsPublic,
    ModelTypesPublic,
    PresetPair,
)


async def _presets(comfyui: ComfyUIStub, model_name: str) -> api.ModelPresets:
    reply = await comfyui.GetModelPresets(api.GetModelPresetsRequest(model_name=model_name))
    return reply.model_presets


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["models"])

    @router.get("/models/types", response_model=ModelTypesPublic)
    async def list_model_types(comfyui: ComfyUIStub) -> ModelTypesPublic:
        supported, token = {}, ""
        while True:
            reply = await comfyui.ListModelTypes(api.ListModelTypesRequest(page_size=1000, page_token=token))
            supported.update({t.id: model_type_summary(t) for t in reply.model_types})
            token = reply.next_page_token
            if not token:
                return ModelTypesPublic(supported_models=supported)

    @router.get("/models/defaults/{model_name:path}", response_model=ModelDefaultsPublic)
    async def model_defaults(model_name: str, comfyui: ComfyUIStub) -> ModelDefaultsPublic:
        """The fast preset of the detected type; the name may contain folders."""
        p = await _presets(comfyui, model_name)
        return ModelDefaultsPublic(model_name=model_name, detected_type=p.model_type,
                                   defaults=preset_public(p.fast))

    @router.get("/models/presets/{model_name:path}", response_model=ModelPresetsPublic)
    async def model_presets(model_name: str, comfyui: ComfyUIStub) -> ModelPresetsPublic:
        p = await _presets(comfyui, model_name)
        pair = PresetPair(fast=preset_public(p.fast), quality=preset_public(p.quality))
        return ModelPresetsPublic(model_name=model_name, model_type=p.model_type, presets=pair)

    @router.get("/models/parameters/{model_name:path}", response_model=ModelParametersPublic)
    async def model_parameters(model_name: str, comfyui: ComfyUIStub,
                               preset: str = "fast") -> ModelParametersPublic:
        """`preset` is fast or quality; anything else falls back to fast (and says so)."""
        p = await _presets(comfyui, model_name)
        used = "quality" if preset == "quality" else "fast"
        return ModelParametersPublic(model_name=model_name, model_type=p.model_type, preset=used,
                                     parameters=preset_public(p.quality if used == "quality" else p.fast))

    return router
