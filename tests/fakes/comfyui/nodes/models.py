"""Cheap stand-ins for the model pipeline: loaders, text encoding, latents, KSampler, VAE, upscaling.

Loaders only check that the file is listed (validation does that); nothing is loaded. KSampler reports one
`progress` per step (1..steps, as comfy's sampler callback does) and tints its latent from the seed and
prompt, so different seeds give visibly different images.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from PIL import Image

from ..catalog import (
    COMBO,
    FLOAT,
    INT,
    LINK,
    MAX_RESOLUTION,
    STRING,
    Environment,
    ModelFolder,
    NodeContext,
    NodeDef,
    NodeResult,
)
from ..values import Images, Latent, ModelHandle

SAMPLERS = [
    "euler",
    "euler_cfg_pp",
    "euler_ancestral",
    "euler_ancestral_cfg_pp",
    "heun",
    "heunpp2",
    "dpm_2",
    "dpm_2_ancestral",
    "lms",
    "dpm_fast",
    "dpm_adaptive",
    "dpmpp_2s_ancestral",
    "dpmpp_2s_ancestral_cfg_pp",
    "dpmpp_sde",
    "dpmpp_sde_gpu",
    "dpmpp_2m",
    "dpmpp_2m_cfg_pp",
    "dpmpp_2m_sde",
    "dpmpp_2m_sde_gpu",
    "dpmpp_2m_sde_heun",
    "dpmpp_2m_sde_heun_gpu",
    "dpmpp_3m_sde",
    "dpmpp_3m_sde_gpu",
    "ddpm",
    "lcm",
    "ipndm",
    "ipndm_v",
    "deis",
    "res_multistep",
    "res_multistep_cfg_pp",
    "res_multistep_ancestral",
    "res_multistep_ancestral_cfg_pp",
    "gradient_estimation",
    "gradient_estimation_cfg_pp",
    "er_sde",
    "seeds_2",
    "seeds_3",
    "sa_solver",
    "sa_solver_pece",
    "ddim",
    "uni_pc",
    "uni_pc_bh2",
]
SCHEDULERS = [
    "simple",
    "sgm_uniform",
    "karras",
    "exponential",
    "ddim_uniform",
    "beta",
    "normal",
    "linear_quadratic",
    "kl_optimal",
]
CLIP_TYPES = [
    "stable_diffusion",
    "stable_cascade",
    "sd3",
    "stable_audio",
    "mochi",
    "ltxv",
    "pixart",
    "cosmos",
    "lumina2",
    "wan",
    "hidream",
    "chroma",
    "ace",
    "omnigen2",
    "qwen_image",
    "hunyuan_image",
]
DUAL_CLIP_TYPES = ["sdxl", "sd3", "flux", "hunyuan_video", "hidream", "hunyuan_image"]
TAESD_VARIANTS = ("taesd", "taesdxl", "taesd3", "taef1")


def models_in(folder: str) -> ModelFolder:
    return ModelFolder(folder)


def vae_choices(env: Environment) -> list[str]:
    """VAELoader also offers TAESD variants whose encoder and decoder sit in vae_approx/, and pixel_space."""
    names = env.model_names("vae")
    approx = env.model_names("vae_approx")
    for variant in TAESD_VARIANTS:
        if any(n.startswith(f"{variant}_encoder.") for n in approx) and any(
            n.startswith(f"{variant}_decoder.") for n in approx
        ):
            names.append(variant)
    return [*names, "pixel_space"]


def _tint(*parts: object) -> tuple[int, int, int]:
    digest = hashlib.sha256(repr(parts).encode()).digest()
    return (digest[0], digest[1], digest[2])


def loader(kind: str, *extra_kinds: str):
    async def load(ctx: NodeContext, **inputs) -> NodeResult:
        name = " + ".join(str(value) for key, value in sorted(inputs.items()) if "name" in key)
        return NodeResult(tuple(ModelHandle(k, name) for k in (kind, *extra_kinds)))

    return load


async def lora_loader(
    ctx: NodeContext, model, lora_name: str, strength_model: float, clip=None, strength_clip=0.0
):
    patched = ModelHandle("MODEL", model.name, (*model.extras, (lora_name, strength_model)))
    if clip is None:
        return NodeResult((patched,))
    return NodeResult((patched, ModelHandle("CLIP", clip.name, (*clip.extras, (lora_name, strength_clip)))))


async def clip_text_encode(ctx: NodeContext, text: str, clip: ModelHandle) -> NodeResult:
    return NodeResult((ModelHandle("CONDITIONING", text),))


async def empty_latent_image(ctx: NodeContext, width: int, height: int, batch_size: int) -> NodeResult:
    return NodeResult((Latent(batch_size, width // 8 * 8, height // 8 * 8),))


async def ksampler(
    ctx: NodeContext,
    model,
    seed,
    steps,
    cfg,
    sampler_name,
    scheduler,
    positive,
    negative,
    latent_image: Latent,
    denoise: float,
) -> NodeResult:
    for step in range(steps):
        await ctx.step(step + 1, steps)
    tint = _tint(model, seed, positive, negative, cfg, sampler_name, scheduler, denoise)
    return NodeResult((replace(latent_image, tint=tint),))


async def ksampler_advanced(
    ctx: NodeContext,
    model,
    add_noise,
    noise_seed,
    steps,
    cfg,
    sampler_name,
    scheduler,
    positive,
    negative,
    latent_image: Latent,
    start_at_step: int,
    end_at_step: int,
    return_with_leftover_noise: str,
) -> NodeResult:
    last = min(end_at_step, steps)
    for step in range(start_at_step, last):
        await ctx.step(step - start_at_step + 1, max(last - start_at_step, 1))
    tint = _tint(latent_image.tint, model, noise_seed, positive, negative, cfg, start_at_step, last)
    return NodeResult((replace(latent_image, tint=tint),))


async def vae_decode(ctx: NodeContext, samples: Latent, vae: ModelHandle) -> NodeResult:
    image = Image.new("RGB", (samples.width, samples.height), samples.tint)
    return NodeResult((Images([image] * (samples.batch_size * samples.frames)),))


async def vae_encode(ctx: NodeContext, pixels: Images, vae: ModelHandle) -> NodeResult:
    first = pixels[0]
    tint = first.resize((1, 1)).getpixel((0, 0))
    return NodeResult((Latent(len(pixels), first.width // 8 * 8, first.height // 8 * 8, tint),))


async def image_upscale_with_model(ctx: NodeContext, upscale_model: ModelHandle, image: Images) -> NodeResult:
    scaled = await ctx.compute(lambda: [f.resize((f.width * 2, f.height * 2)) for f in image])
    return NodeResult((Images(scaled),))


CKPT_TOOLTIP = "The name of the checkpoint (model) to load."
_device = {"device": COMBO(["default", "cpu"], advanced=True)}

MODEL_NODES = [
    NodeDef(
        "CheckpointLoaderSimple",
        loader("MODEL", "CLIP", "VAE"),
        required={"ckpt_name": COMBO(models_in("checkpoints"), tooltip=CKPT_TOOLTIP)},
        outputs=("MODEL", "CLIP", "VAE"),
        output_tooltips=(
            "The model used for denoising latents.",
            "The CLIP model used for encoding text prompts.",
            "The VAE model used for encoding and decoding images to and from latent space.",
        ),
        category="loaders",
        display_name="Load Checkpoint",
        description="Loads a diffusion model checkpoint, diffusion models are used to denoise latents.",
    ),
    NodeDef(
        "LoraLoader",
        lora_loader,
        required={
            "model": LINK("MODEL"),
            "clip": LINK("CLIP"),
            "lora_name": COMBO(models_in("loras")),
            "strength_model": FLOAT(1.0, -100.0, 100.0),
            "strength_clip": FLOAT(1.0, -100.0, 100.0),
        },
        outputs=("MODEL", "CLIP"),
        category="loaders",
        display_name="Load LoRA",
    ),
    NodeDef(
        "LoraLoaderModelOnly",
        lora_loader,
        required={
            "model": LINK("MODEL"),
            "lora_name": COMBO(models_in("loras")),
            "strength_model": FLOAT(1.0, -100.0, 100.0),
        },
        outputs=("MODEL",),
        category="loaders",
    ),
    NodeDef(
        "VAELoader",
        loader("VAE"),
        required={"vae_name": COMBO(vae_choices)},
        outputs=("VAE",),
        category="loaders",
        display_name="Load VAE",
    ),
    NodeDef(
        "UNETLoader",
        loader("MODEL"),
        required={
            "unet_name": COMBO(models_in("diffusion_models")),
            "weight_dtype": COMBO(["default", "fp8_e4m3fn", "fp8_e4m3fn_fast", "fp8_e5m2"]),
        },
        outputs=("MODEL",),
        category="advanced/loaders",
        display_name="Load Diffusion Model",
    ),
    NodeDef(
        "CLIPLoader",
        loader("CLIP"),
        required={"clip_name": COMBO(models_in("text_encoders")), "type": COMBO(CLIP_TYPES)},
        optional=_device,
        outputs=("CLIP",),
        category="advanced/loaders",
        display_name="Load CLIP",
    ),
    NodeDef(
        "DualCLIPLoader",
        loader("CLIP"),
        required={
            "clip_name1": COMBO(models_in("text_encoders")),
            "clip_name2": COMBO(models_in("text_encoders")),
            "type": COMBO(DUAL_CLIP_TYPES),
        },
        optional=_device,
        outputs=("CLIP",),
        category="advanced/loaders",
    ),
    NodeDef(
        "TripleCLIPLoader",
        loader("CLIP"),
        required={f"clip_name{i}": COMBO(models_in("text_encoders")) for i in (1, 2, 3)},
        outputs=("CLIP",),
        category="advanced/loaders",
        python_module="comfy_extras.nodes_sd3",
        v3=True,
    ),
    NodeDef(
        "UpscaleModelLoader",
        loader("UPSCALE_MODEL"),
        required={"model_name": COMBO(models_in("upscale_models"))},
        outputs=("UPSCALE_MODEL",),
        category="loaders",
        display_name="Load Upscale Model",
        python_module="comfy_extras.nodes_upscale_model",
        v3=True,
    ),
    NodeDef(
        "CLIPVisionLoader",
        loader("CLIP_VISION"),
        required={"clip_name": COMBO(models_in("clip_vision"))},
        outputs=("CLIP_VISION",),
        category="loaders",
        display_name="Load CLIP Vision",
    ),
    NodeDef(
        "ControlNetLoader",
        loader("CONTROL_NET"),
        required={"control_net_name": COMBO(models_in("controlnet"))},
        outputs=("CONTROL_NET",),
        category="loaders",
        display_name="Load ControlNet Model",
    ),
    NodeDef(
        "CLIPTextEncode",
        clip_text_encode,
        required={"text": STRING(multiline=True, dynamicPrompts=True), "clip": LINK("CLIP")},
        outputs=("CONDITIONING",),
        category="conditioning",
        display_name="CLIP Text Encode (Prompt)",
    ),
    NodeDef(
        "EmptyLatentImage",
        empty_latent_image,
        required={
            "width": INT(512, 16, MAX_RESOLUTION, step=8),
            "height": INT(512, 16, MAX_RESOLUTION, step=8),
            "batch_size": INT(1, 1, 4096, step=None),
        },
        outputs=("LATENT",),
        category="latent",
        display_name="Empty Latent Image",
    ),
    NodeDef(
        "KSampler",
        ksampler,
        required={
            "model": LINK("MODEL"),
            "seed": INT(0, 0, 0xFFFFFFFFFFFFFFFF, step=None, control_after_generate=True),
            "steps": INT(20, 1, 10000),
            "cfg": FLOAT(8.0, 0.0, 100.0, step=0.1, round=0.01),
            "sampler_name": COMBO(SAMPLERS),
            "scheduler": COMBO(SCHEDULERS),
            "positive": LINK("CONDITIONING"),
            "negative": LINK("CONDITIONING"),
            "latent_image": LINK("LATENT"),
            "denoise": FLOAT(1.0, 0.0, 1.0),
        },
        outputs=("LATENT",),
        category="sampling",
        native_progress=True,
    ),
    NodeDef(
        "KSamplerAdvanced",
        ksampler_advanced,
        required={
            "model": LINK("MODEL"),
            "add_noise": COMBO(["enable", "disable"]),
            "noise_seed": INT(0, 0, 0xFFFFFFFFFFFFFFFF, step=None, control_after_generate=True),
            "steps": INT(20, 1, 10000),
            "cfg": FLOAT(8.0, 0.0, 100.0, step=0.1, round=0.01),
            "sampler_name": COMBO(SAMPLERS),
            "scheduler": COMBO(SCHEDULERS),
            "positive": LINK("CONDITIONING"),
            "negative": LINK("CONDITIONING"),
            "latent_image": LINK("LATENT"),
            "start_at_step": INT(0, 0, 10000),
            "end_at_step": INT(10000, 0, 10000),
            "return_with_leftover_noise": COMBO(["disable", "enable"]),
        },
        outputs=("LATENT",),
        category="sampling",
        display_name="KSampler (Advanced)",
        native_progress=True,
    ),
    NodeDef(
        "VAEDecode",
        vae_decode,
        required={"samples": LINK("LATENT"), "vae": LINK("VAE")},
        outputs=("IMAGE",),
        category="latent",
        display_name="VAE Decode",
    ),
    NodeDef(
        "VAEEncode",
        vae_encode,
        required={"pixels": LINK("IMAGE"), "vae": LINK("VAE")},
        outputs=("LATENT",),
        category="latent",
        display_name="VAE Encode",
    ),
    NodeDef(
        "ImageUpscaleWithModel",
        image_upscale_with_model,
        required={"upscale_model": LINK("UPSCALE_MODEL"), "image": LINK("IMAGE")},
        outputs=("IMAGE",),
        category="image/upscaling",
        display_name="Upscale Image (using Model)",
        python_module="comfy_extras.nodes_upscale_model",
        v3=True,
    ),
]
