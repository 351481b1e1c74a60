"""build_api_router(surface): every route once, mounted at /api/v1 ("v1") and /api ("legacy")."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from api_gateway.routers import projects, root

Surface = Literal["v1", "legacy"]


def build_api_router(surface: Surface) -> APIRouter:
    router = APIRouter()
    for module in (root, projects):
        router.include_router(module.build_router(surface))
    return router
