"""The workflow templates listed while the generation service does not answer ListWorkflowTemplates yet.

Once generation implements it, GET /comfyui/servers/{id}/workflows lists generation's real templates and this
module is no longer used. Availability follows the same rule: the server is online, is a standard ComfyUI
(RunPod endpoints are not dispatched to), and provides every node class the template needs.
"""

from __future__ import annotations

from storyboard.comfyui.v1 import comfyui_service_pb2 as comfy_pb
from storyboard.generation.v1 import generation_resources_pb2 as gen_pb

IMAGE, VIDEO = gen_pb.GENERATION_TYPE_IMAGE, gen_pb.GENERATION_TYPE_VIDEO
_SD_IMAGE = ("CheckpointLoaderSimple", "CLIPTextEncode", "EmptyLatentImage", "KSampler", "VAEDecode",
             "SaveImage")
_DIT_IMAGE = ("UNETLoader", "VAELoader", "CLIPTextEncode", "EmptySD3LatentImage", "KSampler", "VAEDecode",
              "SaveImage")
_VIDEO_OUT = ("VAEDecode", "CreateVideo", "SaveVideo")

_TEMPLATES: tuple[tuple[str, str, int, tuple[str, ...], tuple[str, ...]], ...] = (
    ("sdxl_txt2img", "SDXL text to image", IMAGE, ("sdxl", "pony", "illustrious"), _SD_IMAGE),
    ("sd15_txt2img", "SD 1.5 text to image", IMAGE, ("sd15",), _SD_IMAGE),
    ("flux_txt2img", "Flux text to image", IMAGE, ("flux_dev", "flux_krea"), (*_DIT_IMAGE, "DualCLIPLoader")),
    ("hidream_txt2img", "HiDream text to image", IMAGE, ("hidream",), (*_DIT_IMAGE, "QuadrupleCLIPLoader")),
    ("qwen_image_txt2img", "Qwen Image text to image", IMAGE, ("qwen_image",), (*_DIT_IMAGE, "CLIPLoader")),
    ("qwen_image_edit", "Qwen Image edit", IMAGE, ("qwen_edit",),
     (*_DIT_IMAGE, "CLIPLoader", "LoadImage", "TextEncodeQwenImageEdit")),
    ("wan_txt2video", "Wan text to video", VIDEO, ("wan_2_1", "wan_2_2"),
     ("UNETLoader", "CLIPLoader", "VAELoader", "CLIPTextEncode", "EmptyHunyuanLatentVideo", "KSampler",
      *_VIDEO_OUT)),
    ("ltx_txt2video", "LTX Video text to video", VIDEO, ("ltx_video",),
     ("CheckpointLoaderSimple", "CLIPLoader", "CLIPTextEncode", "LTXVConditioning", "EmptyLTXVLatentVideo",
      "KSampler", *_VIDEO_OUT)),
    ("hunyuan_txt2video", "Hunyuan Video text to video", VIDEO, ("hunyuan_video",),
     ("UNETLoader", "DualCLIPLoader", "VAELoader", "CLIPTextEncode", "EmptyHunyuanLatentVideo", "KSampler",
      *_VIDEO_OUT)),
)


def fallback_templates(info: comfy_pb.ServerInfo) -> list[gen_pb.WorkflowTemplate]:
    """The static templates, each marked available for this server or not; sorted by id."""
    usable = info.is_online and info.server.server_type == comfy_pb.SERVER_TYPE_STANDARD
    provided = set(info.node_classes)
    templates = []
    for template_id, name, kind, model_types, nodes in sorted(_TEMPLATES):
        missing = sorted(set(nodes) - provided)
        templates.append(gen_pb.WorkflowTemplate(
            id=template_id, version=1, name=name, generation_type=kind, model_types=model_types,
            required_node_classes=sorted(set(nodes)), available=usable and not missing,
            missing_node_classes=missing))
    return templates
