"""Reading ComfyUI's answers (comfyui-protocol.md 3.2, 3.7-3.9; RunPod 10). Pure: dicts in, domain values out.

Servers are remote and may answer anything; every parser tolerates missing or mistyped fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from comfyui_service.domain import MODEL_FOLDERS, Catalog, Device, SystemInfo, sorted_unique

# Stock loaders: (class, input) -> catalog kind. Classes listed here with kind None name models we do not
# catalogue (CLIP vision, ControlNets, ...) and are kept out of the name-pattern fallback below.
KNOWN_MODEL_INPUTS: dict[str, dict[str, str | None]] = {
    "CheckpointLoaderSimple": {"ckpt_name": "checkpoints"},
    "CheckpointLoader": {"ckpt_name": "checkpoints"},
    "ImageOnlyCheckpointLoader": {"ckpt_name": "checkpoints"},
    "unCLIPCheckpointLoader": {"ckpt_name": "checkpoints"},
    "LoraLoader": {"lora_name": "loras"},
    "LoraLoaderModelOnly": {"lora_name": "loras"},
    "VAELoader": {"vae_name": "vaes"},
    "UNETLoader": {"unet_name": "diffusion_models"},
    "CLIPLoader": {"clip_name": "text_encoders"},
    "DualCLIPLoader": {f"clip_name{i}": "text_encoders" for i in (1, 2)},
    "TripleCLIPLoader": {f"clip_name{i}": "text_encoders" for i in (1, 2, 3)},
    "QuadrupleCLIPLoader": {f"clip_name{i}": "text_encoders" for i in (1, 2, 3, 4)},
    "UpscaleModelLoader": {"model_name": "upscale_models"},
    "CLIPVisionLoader": {"clip_name": None},
    "ControlNetLoader": {"control_net_name": None},
    "DiffControlNetLoader": {"control_net_name": None},
    "StyleModelLoader": {"style_model_name": None},
    "GLIGENLoader": {"gligen_name": None},
    "HypernetworkLoader": {"hypernetwork_name": None},
    "PhotoMakerLoader": {"photomaker_model_name": None},
    "ModelPatchLoader": {"name": None},
}
# VAELoader lists these although they are not files in vae/ (protocol 3.7).
NON_FILE_VAES = frozenset({"pixel_space", "taesd", "taesdxl", "taesd3", "taef1"})
SAMPLER_NODES = ("KSampler", "KSamplerAdvanced")


def _as_int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _as_str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def parse_system_stats(body: Any) -> SystemInfo:
    body = body if isinstance(body, Mapping) else {}
    system = body.get("system") if isinstance(body.get("system"), Mapping) else {}
    devices = []
    for d in body.get("devices") or []:
        if isinstance(d, Mapping):
            devices.append(Device(
                name=_as_str(d.get("name")), type=_as_str(d.get("type")), index=_as_int(d.get("index")),
                vram_total=_as_int(d.get("vram_total")) or 0, vram_free=_as_int(d.get("vram_free")) or 0,
                torch_vram_total=_as_int(d.get("torch_vram_total")),
                torch_vram_free=_as_int(d.get("torch_vram_free"))))
    return SystemInfo(
        comfyui_version=_as_str(system.get("comfyui_version")),
        python_version=_as_str(system.get("python_version")),
        os=_as_str(system.get("os")), ram_total=_as_int(system.get("ram_total")),
        ram_free=_as_int(system.get("ram_free")), devices=tuple(devices))


def parse_queue_remaining(body: Any) -> int | None:
    """GET /queue: running plus pending items."""
    if not isinstance(body, Mapping):
        return None
    running, pending = body.get("queue_running"), body.get("queue_pending")
    if not isinstance(running, list) or not isinstance(pending, list):
        return None
    return len(running) + len(pending)


def parse_runpod_queue(body: Any) -> int | None:
    """GET /v2/<id>/health: jobs waiting or running."""
    jobs = body.get("jobs") if isinstance(body, Mapping) else None
    if not isinstance(jobs, Mapping):
        return None
    counts = [_as_int(jobs.get("inQueue")), _as_int(jobs.get("inProgress"))]
    return sum(c for c in counts if c is not None) if any(c is not None for c in counts) else None


def combo_options(spec: Any) -> list[str] | None:
    """A combo's options in either format: V1 `[[...], {opts}]` or V3 `["COMBO", {"options": [...]}]`."""
    if not isinstance(spec, list) or not spec:
        return None
    if isinstance(spec[0], list):
        return [o for o in spec[0] if isinstance(o, str)]
    if spec[0] == "COMBO" and len(spec) > 1 and isinstance(spec[1], Mapping):
        options = spec[1].get("options")
        return [o for o in options if isinstance(o, str)] if isinstance(options, list) else None
    return None


def _inputs(info: Mapping[str, Any]) -> dict[str, Any]:
    block = info.get("input") if isinstance(info.get("input"), Mapping) else {}
    merged: dict[str, Any] = {}
    for section in ("required", "optional"):
        if isinstance(block.get(section), Mapping):
            merged.update(block[section])
    return merged


def _fallback_kind(class_name: str, input_name: str) -> str | None:
    """Custom loaders (UnetLoaderGGUF.unet_name, CLIPLoaderGGUF.clip_name, ...) by input-name pattern."""
    if input_name == "ckpt_name":
        return "checkpoints"
    if input_name == "lora_name":
        return "loras"
    if input_name == "vae_name":
        return "vaes"
    if input_name == "unet_name":
        return "diffusion_models"
    if input_name.startswith("clip_name"):
        return "text_encoders"
    # `*model_name` is ambiguous in custom nodes; only upscalers name their files that way reliably.
    if input_name.endswith("model_name") and "upscale" in class_name.lower():
        return "upscale_models"
    return None


def parse_object_info(body: Any) -> dict[str, list[str]]:
    """Model lists per catalog kind, plus samplers, schedulers and node_classes, from GET /object_info."""
    found: dict[str, list[str]] = {kind: [] for kind in MODEL_FOLDERS}
    found.update(samplers=[], schedulers=[], node_classes=[])
    if not isinstance(body, Mapping):
        return found
    for class_name, info in body.items():
        if not isinstance(class_name, str):
            continue
        found["node_classes"].append(class_name)
        if not isinstance(info, Mapping) or info.get("api_node") is True:
            continue  # API nodes' model_name combos name remote models, not files
        inputs = _inputs(info)
        known = KNOWN_MODEL_INPUTS.get(class_name)
        for input_name, spec in inputs.items():
            if known is not None:
                kind = known.get(input_name)
            elif "loader" in class_name.lower():
                kind = _fallback_kind(class_name, input_name)
            else:
                kind = None
            options = combo_options(spec) if kind else None
            if kind and options is not None:
                found[kind].extend(options)
        if class_name in SAMPLER_NODES:
            found["samplers"].extend(combo_options(inputs.get("sampler_name")) or [])
            found["schedulers"].extend(combo_options(inputs.get("scheduler")) or [])
    found["vaes"] = [v for v in found["vaes"] if v not in NON_FILE_VAES]
    return found


def build_catalog(object_info: Mapping[str, list[str]], folders: Mapping[str, list[str] | None],
                  updated_at: float) -> Catalog:
    """Union of the folder listings (GET /models/<folder>) and the loader combos, sorted and de-duplicated."""
    lists = {kind: [*object_info.get(kind, []), *(folders.get(kind) or [])] for kind in MODEL_FOLDERS}
    return Catalog(
        **{kind: sorted_unique(names) for kind, names in lists.items()},
        samplers=sorted_unique(object_info.get("samplers", [])),
        schedulers=sorted_unique(object_info.get("schedulers", [])),
        node_classes=sorted_unique(object_info.get("node_classes", [])),
        updated_at=updated_at)


def parse_folder_listing(body: Any) -> list[str] | None:
    """GET /models/<folder>: a JSON array of relative file names."""
    return [n for n in body if isinstance(n, str)] if isinstance(body, list) else None


def runpod_catalog(configured: Mapping[str, Mapping[str, list[str]]], endpoint_id: str | None,
                   updated_at: float) -> Catalog:
    """RunPod has no /object_info: the catalog is what settings declare for the endpoint (or for "*")."""
    declared = configured.get(endpoint_id or "") or configured.get("*") or {}
    folders = {kind: list(declared.get(folder) or []) for kind, folder in MODEL_FOLDERS.items()}
    return build_catalog({}, folders, updated_at)


# safetensors header keys that carry a SHA-256 (the model spec's, and kohya's training scripts').
HASH_METADATA_KEYS = ("modelspec.hash_sha256", "sshs_model_hash")


def hash_from_metadata(body: Any) -> str | None:
    """GET /view_metadata/<folder>: the header's `__metadata__` object; a SHA-256 in lowercase hex, or None."""
    if not isinstance(body, Mapping):
        return None
    for key in HASH_METADATA_KEYS:
        value = body.get(key)
        if isinstance(value, str):
            digest = value.strip().lower().removeprefix("0x")
            if len(digest) == 64 and all(c in "0123456789abcdef" for c in digest):
                return digest
    return None
