"""build_api_router(surface): every route once, mounted at /api/v1 ("v1") and /api ("legacy")."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from api_gateway.routers import (
    characters,
    clips,
    comfyui,
    export,
    media,
    model_library,
    models,
    pool,
    projects,
    root,
    scenes,
    style_templates,
    uploads,
)

Surface = Literal["v1", "legacy"]
# Route order matters only between areas that share a path shape: models (/models/types, ...) comes before
# model_library (/models/{model_id}).
AREAS = (root, projects, scenes, clips, comfyui, models, model_library, media, uploads, characters,
         style_templates, pool, export)


def area_routers(surface: Surface) -> list[APIRouter]:
    """One router per area. The app includes these directly under each mount: every extra level of router
    nesting makes FastAPI match each request against every route once more (measured: ~2x the routing time)."""
    return [module.build_router(surface) for module in AREAS]


def build_api_router(surface: Surface) -> APIRouter:
    router = APIRouter()
    for area in area_routers(surface):
        router.include_router(area)
    return router
