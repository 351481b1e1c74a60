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
    models,
    pool,
    projects,
    root,
    scenes,
    style_templates,
    uploads,
)

Surface = Literal["v1", "legacy"]


def build_api_router(surface: Surface) -> APIRouter:
    router = APIRouter()
    for module in (root, projects, scenes, clips, comfyui, models, media, uploads, characters, style_templates,
                   pool, export):
        router.include_router(module.build_router(surface))
    return router
