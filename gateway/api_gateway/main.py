"""create_app(): the FastAPI application, its lifespan (one channel per backend) and its two mounts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from api_gateway import __version__
from api_gateway.backends import Backends, open_backends
from api_gateway.config import Settings
from api_gateway.errors import install_error_handlers
from api_gateway.health import check_all
from api_gateway.middleware import install_middleware
from api_gateway.routers import area_routers, uploads


def create_app(settings: Settings | None = None, backends: Backends | None = None) -> FastAPI:
    """uvicorn calls this with no arguments (--factory); tests pass settings and in-process backends."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = backends is None
        app.state.backends = backends or open_backends(settings)
        try:
            yield
        finally:
            if owned:
                await app.state.backends.aclose()

    app = FastAPI(title="Storyboard API", version=__version__, lifespan=lifespan, redirect_slashes=False)
    app.state.settings = settings
    if backends is not None:  # usable without running the lifespan (httpx ASGITransport)
        app.state.backends = backends
    install_error_handlers(app)
    install_middleware(app, settings)
    for area in area_routers("v1"):
        app.include_router(area, prefix="/api/v1")
    for area in area_routers("legacy"):
        app.include_router(area, prefix="/api", include_in_schema=False)
    app.include_router(uploads.build_router("root"), include_in_schema=False)  # /uploads/... (contract 0.9)

    @app.get("/healthz", include_in_schema=False)
    async def liveness() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readiness() -> JSONResponse:
        health = await check_all(app.state.backends, settings.health_timeout_s)
        return JSONResponse(health.model_dump(), status_code=200 if health.status == "healthy" else 503)

    return app
