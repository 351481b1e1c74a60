"""The workflow templates listed while the generation service does not answer ListWorkflowTemplates yet.

The templates belong to generation. Components never import one another, so this reads `workflow_templates.json`,
a snapshot of `generation_service.workflows.list_templates()` written by `scripts/workflow_templates.py` (a test
fails when it is stale). Once generation serves ListWorkflowTemplates, GET /comfyui/servers/{id}/workflows lists
its answer and this module and the snapshot go. Availability follows the same rule: the server is online, is a
standard ComfyUI (RunPod endpoints are not dispatched to), provides every node class the template needs, and lists
every model file it always loads (in the folders the registry catalogs, once known).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from storyboard.comfyui.v1 import comfyui_service_pb2 as comfy_pb
from storyboard.generation.v1 import generation_resources_pb2 as gen_pb

KINDS = {"image": gen_pb.GENERATION_TYPE_IMAGE, "video": gen_pb.GENERATION_TYPE_VIDEO}


@cache
def snapshot() -> list[dict]:
    return json.loads(resources.files(__package__).joinpath("workflow_templates.json").read_text(encoding="utf-8"))


def _catalog(info: comfy_pb.ServerInfo) -> dict[str, set[str]]:
    """The server's model lists by ComfyUI folder; empty (nothing judged) before the first catalog refresh."""
    if not info.HasField("catalog_update_time"):
        return {}
    return {"checkpoints": {m.name for m in info.models}, "loras": {m.name for m in info.loras},
            "vae": set(info.vaes), "diffusion_models": set(info.diffusion_models),
            "text_encoders": set(info.text_encoders), "upscale_models": set(info.upscale_models)}


def _requirements(pairs) -> list[gen_pb.WorkflowModelRequirement]:
    return [gen_pb.WorkflowModelRequirement(folder=folder, name=name) for folder, name in pairs]


def fallback_templates(info: comfy_pb.ServerInfo) -> list[gen_pb.WorkflowTemplate]:
    """Generation's templates, each marked available for this server or not; sorted by id."""
    usable = info.is_online and info.server.server_type == comfy_pb.SERVER_TYPE_STANDARD
    catalog, provided = _catalog(info), set(info.node_classes)
    templates = []
    for t in snapshot():
        required = [(folder, name) for folder, names in t["required_models"].items() for name in names]
        missing_nodes = [name for name in t["required_nodes"] if name not in provided]
        missing_models = [(f, n) for f, n in required if f in catalog and n not in catalog[f]]
        templates.append(gen_pb.WorkflowTemplate(
            id=t["id"], version=t["version"], name=t["name"], generation_type=KINDS[t["kind"]],
            model_types=t["model_types"], required_node_classes=t["required_nodes"],
            required_models=_requirements(required), available=usable and not missing_nodes and not missing_models,
            missing_node_classes=missing_nodes, missing_models=_requirements(missing_models)))
    return templates
