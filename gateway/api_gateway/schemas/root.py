from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class RootPublic(BaseModel):
    message: str
    status: str
    version: str


class ComponentHealth(BaseModel):
    status: Literal["up", "down"]
    latency_ms: float


class HealthPublic(BaseModel):
    status: Literal["healthy", "unhealthy"]
    timestamp: str
    components: dict[str, ComponentHealth]
