"""Model-type detection and generation presets (REST contract 3.6), as data. Pure: no I/O, no grpc."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

DEFAULT_MODEL_TYPE = "sdxl"
PRESET_NAMES = ("fast", "quality")


@dataclass(frozen=True)
class Preset:
    steps: int
    cfg: float
    width: int
    height: int
    sampler: str
    scheduler: str
    max_loras: int
    video_fps: float
    video_frames: int
    supports_lora: bool = True
    supports_refiner: bool = False
    extras: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class ModelType:
    id: str
    display_name: str
    generation_types: tuple[str, ...]
    fast: Preset
    quality: Preset

    def preset(self, name: str) -> Preset:
        """"quality", or "fast" for anything else (the contract's fallback for unknown names)."""
        return self.quality if name == "quality" else self.fast


@dataclass(frozen=True)
class _Row:
    id: str
    display_name: str
    generation_types: tuple[str, ...]
    # steps / cfg / size / sampler / scheduler / max_loras / fps / frames, as in the contract's table.
    fast: tuple[int, float, int, str, str, int, float, int]
    # steps / cfg / sampler / scheduler / frames; size, fps and max_loras come from fast.
    quality: tuple[int, float, str, str, int]
    supports_lora: bool = True
    supports_refiner: bool = False
    extras: Mapping[str, Any] = field(default_factory=dict)
    fast_only_extras: Mapping[str, Any] = field(default_factory=dict)


_NEGATIVE_DEFAULT = {"negative_prompt_default": "low quality, blurry, distorted"}

_ROWS = (
    _Row("flux_dev", "Flux Dev", ("image",), (8, 2.0, 1024, "euler", "simple", 3, 24, 14),
         (28, 3.5, "euler", "simple", 25)),
    _Row("flux_krea", "Flux Krea", ("image",), (4, 1.0, 1024, "euler", "simple", 2, 24, 14),
         (8, 1.5, "euler", "simple", 25)),
    _Row("sdxl", "SDXL", ("image",), (15, 6.0, 1024, "dpmpp_2m", "karras", 5, 12, 14),
         (35, 7.5, "dpmpp_2m", "karras", 25), supports_refiner=True),
    _Row("pony", "Pony", ("image",), (12, 6.5, 1024, "euler_ancestral", "normal", 4, 12, 14),
         (28, 7.0, "dpmpp_2m", "karras", 25), extras=_NEGATIVE_DEFAULT),
    _Row("illustrious", "Illustrious", ("image",), (12, 6.0, 1024, "euler_ancestral", "normal", 4, 12, 14),
         (28, 7.0, "dpmpp_2m", "karras", 25), extras=_NEGATIVE_DEFAULT),
    _Row("sd15", "SD 1.5", ("image", "video"), (20, 7.0, 512, "euler_ancestral", "normal", 5, 8, 16),
         (30, 7.5, "dpmpp_2m", "karras", 16)),
    _Row("wan_2_1", "Wan 2.1", ("video",), (15, 7.0, 512, "ddim", "normal", 3, 24, 14),
         (25, 7.5, "ddim", "normal", 25),
         extras={"requires_vae": "wan_2.1_vae.safetensors", "text_encoder": "clip_l.safetensors"}),
    _Row("wan_2_2", "Wan 2.2", ("video",), (8, 6.5, 768, "euler", "simple", 2, 24, 14),
         (20, 7.5, "dpmpp_2m", "karras", 25),
         extras={"requires_high_noise_model": True, "requires_low_noise_model": True,
                 "requires_vae": "wan2.2_vae.safetensors",
                 "text_encoder": "umt5_xxl_fp8_e4m3fn_scaled.safetensors"},
         fast_only_extras={"lightning_lora": "wan2.2_i2v_lightx2v_4steps_lora_v1"}),
    _Row("ltx_video", "LTX Video", ("video",), (10, 2.5, 768, "euler", "simple", 0, 24, 41),
         (20, 3.0, "dpmpp_2m", "karras", 81), supports_lora=False),
    _Row("hunyuan_video", "Hunyuan Video", ("video",), (15, 6.0, 512, "euler", "simple", 2, 24, 16),
         (30, 7.5, "euler", "simple", 32)),
    _Row("hidream", "HiDream", ("image",), (12, 5.0, 1024, "euler_ancestral", "karras", 3, 12, 14),
         (25, 6.5, "dpmpp_2m", "karras", 25)),
    _Row("qwen_image", "Qwen Image", ("image",), (10, 5.5, 1024, "euler_ancestral", "normal", 2, 12, 14),
         (20, 7.0, "dpmpp_2m", "karras", 25), extras={"specializes_in": "text_rendering"}),
    _Row("qwen_edit", "Qwen Edit", ("image",), (8, 4.5, 1024, "euler", "simple", 0, 12, 14),
         (15, 6.0, "dpmpp_2m", "karras", 25), supports_lora=False,
         extras={"specializes_in": "image_editing"}),
)


def _model_type(row: _Row) -> ModelType:
    steps, cfg, size, sampler, scheduler, max_loras, fps, frames = row.fast
    fast = Preset(steps, cfg, size, size, sampler, scheduler, max_loras, fps, frames, row.supports_lora,
                  row.supports_refiner, MappingProxyType({**row.extras, **row.fast_only_extras}))
    q_steps, q_cfg, q_sampler, q_scheduler, q_frames = row.quality
    quality = replace(fast, steps=q_steps, cfg=q_cfg, sampler=q_sampler, scheduler=q_scheduler,
                      video_frames=q_frames, extras=MappingProxyType(dict(row.extras)))
    return ModelType(row.id, row.display_name, row.generation_types, fast, quality)


MODEL_TYPES: Mapping[str, ModelType] = MappingProxyType({row.id: _model_type(row) for row in _ROWS})


@dataclass(frozen=True)
class _Rule:
    """Matches when the name contains every `all_of` word and, if `any_of` is set, at least one of those."""

    model_type: str
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()

    def matches(self, name: str) -> bool:
        if not all(w in name for w in self.all_of):
            return False
        return not self.any_of or any(w in name for w in self.any_of)


# The contract's order: the first match wins (so "ponyDiffusionV6XL" is pony, not sdxl).
DETECTION_RULES = (
    _Rule("flux_krea", ("flux", "krea")),
    _Rule("flux_dev", ("flux",)),
    _Rule("pony", ("pony",)),
    _Rule("illustrious", ("illustrious",)),
    _Rule("wan_2_2", ("wan",), ("2.2", "2_2", "22")),
    _Rule("wan_2_1", ("wan",)),
    _Rule("ltx_video", ("ltx",)),
    _Rule("hunyuan_video", ("hunyuan",)),
    _Rule("hidream", ("hidream",)),
    _Rule("qwen_edit", ("qwen", "edit")),
    _Rule("qwen_image", ("qwen",)),
    _Rule("sdxl", any_of=("sdxl", "xl")),
    _Rule("sd15", any_of=("sd15", "sd_15", "sd-15", "sd1.5", "v1-5", "v1.5", "1.5")),
)


def basename(model_name: str) -> str:
    """The file name without folders; ComfyUI on Windows lists subfolders with backslashes."""
    return model_name.replace("\\", "/").rsplit("/", 1)[-1]


def detect_model_type(model_name: str) -> str:
    name = basename(model_name).lower()
    return next((rule.model_type for rule in DETECTION_RULES if rule.matches(name)), DEFAULT_MODEL_TYPE)


def model_type_for(model_name: str) -> ModelType:
    return MODEL_TYPES[detect_model_type(model_name)]
