"""The registry's values: servers, their live status and their model catalog. Pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

SERVER_TYPES = ("standard", "runpod")

# Catalog kind -> ComfyUI model folder (GET /models/<folder>).
MODEL_FOLDERS = {
    "checkpoints": "checkpoints",
    "loras": "loras",
    "vaes": "vae",
    "diffusion_models": "diffusion_models",
    "text_encoders": "text_encoders",
    "upscale_models": "upscale_models",
}


@dataclass(frozen=True)
class Server:
    id: str
    name: str
    url: str
    server_type: str
    endpoint_id: str | None
    is_active: bool
    max_concurrent: int
    has_api_key: bool
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class Device:
    name: str
    type: str
    index: int | None
    vram_total: int
    vram_free: int
    torch_vram_total: int | None = None
    torch_vram_free: int | None = None


@dataclass(frozen=True)
class SystemInfo:
    comfyui_version: str = ""
    python_version: str = ""
    os: str = ""
    ram_total: int | None = None
    ram_free: int | None = None
    devices: tuple[Device, ...] = ()


@dataclass(frozen=True)
class ServerStatus:
    """The outcome of one probe, kept in memory."""

    is_online: bool
    checked_at: float
    error: str | None = None
    latency_ms: float | None = None
    queue_remaining: int | None = None
    system: SystemInfo | None = None


@dataclass(frozen=True)
class Catalog:
    """What a server offers. Every list is sorted and de-duplicated."""

    checkpoints: tuple[str, ...] = ()
    loras: tuple[str, ...] = ()
    vaes: tuple[str, ...] = ()
    diffusion_models: tuple[str, ...] = ()
    text_encoders: tuple[str, ...] = ()
    upscale_models: tuple[str, ...] = ()
    samplers: tuple[str, ...] = ()
    schedulers: tuple[str, ...] = ()
    node_classes: tuple[str, ...] = ()
    updated_at: float | None = None


@dataclass(frozen=True)
class ServerInfo:
    server: Server
    status: ServerStatus | None
    catalog: Catalog = field(default_factory=Catalog)


def sorted_unique(names: object) -> tuple[str, ...]:
    """Strings only, de-duplicated, sorted case-insensitively (then exactly, so the order is total)."""
    items = {n for n in names if isinstance(n, str) and n} if isinstance(names, list | tuple | set) else set()
    return tuple(sorted(items, key=lambda n: (n.lower(), n)))
