"""Routes that describe the server: /object_info, /models, /view_metadata, /system_stats, /features, /embeddings, /."""

from __future__ import annotations

import sys

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from .catalog import render_node_info
from .core import FakeCore
from .models import MODEL_FOLDERS
from .responses import empty, json_response
from .ws import SERVER_FEATURES

COMFYUI_VERSION = "0.3.64"
FRONTEND_VERSION = "1.27.10"
TEMPLATES_VERSION = "0.1.95"


def system_stats(core: FakeCore) -> dict:
    stats = core.scenario.system
    return {
        "system": {
            "os": stats.os,
            "ram_total": stats.ram_total,
            "ram_free": stats.ram_free,
            "comfyui_version": COMFYUI_VERSION,
            "required_frontend_version": FRONTEND_VERSION,
            "installed_templates_version": TEMPLATES_VERSION,
            "required_templates_version": TEMPLATES_VERSION,
            "python_version": sys.version,
            "pytorch_version": "2.8.0+cpu" if stats.device_type == "cpu" else "2.8.0+cu128",
            "embedded_python": False,
            "argv": core.argv,
        },
        "devices": [
            {
                "name": stats.device_name,
                "type": stats.device_type,
                "index": stats.device_index,
                "vram_total": stats.vram_total,
                "vram_free": stats.vram_free,
                "torch_vram_total": stats.torch_vram_total,
                "torch_vram_free": stats.torch_vram_free,
            }
        ],
    }


def server_routes(core: FakeCore) -> list[Route]:
    async def object_info(request: Request) -> Response:
        nodes = core.available_nodes()
        return json_response({name: render_node_info(node, core.env) for name, node in nodes.items()})

    async def object_info_one(request: Request) -> Response:
        node = core.available_nodes().get(request.path_params["node_class"])
        return json_response({node.name: render_node_info(node, core.env)} if node else {})

    async def model_folders(request: Request) -> Response:
        return json_response(MODEL_FOLDERS)

    async def models_in_folder(request: Request) -> Response:
        folder = request.path_params["folder"]
        if folder not in MODEL_FOLDERS:
            return empty(404)  # legacy names `unet` and `clip` included
        return json_response(core.models.listed(folder))

    async def view_metadata(request: Request) -> Response:
        """A safetensors header's `__metadata__`; 404 with an empty body for anything else, as the real one."""
        metadata = core.models.header_metadata(request.path_params["folder"],
                                               request.query_params.get("filename", ""))
        return empty(404) if metadata is None else json_response(metadata)

    async def get_system_stats(request: Request) -> Response:
        return json_response(system_stats(core))

    async def features(request: Request) -> Response:
        return json_response(SERVER_FEATURES)

    async def empty_list(request: Request) -> Response:
        return json_response([])

    async def index(request: Request) -> Response:
        return HTMLResponse("<!doctype html><title>ComfyUI</title><p>Storyboard fake ComfyUI</p>")

    return [
        Route("/", index, methods=["GET"]),
        Route("/object_info", object_info, methods=["GET"]),
        Route("/object_info/{node_class}", object_info_one, methods=["GET"]),
        Route("/models", model_folders, methods=["GET"]),
        Route("/models/{folder}", models_in_folder, methods=["GET"]),
        Route("/view_metadata/{folder}", view_metadata, methods=["GET"]),
        Route("/system_stats", get_system_stats, methods=["GET"]),
        Route("/features", features, methods=["GET"]),
        Route("/embeddings", empty_list, methods=["GET"]),
        Route("/extensions", empty_list, methods=["GET"]),
    ]
