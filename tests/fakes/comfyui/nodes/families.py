"""Model-family nodes the generation templates use: SD3/Flux/HiDream/Qwen image latents and conditioning, and the
Wan, LTX Video, Hunyuan Video and Stable Video Diffusion video nodes. Shapes as a stock 0.3.64 declares them.

Nothing is computed: conditioning and models are named handles, a video latent carries its frame count, and
conditioning from an image takes that image's colour so outputs still depend on the inputs.
"""

from __future__ import annotations

from ..catalog import COMBO, FLOAT, INT, LINK, MAX_RESOLUTION, STRING, NodeContext, NodeDef, NodeResult
from ..values import Images, Latent, ModelHandle
from .models import loader, models_in


def _patched(handle: ModelHandle, *change: object) -> ModelHandle:
    return ModelHandle(handle.kind, handle.name, (*handle.extras, change))


def _colour(images: Images) -> tuple[int, int, int]:
    return images[0].resize((1, 1)).getpixel((0, 0))


async def empty_latent(ctx: NodeContext, width: int, height: int, batch_size: int, length: int = 1) -> NodeResult:
    return NodeResult((Latent(batch_size, width // 8 * 8, height // 8 * 8, frames=length),))


async def guidance(ctx: NodeContext, conditioning: ModelHandle, guidance: float) -> NodeResult:
    return NodeResult((_patched(conditioning, "guidance", guidance),))


async def model_sampling(ctx: NodeContext, model: ModelHandle, **settings: float) -> NodeResult:
    return NodeResult((_patched(model, *sorted(settings.items())),))


async def clip_vision_encode(ctx: NodeContext, clip_vision: ModelHandle, image: Images, crop: str) -> NodeResult:
    return NodeResult((ModelHandle("CLIP_VISION_OUTPUT", clip_vision.name, (_colour(image),)),))


async def qwen_edit_encode(ctx: NodeContext, clip: ModelHandle, prompt: str, vae=None, image=None) -> NodeResult:
    return NodeResult((ModelHandle("CONDITIONING", prompt, (_colour(image),) if image else ()),))


async def video_conditioning(ctx: NodeContext, positive: ModelHandle, negative: ModelHandle, vae: ModelHandle,
                             width: int, height: int, length: int, batch_size: int = 1, start_image=None,
                             image=None, clip_vision_output=None, strength: float = 1.0) -> NodeResult:
    """WanImageToVideo / LTXVImgToVideo: conditioning plus an empty video latent tinted by the start image."""
    first = start_image or image
    tint = _colour(first) if first else (128, 128, 128)
    latent = Latent(batch_size, width // 8 * 8, height // 8 * 8, tint, frames=length)
    return NodeResult((_patched(positive, "image", tint), _patched(negative, "image", tint), latent))


async def ltxv_conditioning(ctx: NodeContext, positive: ModelHandle, negative: ModelHandle,
                            frame_rate: float) -> NodeResult:
    return NodeResult((_patched(positive, "frame_rate", frame_rate), _patched(negative, "frame_rate", frame_rate)))


async def svd_conditioning(ctx: NodeContext, clip_vision: ModelHandle, init_image: Images, vae: ModelHandle,
                           width: int, height: int, video_frames: int, motion_bucket_id: int, fps: int,
                           augmentation_level: float) -> NodeResult:
    tint = _colour(init_image)
    positive = ModelHandle("CONDITIONING", clip_vision.name, (tint, motion_bucket_id, fps))
    negative = ModelHandle("CONDITIONING", clip_vision.name, ())
    return NodeResult((positive, negative, Latent(1, width // 8 * 8, height // 8 * 8, tint, frames=video_frames)))


_LATENT_SIZE = {"width": INT(1024, 16, MAX_RESOLUTION, step=16), "height": INT(1024, 16, MAX_RESOLUTION, step=16),
                "batch_size": INT(1, 1, 4096)}
_VIDEO_SIZE = {"width": INT(832, 16, MAX_RESOLUTION, step=16), "height": INT(480, 16, MAX_RESOLUTION, step=16),
               "length": INT(81, 1, MAX_RESOLUTION, step=4), "batch_size": INT(1, 1, 4096)}
_CONDITIONING_PAIR = {"positive": LINK("CONDITIONING"), "negative": LINK("CONDITIONING")}
_VIDEO_OUTPUTS = ("CONDITIONING", "CONDITIONING", "LATENT")
_VIDEO_OUTPUT_NAMES = ("positive", "negative", "latent")

FAMILY_NODES = [
    NodeDef("EmptySD3LatentImage", empty_latent, required=_LATENT_SIZE, outputs=("LATENT",), category="latent/sd3",
            python_module="comfy_extras.nodes_sd3", v3=True),
    NodeDef("FluxGuidance", guidance,
            required={"conditioning": LINK("CONDITIONING"), "guidance": FLOAT(3.5, 0.0, 100.0, step=0.1)},
            outputs=("CONDITIONING",), category="advanced/conditioning/flux", python_module="comfy_extras.nodes_flux",
            v3=True),
    NodeDef("QuadrupleCLIPLoader", loader("CLIP"),
            required={f"clip_name{i}": COMBO(models_in("text_encoders")) for i in (1, 2, 3, 4)},
            outputs=("CLIP",), category="advanced/loaders", python_module="comfy_extras.nodes_hidream", v3=True),
    NodeDef("ModelSamplingSD3", model_sampling,
            required={"model": LINK("MODEL"), "shift": FLOAT(3.0, 0.0, 100.0, step=0.01)},
            outputs=("MODEL",), category="advanced/model", python_module="comfy_extras.nodes_model_advanced"),
    NodeDef("CLIPVisionEncode", clip_vision_encode,
            required={"clip_vision": LINK("CLIP_VISION"), "image": LINK("IMAGE"), "crop": COMBO(["center", "none"])},
            outputs=("CLIP_VISION_OUTPUT",), category="conditioning", display_name="CLIP Vision Encode"),
    NodeDef("TextEncodeQwenImageEdit", qwen_edit_encode,
            required={"clip": LINK("CLIP"), "prompt": STRING(multiline=True, dynamicPrompts=True)},
            optional={"vae": LINK("VAE"), "image": LINK("IMAGE")},
            outputs=("CONDITIONING",), category="advanced/conditioning", python_module="comfy_extras.nodes_qwen",
            v3=True),
    NodeDef("WanImageToVideo", video_conditioning,
            required={**_CONDITIONING_PAIR, "vae": LINK("VAE"), **_VIDEO_SIZE},
            optional={"clip_vision_output": LINK("CLIP_VISION_OUTPUT"), "start_image": LINK("IMAGE")},
            outputs=_VIDEO_OUTPUTS, output_names=_VIDEO_OUTPUT_NAMES, category="conditioning/video_models",
            python_module="comfy_extras.nodes_wan", v3=True),
    NodeDef("EmptyHunyuanLatentVideo", empty_latent,
            required={**_VIDEO_SIZE, "width": INT(848, 16, MAX_RESOLUTION, step=16),
                      "length": INT(25, 1, MAX_RESOLUTION, step=4)},
            outputs=("LATENT",), category="latent/video", python_module="comfy_extras.nodes_hunyuan", v3=True),
    NodeDef("LTXVConditioning", ltxv_conditioning,
            required={**_CONDITIONING_PAIR, "frame_rate": FLOAT(25.0, 0.0, 1000.0, step=0.01)},
            outputs=("CONDITIONING", "CONDITIONING"), output_names=("positive", "negative"),
            category="conditioning/video_models", python_module="comfy_extras.nodes_lt", v3=True),
    NodeDef("EmptyLTXVLatentVideo", empty_latent,
            required={"width": INT(768, 64, MAX_RESOLUTION, step=32), "height": INT(512, 64, MAX_RESOLUTION, step=32),
                      "length": INT(97, 1, MAX_RESOLUTION, step=8), "batch_size": INT(1, 1, 4096)},
            outputs=("LATENT",), category="latent/video/ltxv", python_module="comfy_extras.nodes_lt", v3=True),
    NodeDef("LTXVImgToVideo", video_conditioning,
            required={**_CONDITIONING_PAIR, "vae": LINK("VAE"), "image": LINK("IMAGE"),
                      "width": INT(768, 64, MAX_RESOLUTION, step=32), "height": INT(512, 64, MAX_RESOLUTION, step=32),
                      "length": INT(97, 9, MAX_RESOLUTION, step=8), "batch_size": INT(1, 1, 4096),
                      "strength": FLOAT(1.0, 0.0, 1.0)},
            outputs=_VIDEO_OUTPUTS, output_names=_VIDEO_OUTPUT_NAMES, category="conditioning/video_models",
            python_module="comfy_extras.nodes_lt", v3=True),
    NodeDef("ImageOnlyCheckpointLoader", loader("MODEL", "CLIP_VISION", "VAE"),
            required={"ckpt_name": COMBO(models_in("checkpoints"))}, outputs=("MODEL", "CLIP_VISION", "VAE"),
            category="loaders/video_models", display_name="Image Only Checkpoint Loader (img2vid model)",
            python_module="comfy_extras.nodes_video_model"),
    NodeDef("SVD_img2vid_Conditioning", svd_conditioning,
            required={"clip_vision": LINK("CLIP_VISION"), "init_image": LINK("IMAGE"), "vae": LINK("VAE"),
                      "width": INT(1024, 16, MAX_RESOLUTION, step=8), "height": INT(576, 16, MAX_RESOLUTION, step=8),
                      "video_frames": INT(14, 1, 4096), "motion_bucket_id": INT(127, 1, 1023),
                      "fps": INT(6, 1, 1024), "augmentation_level": FLOAT(0.0, 0.0, 10.0)},
            outputs=_VIDEO_OUTPUTS, output_names=_VIDEO_OUTPUT_NAMES, category="conditioning/video_models",
            python_module="comfy_extras.nodes_video_model"),
    NodeDef("VideoLinearCFGGuidance", model_sampling,
            required={"model": LINK("MODEL"), "min_cfg": FLOAT(1.0, 0.0, 100.0, step=0.5, round=0.01)},
            outputs=("MODEL",), category="sampling/video_models", python_module="comfy_extras.nodes_video_model"),
]
