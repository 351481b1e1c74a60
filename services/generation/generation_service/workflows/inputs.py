"""What a generation is made of: the request, the clip's prompts, the character, the style template and the
model type's preset, resolved into one `GenerationInput` that a template compiles.

Plain dataclasses, so the engine maps protos to them and this library stays free of gRPC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from .errors import Problem, WorkflowError
from .params import GenerationParams, parse_params

IMAGE, VIDEO = "image", "video"
FACE_METHODS = ("ip_adapter", "reactor", "instantid")
# Keys of params that may carry the input image for img2img, image-to-video or upscale (contract 1.13).
INPUT_IMAGE_KEYS = ("input_reference_url", "init_image", "input_image")
FACE_IMAGE_KEYS = ("reactor_face_image", "face_image")


@dataclass(frozen=True)
class LoraRef:
    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class Preset:
    """A model type's preset (contract 3.6), as the comfyui service reports it."""

    model_type: str
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
    extras: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Character:
    name: str
    trigger_words: str = ""
    description: str = ""
    style_notes: str = ""
    generation_method: str = "ip_adapter"  # one of FACE_METHODS or "lora"
    lora: str | None = None
    face_image: str | None = None
    reference_images: tuple[str, ...] = ()
    generation_params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StyleTemplate:
    model: str | None = None
    negative_prompt: str = ""
    loras: tuple[LoraRef, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ClipPrompts:
    image_prompt: str = ""
    video_prompt: str = ""


@dataclass(frozen=True)
class GenerationRequest:
    kind: str = IMAGE
    prompt: str | None = None
    negative_prompt: str | None = None
    model: str | None = None
    params: GenerationParams = field(default_factory=GenerationParams)
    loras: tuple[LoraRef, ...] = ()
    # A template chosen by id (for example "upscale"); None lets the library choose by kind and model type.
    template_id: str | None = None


@dataclass(frozen=True)
class GenerationInput:
    """Everything a template needs, resolved: no preset value is missing and the seed is chosen by the caller."""

    kind: str
    model: str
    model_type: str
    prompt: str
    negative_prompt: str
    params: GenerationParams
    loras: tuple[LoraRef, ...] = ()
    max_loras: int = 0
    input_image: str | None = None
    face_method: str | None = None
    face_image: str | None = None
    reference_images: tuple[str, ...] = ()
    template_id: str | None = None
    preset_extras: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # Files written by save nodes start with this; the engine sets "storyboard/<attempt_id>" (protocol 2).
    output_prefix: str = "storyboard/output"


def choose_model(request: GenerationRequest, style_template: StyleTemplate | None) -> str | None:
    """The model the job runs: the request's, else the style template's. The caller detects its type."""
    return request.model or (style_template.model if style_template else None) or None


def character_text(character: Character) -> str:
    """The character text T of contract 3.3."""
    text = f"{character.trigger_words.strip()} {character.name}".strip()
    if character.description.strip():
        text += ", " + character.description.strip()
    if character.style_notes.strip():
        text += ". Style: " + character.style_notes.strip()
    return text


def apply_character(prompt: str, character: Character) -> str:
    """Contract 3.3: prefix T once; a prompt that already starts with "T." stays as it is."""
    text = character_text(character)
    if prompt.startswith(text + "."):
        return prompt
    return f"{text}. {prompt}".strip()


def resolve_input(request: GenerationRequest, clip_prompts: ClipPrompts | None, character: Character | None,
                  style_template: StyleTemplate | None, preset: Preset) -> GenerationInput:
    """Merges everything a job is made of; raises WorkflowError naming every problem."""
    problems: list[Problem] = []
    model = choose_model(request, style_template)
    if not model:
        problems.append(Problem("model", "is required (neither the request nor the style template names one)"))
    params = _layered_params(request, character, style_template, preset, problems)

    prompt = (request.prompt or "").strip()
    if not prompt and clip_prompts:
        first, second = clip_prompts.image_prompt, clip_prompts.video_prompt
        prompt = ((second or first) if request.kind == VIDEO else (first or second)).strip()
    if character:
        prompt = apply_character(prompt, character)
    if not prompt and not params.use_custom_workflow:
        problems.append(Problem("prompt", "is required (the clip has no prompt for this kind)"))

    negative = request.negative_prompt
    if negative is None:
        negative = (style_template.negative_prompt if style_template else "") or \
            str(preset.extras.get("negative_prompt_default", ""))

    loras = _loras(request, character, style_template)
    for lora in loras:
        if not 1 <= len(lora.name) <= 255:
            problems.append(Problem("loras", f"a LoRA name must be 1-255 characters: {lora.name[:40]!r}"))
        if not -5.0 <= lora.weight <= 5.0:
            problems.append(Problem("loras", f"weight of {lora.name!r} must be between -5 and 5"))
    limit = preset.max_loras if preset.supports_lora else 0
    if len(loras) > limit and not params.use_custom_workflow:
        problems.append(Problem("loras", f"{preset.model_type} takes at most {limit} LoRAs, got {len(loras)}", 400))

    face_method = face_image = None
    references: tuple[str, ...] = ()
    if character and character.generation_method in FACE_METHODS:
        face_method = character.generation_method
        references = tuple(character.reference_images)
        # IP-Adapter conditions on the reference images; ReActor and InstantID work from the face image.
        preferred = (*references, character.face_image) if face_method == "ip_adapter" else \
            (character.face_image, *references)
        face_image = next((image for image in preferred if image), None)
    face_image = _first(params.extra, FACE_IMAGE_KEYS) or face_image
    if problems:
        raise WorkflowError(problems)
    return GenerationInput(
        kind=request.kind, model=model or "", model_type=preset.model_type, prompt=prompt,
        negative_prompt=negative, params=params, loras=loras, max_loras=limit,
        input_image=_first(params.extra, INPUT_IMAGE_KEYS), face_method=face_method if face_image else None,
        face_image=face_image, reference_images=references, template_id=request.template_id,
        preset_extras=MappingProxyType(dict(preset.extras)))


def _layered_params(request: GenerationRequest, character: Character | None, style_template: StyleTemplate | None,
                    preset: Preset, problems: list[Problem]) -> GenerationParams:
    """Preset, then style template params, then character params, then the request: later given keys win."""
    base = GenerationParams(steps=preset.steps, cfg=preset.cfg, width=preset.width, height=preset.height,
                            sampler=preset.sampler, scheduler=preset.scheduler, video_fps=preset.video_fps,
                            video_frames=preset.video_frames)
    for source, raw in (("style_template.params", style_template.params if style_template else None),
                        ("character.generation_params", character.generation_params if character else None)):
        if not raw:
            continue
        try:
            base = base.overlay(parse_params(raw))
        except WorkflowError as error:
            problems.extend(replace(p, key=f"{source}.{p.key}") for p in error.problems)
    return base.overlay(request.params)


def _loras(request: GenerationRequest, character: Character | None,
           style_template: StyleTemplate | None) -> tuple[LoraRef, ...]:
    """Style template LoRAs, then the character's, then the request's; a name listed again keeps its last weight."""
    chosen: dict[str, LoraRef] = {}
    candidates = [*(style_template.loras if style_template else ()),
                  *([LoraRef(character.lora)] if character and character.lora else []), *request.loras]
    for lora in candidates:
        chosen.pop(lora.name, None)
        chosen[lora.name] = lora
    return tuple(chosen.values())


def _first(extra: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    return next((extra[k] for k in keys if isinstance(extra.get(k), str) and extra[k]), None)
