"""Root and health routes of each mount."""

from __future__ import annotations

from fastapi import APIRouter

from api_gateway import __version__
from api_gateway.deps import BackendsDep, SettingsDep
from api_gateway.health import check_all
from api_gateway.schemas.root import HealthPublic, RootPublic


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/", response_model=RootPublic)
    async def read_root() -> RootPublic:
        return RootPublic(message="Storyboard API is running", status="healthy", version=__version__)

    @router.get("/health", response_model=HealthPublic)
    async def read_health(backends: BackendsDep, settings: SettingsDep) -> HealthPublic:
        """Every backend's gRPC health; always 200 (use /readyz for probes)."""
        return await check_all(backends, settings.health_timeout_s)

    return router
