"""Custom node packs the templates need, as their current releases declare them: ComfyUI_IPAdapter_plus
(IPAdapterModelLoader, IPAdapterAdvanced), comfyui-reactor-node (ReActorFaceSwap), ComfyUI_InstantID and
ComfyUI-AnimateDiff-Evolved (ADE_AnimateDiffLoaderGen1).

A stock server has none of them: `CUSTOM_NODE_CLASSES` lists them so a test can make a server without them
(`FakeComfyUI(absent_node_classes=CUSTOM_NODE_CLASSES)`). Their model folders (ipadapter, instantid, insightface,
facerestore_models, animatediff_models) are registered by the packs, so `/models` lists them too.
"""

from __future__ import annotations

from PIL import Image

from ..catalog import BOOLEAN, COMBO, FLOAT, LINK, STRING, NodeContext, NodeDef, NodeResult
from ..values import Images, ModelHandle
from .models import loader, models_in

WEIGHT_TYPES = ["linear", "ease in", "ease out", "ease in-out", "reverse in-out", "weak input", "weak output",
                "weak middle", "strong middle", "style transfer", "composition", "strong style transfer",
                "style and composition", "style transfer precise", "composition precise"]
IPADAPTER_MODULE = "custom_nodes.ComfyUI_IPAdapter_plus"
REACTOR_MODULE = "custom_nodes.comfyui-reactor-node"
INSTANTID_MODULE = "custom_nodes.ComfyUI_InstantID"
ANIMATEDIFF_MODULE = "custom_nodes.ComfyUI-AnimateDiff-Evolved"
BETA_SCHEDULES = ["autoselect", "use existing", "sqrt_linear (AnimateDiff)", "linear (AnimateDiff-SDXL)",
                  "linear (HotshotXL/default)", "avg(sqrt_linear,linear)", "lcm avg(sqrt_linear,linear)", "lcm",
                  "lcm >> sqrt_linear", "sqrt", "cosine", "squaredcos_cap_v2", "scaled_linear", "linear"]


def _colour(images: Images) -> tuple[int, int, int]:
    return images[0].resize((1, 1)).getpixel((0, 0))


async def ipadapter_apply(ctx: NodeContext, model: ModelHandle, ipadapter: ModelHandle, image: Images,
                          weight: float, **settings) -> NodeResult:
    return NodeResult((ModelHandle("MODEL", model.name, (*model.extras, ("ipadapter", _colour(image), weight))),))


async def reactor_swap(ctx: NodeContext, enabled: bool, input_image: Images, swap_model: str,
                       source_image: Images | None = None, face_model=None, face_boost=None, **settings) -> NodeResult:
    """Pastes the source face's colour into the centre of every frame: a visible, checkable "swap"."""
    if not enabled or source_image is None:
        return NodeResult((input_image, ModelHandle("FACE_MODEL", "none"), input_image))
    colour = _colour(source_image)

    def swap() -> list[Image.Image]:
        swapped = []
        for frame in input_image:
            frame = frame.copy()
            w, h = frame.size
            frame.paste(colour, (w // 4, h // 4, w - w // 4, h - h // 4))
            swapped.append(frame)
        return swapped

    return NodeResult((Images(await ctx.compute(swap)), ModelHandle("FACE_MODEL", swap_model), input_image))


async def instantid_apply(ctx: NodeContext, instantid: ModelHandle, insightface: ModelHandle,
                          control_net: ModelHandle, image: Images, model: ModelHandle, positive: ModelHandle,
                          negative: ModelHandle, weight: float, start_at: float, end_at: float,
                          image_kps=None, mask=None) -> NodeResult:
    face = ("instantid", _colour(image), weight)
    return NodeResult((ModelHandle("MODEL", model.name, (*model.extras, face)),
                       ModelHandle("CONDITIONING", positive.name, (*positive.extras, face)),
                       ModelHandle("CONDITIONING", negative.name, (*negative.extras, face))))


async def motion_model(ctx: NodeContext, model: ModelHandle, model_name: str, beta_schedule: str,
                       **optional) -> NodeResult:
    return NodeResult((ModelHandle("MODEL", model.name, (*model.extras, ("animatediff", model_name))),))


CUSTOM_NODES = [
    NodeDef("IPAdapterModelLoader", loader("IPADAPTER"),
            required={"ipadapter_file": COMBO(models_in("ipadapter"))}, outputs=("IPADAPTER",),
            category="ipadapter/loaders", display_name="IPAdapter Model Loader", python_module=IPADAPTER_MODULE),
    NodeDef("IPAdapterAdvanced", ipadapter_apply,
            required={"model": LINK("MODEL"), "ipadapter": LINK("IPADAPTER"), "image": LINK("IMAGE"),
                      "weight": FLOAT(1.0, -1, 5, step=0.05), "weight_type": COMBO(WEIGHT_TYPES),
                      "combine_embeds": COMBO(["concat", "add", "subtract", "average", "norm average"]),
                      "start_at": FLOAT(0.0, 0.0, 1.0, step=0.001), "end_at": FLOAT(1.0, 0.0, 1.0, step=0.001),
                      "embeds_scaling": COMBO(["V only", "K+V", "K+V w/ C penalty", "K+mean(V) w/ C penalty"])},
            optional={"image_negative": LINK("IMAGE"), "attn_mask": LINK("MASK"),
                      "clip_vision": LINK("CLIP_VISION")},
            outputs=("MODEL",), category="ipadapter", display_name="IPAdapter Advanced",
            python_module=IPADAPTER_MODULE),
    NodeDef("ReActorFaceSwap", reactor_swap,
            required={"enabled": BOOLEAN(True, label_off="OFF", label_on="ON"), "input_image": LINK("IMAGE"),
                      "swap_model": COMBO(models_in("insightface")),
                      "facedetection": COMBO(["retinaface_resnet50", "retinaface_mobile0.25", "YOLOv5l", "YOLOv5n"]),
                      "face_restore_model": COMBO(lambda env: ["none", *env.model_names("facerestore_models")]),
                      "face_restore_visibility": FLOAT(1, 0.1, 1, step=0.05),
                      "codeformer_weight": FLOAT(0.5, 0.0, 1, step=0.05),
                      "detect_gender_input": COMBO(["no", "female", "male"], default="no"),
                      "detect_gender_source": COMBO(["no", "female", "male"], default="no"),
                      "input_faces_index": STRING("0"), "source_faces_index": STRING("0"),
                      "console_log_level": COMBO([0, 1, 2], default=1)},
            optional={"source_image": LINK("IMAGE"), "face_model": LINK("FACE_MODEL"),
                      "face_boost": LINK("FACE_BOOST")},
            hidden={"faces_order": "FACES_ORDER"},
            outputs=("IMAGE", "FACE_MODEL", "IMAGE"), output_names=("SWAPPED_IMAGE", "FACE_MODEL", "ORIGINAL_IMAGE"),
            category="🌌 ReActor", display_name="ReActor 🌌 Fast Face Swap", python_module=REACTOR_MODULE),
    NodeDef("InstantIDModelLoader", loader("INSTANTID"),
            required={"instantid_file": COMBO(models_in("instantid"))}, outputs=("INSTANTID",),
            category="InstantID", display_name="Load InstantID Model", python_module=INSTANTID_MODULE),
    NodeDef("InstantIDFaceAnalysis", loader("FACEANALYSIS"),
            required={"provider": COMBO(["CPU", "CUDA", "ROCM", "CoreML"])}, outputs=("FACEANALYSIS",),
            category="InstantID", display_name="InstantID Face Analysis", python_module=INSTANTID_MODULE),
    NodeDef("ApplyInstantID", instantid_apply,
            required={"instantid": LINK("INSTANTID"), "insightface": LINK("FACEANALYSIS"),
                      "control_net": LINK("CONTROL_NET"), "image": LINK("IMAGE"), "model": LINK("MODEL"),
                      "positive": LINK("CONDITIONING"), "negative": LINK("CONDITIONING"),
                      "weight": FLOAT(0.8, 0.0, 5.0), "start_at": FLOAT(0.0, 0.0, 1.0, step=0.001),
                      "end_at": FLOAT(1.0, 0.0, 1.0, step=0.001)},
            optional={"image_kps": LINK("IMAGE"), "mask": LINK("MASK")},
            outputs=("MODEL", "CONDITIONING", "CONDITIONING"), output_names=("MODEL", "positive", "negative"),
            category="InstantID", display_name="Apply InstantID", python_module=INSTANTID_MODULE),
]
CUSTOM_NODES.append(
    NodeDef("ADE_AnimateDiffLoaderGen1", motion_model,
            required={"model": LINK("MODEL"), "model_name": COMBO(models_in("animatediff_models")),
                      "beta_schedule": COMBO(BETA_SCHEDULES, default="autoselect")},
            optional={"context_options": LINK("CONTEXT_OPTIONS"), "motion_lora": LINK("MOTION_LORA"),
                      "ad_settings": LINK("AD_SETTINGS"), "ad_keyframes": LINK("AD_KEYFRAMES"),
                      "sample_settings": LINK("SAMPLE_SETTINGS"), "scale_multival": LINK("MULTIVAL"),
                      "effect_multival": LINK("MULTIVAL"), "per_block": LINK("PER_BLOCK")},
            outputs=("MODEL",), category="Animate Diff 🎭🅐🅓/① Gen1 nodes ①",
            display_name="AnimateDiff Loader 🎭🅐🅓①", python_module=ANIMATEDIFF_MODULE))
CUSTOM_NODE_CLASSES = tuple(node.name for node in CUSTOM_NODES)
