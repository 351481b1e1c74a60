from __future__ import annotations

from typing import Any

from google.protobuf.struct_pb2 import ListValue, Struct
from storyboard.comfyui.v1 import comfyui_service_pb2 as pb

from api_gateway.schemas.models import ModelTypeSummary, Preset

GENERATION_TYPE_NAMES = {pb.GENERATION_TYPE_IMAGE: "image", pb.GENERATION_TYPE_VIDEO: "video"}


def _number(value: float) -> int | float:
    """Whole numbers as JSON integers (24, not 24.0), as the older backend wrote fps."""
    return int(value) if float(value).is_integer() else value


def _plain(value: Any) -> Any:
    if isinstance(value, Struct):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, ListValue):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return _number(value)
    return value


def preset_public(p: pb.ModelPreset) -> Preset:
    """The contract's flat preset object: the fixed keys, then the type's extras."""
    return {
        "steps": p.steps, "cfg": p.cfg, "width": p.width, "height": p.height, "sampler": p.sampler,
        "scheduler": p.scheduler, "max_loras": p.max_loras, "video_fps": _number(p.video_fps),
        "video_frames": p.video_frames, "supports_lora": p.supports_lora,
        "supports_refiner": p.supports_refiner,
        **{k: _plain(v) for k, v in p.extras.items()},
    }


def model_type_summary(t: pb.ModelType) -> ModelTypeSummary:
    return ModelTypeSummary(presets=list(t.preset_names), display_name=t.display_name,
                            generation_types=[GENERATION_TYPE_NAMES[g] for g in t.generation_types
                                              if g in GENERATION_TYPE_NAMES])
