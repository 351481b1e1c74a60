"""Compiles a resolved GenerationInput into a ComfyUI API-format prompt.

Chooses the template (or takes the custom graph), fills its placeholders with JSON values, wires one LoRA loader
per LoRA, names the input images the engine must upload first, and lists the node classes and model files the
target server must have.
"""

from __future__ import annotations

import copy
import hashlib
import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .errors import Problem, WorkflowError
from .inputs import VIDEO, GenerationInput
from .templates import INPUT_ROLES, PLACEHOLDER, Template, builtin_templates

CUSTOM_TEMPLATE_ID = "custom"
UPLOAD_SUBFOLDER = "storyboard"
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp")
# Preset extras (contract 3.6) that name a file a template loads.
PRESET_FILES = {"requires_vae": "VAE", "text_encoder": "TEXT_ENCODER"}
# Model inputs of stock loaders (protocol 3.7), to list the files a custom graph loads.
LOADER_INPUTS = {
    ("CheckpointLoaderSimple", "ckpt_name"): "checkpoints", ("ImageOnlyCheckpointLoader", "ckpt_name"): "checkpoints",
    ("LoraLoader", "lora_name"): "loras", ("LoraLoaderModelOnly", "lora_name"): "loras",
    ("VAELoader", "vae_name"): "vae", ("UNETLoader", "unet_name"): "diffusion_models",
    ("CLIPLoader", "clip_name"): "text_encoders", ("DualCLIPLoader", "clip_name1"): "text_encoders",
    ("DualCLIPLoader", "clip_name2"): "text_encoders", ("CLIPVisionLoader", "clip_name"): "clip_vision",
    ("UpscaleModelLoader", "model_name"): "upscale_models", ("ControlNetLoader", "control_net_name"): "controlnet",
}
NOT_FILES = {"vae": {"pixel_space", "taesd", "taesdxl", "taesd3", "taef1"}}


@dataclass(frozen=True)
class Upload:
    """An input image the graph reads: upload `source` (a media URL) as `subfolder/filename` before submit."""

    role: str  # "input_image" or "face_image"
    source: str
    subfolder: str
    filename: str

    @property
    def graph_name(self) -> str:
        """How `LoadImage.image` names it (protocol 3.10)."""
        return f"{self.subfolder}/{self.filename}"


@dataclass(frozen=True)
class CompiledWorkflow:
    graph: dict[str, Any]
    template_id: str
    template_version: int
    required_nodes: frozenset[str]
    required_models: Mapping[str, frozenset[str]]
    uploads: tuple[Upload, ...] = ()
    output_kind: str = "image"
    resolved: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def upload_for(role: str, source: str) -> Upload:
    """A stable name per source, so a retry re-uploads under the same name (ComfyUI keeps identical bytes)."""
    extension = posixpath.splitext(source.split("?", 1)[0])[1].lower()
    digest = hashlib.sha256(source.encode()).hexdigest()[:24]
    return Upload(role, source, UPLOAD_SUBFOLDER, digest + (extension if extension in IMAGE_EXTENSIONS else ".png"))


def select_template(inp: GenerationInput, templates: Mapping[str, Template] | None = None) -> Template:
    """The template for this input: the one asked for by id, else by kind, inputs, face method and model."""
    templates = builtin_templates() if templates is None else templates
    if inp.template_id:
        template = templates.get(inp.template_id)
        if template is None:
            raise WorkflowError([Problem("template_id", f"unknown workflow template {inp.template_id!r}", 400)])
        return template
    # A character's likeness takes precedence over an input image; video templates take no face reference.
    face_method = inp.face_method if inp.kind != VIDEO else None
    needs = {"face_image"} if face_method else ({"input_image"} if inp.input_image else set())
    candidates = [t for t in templates.values() if t.kind == inp.kind and set(t.needs) == needs
                  and t.face_method == face_method and t.serves(inp.model_type, inp.model)]
    # A template matched by model name words (SVD) beats one matched by the detected type.
    candidates.sort(key=lambda t: not t.model_name_contains)
    chosen = candidates[0] if candidates else None
    if chosen is None:
        what = f"{face_method} likeness" if face_method else ("from an input image" if needs else "from text")
        raise WorkflowError([Problem("model", f"no {inp.kind} template {what} for model type {inp.model_type!r} "
                                              f"({inp.model})", 400)])
    return chosen


def compile_workflow(inp: GenerationInput, templates: Mapping[str, Template] | None = None) -> CompiledWorkflow:
    if inp.params.seed < 0:
        raise WorkflowError([Problem("seed", "must be resolved by the caller before compiling")])
    if inp.params.use_custom_workflow:
        return _compile_custom(inp)
    template = select_template(inp, templates)
    uploads = _uploads(template, inp)
    values = _values(template, inp, uploads)
    graph = _substitute(copy.deepcopy(dict(template.graph)), values)
    problems = [Problem(role, f"template {template.id} needs an image ({role})", 400)
                for role in template.needs if role not in {u.role for u in uploads}]
    if inp.loras and template.lora is None:
        problems.append(Problem("loras", f"template {template.id} does not take LoRAs", 400))
    if len(inp.loras) > inp.max_loras:
        problems.append(Problem("loras", f"at most {inp.max_loras} LoRAs, got {len(inp.loras)}", 400))
    if problems:
        raise WorkflowError(problems)
    if inp.loras:
        _wire_loras(graph, template.lora, inp)
    models = {folder: frozenset(_substitute(name, values) for name in names)
              for folder, names in template.models.items()}
    if inp.loras:
        models["loras"] = frozenset(lora.name for lora in inp.loras)
    return CompiledWorkflow(
        graph=graph, template_id=template.id, template_version=template.version,
        required_nodes=frozenset(node["class_type"] for node in graph.values()),
        required_models=MappingProxyType(models), uploads=uploads, output_kind=template.kind,
        resolved=MappingProxyType({k: v for k, v in values.items() if k not in ("PROMPT", "NEGATIVE_PROMPT")}))


def _uploads(template: Template, inp: GenerationInput) -> tuple[Upload, ...]:
    sources = {"input_image": inp.input_image, "face_image": inp.face_image}
    return tuple(upload_for(role, sources[role]) for role in template.needs if sources.get(role))


def _values(template: Template, inp: GenerationInput, uploads: tuple[Upload, ...]) -> dict[str, Any]:
    """Placeholder values: template defaults < per model type < preset extras < params extras (lowercase)."""
    p = inp.params
    values: dict[str, Any] = {**template.defaults, **template.defaults_by_model_type.get(inp.model_type, {})}
    for extra_key, name in PRESET_FILES.items():
        if name in values and isinstance(inp.preset_extras.get(extra_key), str):
            values[name] = inp.preset_extras[extra_key]
    for name in list(values):
        override = p.extra.get(name.lower())
        if isinstance(override, str | int | float) and not isinstance(override, bool):
            values[name] = override
    values.update(
        PROMPT=inp.prompt, NEGATIVE_PROMPT=inp.negative_prompt, MODEL=inp.model, SEED=p.seed, WIDTH=p.width,
        HEIGHT=p.height, STEPS=p.steps, CFG=p.cfg, SAMPLER=p.sampler, SCHEDULER=p.scheduler, DENOISE=p.denoise,
        BATCH_SIZE=p.batch_size, FRAMES=p.video_frames, FPS=p.video_fps,
        FPS_INT=max(1, round(p.video_fps or 1)), MOTION_BUCKET_ID=p.motion_bucket_id,
        OUTPUT_PREFIX=inp.output_prefix, HALF_STEPS=max(1, (p.steps or 2) // 2),
        # Wan 2.2 runs a high-noise and a low-noise expert; the second is named like the first unless given.
        LOW_NOISE_MODEL=p.extra.get("low_noise_model") or inp.model.replace("high_noise", "low_noise"))
    for upload in uploads:
        values[INPUT_ROLES[upload.role]] = upload.graph_name
    return values


def _substitute(value: Any, values: Mapping[str, Any]) -> Any:
    """A string that is exactly one placeholder becomes the value itself (a number stays a number); placeholders
    inside longer strings are replaced by their text. Unknown placeholders are left as they are."""
    if isinstance(value, str):
        whole = PLACEHOLDER.fullmatch(value)
        if whole:
            return values.get(whole.group(1), value)
        return PLACEHOLDER.sub(lambda m: _text(values[m.group(1)]) if m.group(1) in values else m.group(0), value)
    if isinstance(value, dict):
        return {k: _substitute(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, values) for v in value]
    return value


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _wire_loras(graph: dict[str, Any], anchors: Mapping[str, tuple[tuple[str, int], ...]],
                inp: GenerationInput) -> None:
    """Chains one loader per LoRA after each model anchor (the first also patches the CLIP), then points every
    former consumer of an anchor at the end of its chain."""
    original = list(graph.values())
    next_id = max((int(k) for k in graph if k.isdigit()), default=0) + 1
    rewired: dict[tuple[str, int], list] = {}
    for index, model_anchor in enumerate(anchors["model"]):
        clip_anchor = anchors["clip"][0] if index == 0 and "clip" in anchors else None
        model, clip = list(model_anchor), list(clip_anchor) if clip_anchor else None
        for lora in inp.loras:
            node_id = str(next_id)
            next_id += 1
            if clip is None:
                graph[node_id] = {"class_type": "LoraLoaderModelOnly", "inputs": {
                    "model": model, "lora_name": lora.name, "strength_model": lora.weight}}
                model = [node_id, 0]
            else:
                graph[node_id] = {"class_type": "LoraLoader", "inputs": {
                    "model": model, "clip": clip, "lora_name": lora.name, "strength_model": lora.weight,
                    "strength_clip": lora.weight}}
                model, clip = [node_id, 0], [node_id, 1]
        rewired[model_anchor] = model
        if clip_anchor:
            rewired[clip_anchor] = clip
    for node in original:
        for name, value in node["inputs"].items():
            if isinstance(value, list) and len(value) == 2 and (str(value[0]), value[1]) in rewired:
                node["inputs"][name] = list(rewired[(str(value[0]), value[1])])


def _compile_custom(inp: GenerationInput) -> CompiledWorkflow:
    """A caller's API-format graph with the contract 1.13 placeholders; save nodes write under our prefix."""
    graph = json.loads(inp.params.workflow_json or "{}")
    p = inp.params
    values = {"PROMPT": inp.prompt, "NEGATIVE_PROMPT": inp.negative_prompt, "MODEL": inp.model, "SEED": p.seed,
              "WIDTH": p.width, "HEIGHT": p.height, "STEPS": p.steps, "CFG": p.cfg}
    graph = _substitute(graph, values)
    models: dict[str, set[str]] = {}
    for node in graph.values():
        inputs = node.setdefault("inputs", {})
        if isinstance(inputs.get("filename_prefix"), str):
            inputs["filename_prefix"] = inp.output_prefix
        for (class_type, input_name), folder in LOADER_INPUTS.items():
            name = inputs.get(input_name) if node["class_type"] == class_type else None
            if isinstance(name, str) and name not in NOT_FILES.get(folder, ()):
                models.setdefault(folder, set()).add(name)
    return CompiledWorkflow(
        graph=graph, template_id=CUSTOM_TEMPLATE_ID, template_version=1,
        required_nodes=frozenset(node["class_type"] for node in graph.values()),
        required_models=MappingProxyType({k: frozenset(v) for k, v in models.items()}), output_kind=inp.kind,
        resolved=MappingProxyType({k: v for k, v in values.items() if k not in ("PROMPT", "NEGATIVE_PROMPT")}))
