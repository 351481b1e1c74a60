"""Builders shared by the workflow tests: presets as the comfyui service reports them, and one input per template."""

from __future__ import annotations

from dataclasses import replace

from generation_service.workflows import GenerationInput, GenerationParams, GenerationRequest, Preset, resolve_input
from generation_service.workflows.requirements import TemplateInfo

# A few rows of contract 3.6 (fast presets).
PRESETS = {
    "sd15": Preset("sd15", 20, 7.0, 512, 512, "euler_ancestral", "normal", 5, 8, 16),
    "sdxl": Preset("sdxl", 15, 6.0, 1024, 1024, "dpmpp_2m", "karras", 5, 12, 14),
    "pony": Preset("pony", 12, 6.5, 1024, 1024, "euler_ancestral", "normal", 4, 12, 14,
                   extras={"negative_prompt_default": "low quality, blurry, distorted"}),
    "flux_dev": Preset("flux_dev", 8, 2.0, 1024, 1024, "euler", "simple", 3, 24, 14),
    "wan_2_1": Preset("wan_2_1", 15, 7.0, 512, 512, "ddim", "normal", 3, 24, 14,
                      extras={"requires_vae": "wan_2.1_vae.safetensors", "text_encoder": "clip_l.safetensors"}),
    "ltx_video": Preset("ltx_video", 10, 2.5, 768, 768, "euler", "simple", 0, 24, 41, supports_lora=False),
    "qwen_edit": Preset("qwen_edit", 8, 4.5, 1024, 1024, "euler", "simple", 0, 12, 14, supports_lora=False),
}
GENERIC = Preset("generic", 10, 5.0, 512, 512, "euler", "simple", 3, 8, 9)


def preset_for(model_type: str) -> Preset:
    return PRESETS.get(model_type) or replace(GENERIC, model_type=model_type)


def model_for(template: TemplateInfo, model_type: str | None = None) -> tuple[str, str]:
    """A model name and its type that the template serves."""
    if template.model_name_contains:
        return f"{template.model_name_contains[0]}_xt_1.1.safetensors", "sdxl"
    model_type = model_type or (template.model_types[-1] if template.model_types else "sdxl")
    return f"model-{model_type}.safetensors", model_type


def input_for(template: TemplateInfo, *, seed: int = 42, explicit: bool = True, small: bool = True,
              model_type: str | None = None, **params: object) -> GenerationInput:
    """A resolved input that selects `template` (by id when `explicit`), small enough to run on the fake."""
    model, model_type = model_for(template, model_type)
    raw: dict[str, object] = {"seed": seed}
    if small:
        raw.update(width=64, height=64, steps=2, video_frames=9)
    if "input_image" in template.needs:
        raw["input_reference_url"] = "/uploads/generated/ab/input.png"
    raw.update(params)
    request = GenerationRequest(kind=template.kind, prompt="a red fox", model=model,
                                params=_parse(raw), template_id=template.id if explicit else None)
    inp = resolve_input(request, None, None, None, preset_for(model_type))
    if "face_image" in template.needs:
        inp = replace(inp, face_method=template.face_method, face_image="/uploads/faces/cd/face.png")
    return inp


def _parse(raw: dict) -> GenerationParams:
    from generation_service.workflows import parse_params
    return parse_params(raw)
