"""The workflow templates listed while the generation service does not answer ListWorkflowTemplates yet.

The templates belong to generation: they are read from its pure data library (`generation_service.workflows`),
so this list can never drift from what generation compiles. Once generation serves ListWorkflowTemplates, GET
/comfyui/servers/{id}/workflows lists its answer and this module goes. Availability follows the same rule: the
server is online, is a standard ComfyUI (RunPod endpoints are not dispatched to), provides every node class the
template needs, and lists every model file it always loads (in the folders the registry catalogs, once known).
"""

from __future__ import annotations

from generation_service.workflows import list_templates
from storyboard.comfyui.v1 import comfyui_service_pb2 as comfy_pb
from storyboard.generation.v1 import generation_resources_pb2 as gen_pb

KINDS = {"image": gen_pb.GENERATION_TYPE_IMAGE, "video": gen_pb.GENERATION_TYPE_VIDEO}


def _catalog(info: comfy_pb.ServerInfo) -> dict[str, list[str]]:
    """The server's model lists by ComfyUI folder; empty (nothing judged) before the first catalog refresh."""
    if not info.HasField("catalog_update_time"):
        return {}
    return {"checkpoints": [m.name for m in info.models], "loras": [m.name for m in info.loras],
            "vae": list(info.vaes), "diffusion_models": list(info.diffusion_models),
            "text_encoders": list(info.text_encoders), "upscale_models": list(info.upscale_models)}


def _requirements(pairs) -> list[gen_pb.WorkflowModelRequirement]:
    return [gen_pb.WorkflowModelRequirement(folder=folder, name=name) for folder, name in pairs]


def fallback_templates(info: comfy_pb.ServerInfo) -> list[gen_pb.WorkflowTemplate]:
    """Generation's templates, each marked available for this server or not; sorted by id."""
    usable = info.is_online and info.server.server_type == comfy_pb.SERVER_TYPE_STANDARD
    catalog = _catalog(info)
    templates = []
    for t in list_templates():
        missing_nodes = t.missing_nodes(info.node_classes)
        missing_models = t.missing_models(catalog)
        required = [(folder, name) for folder, names in sorted(t.required_models.items()) for name in sorted(names)]
        templates.append(gen_pb.WorkflowTemplate(
            id=t.id, version=t.version, name=t.name, generation_type=KINDS[t.kind], model_types=t.model_types,
            required_node_classes=sorted(t.required_nodes), required_models=_requirements(required),
            available=usable and not missing_nodes and not missing_models, missing_node_classes=missing_nodes,
            missing_models=_requirements(missing_models)))
    return templates
