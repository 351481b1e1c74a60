"""The built-in workflow templates: versioned API-format graphs stored as data files in `data/`.

A template file holds the graph with `{{NAME}}` placeholders, what it serves (kind, model types or model name
words, the inputs it needs, the face method), where LoRA loaders attach, and the model files it loads by folder.
Node classes are read from the graph itself, so the declaration can never drift from what is sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from .params import api_graph_error

PLACEHOLDER = re.compile(r"\{\{([A-Z][A-Z0-9_]*)\}\}")
# Values every template may use; the compiler fills them from the resolved input.
STANDARD_PLACEHOLDERS = frozenset({
    "PROMPT", "NEGATIVE_PROMPT", "MODEL", "SEED", "WIDTH", "HEIGHT", "STEPS", "CFG",  # contract 1.13
    "SAMPLER", "SCHEDULER", "DENOISE", "BATCH_SIZE", "FRAMES", "FPS", "FPS_INT", "MOTION_BUCKET_ID",
    "OUTPUT_PREFIX", "INPUT_IMAGE", "FACE_IMAGE", "LOW_NOISE_MODEL", "HALF_STEPS",
})
INPUT_ROLES = {"input_image": "INPUT_IMAGE", "face_image": "FACE_IMAGE"}


@dataclass(frozen=True)
class Template:
    id: str
    version: int
    name: str
    kind: str
    model_types: tuple[str, ...]
    graph: Mapping[str, Any]
    models: Mapping[str, tuple[str, ...]]
    model_name_contains: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    face_method: str | None = None
    # Chosen only when a request names it (upscale), never by kind and model type.
    explicit_only: bool = False
    # Where LoRA loaders attach: "model" lists one or more MODEL outputs (each gets its own chain: the two experts
    # of Wan 2.2), "clip" the CLIP output patched along with the first; None = the template takes no LoRAs.
    lora: Mapping[str, tuple[tuple[str, int], ...]] | None = None
    defaults: Mapping[str, Any] = field(default_factory=dict)
    defaults_by_model_type: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def node_classes(self) -> frozenset[str]:
        return frozenset(node["class_type"] for node in self.graph.values())

    def fixed_models(self, model_type: str | None = None) -> dict[str, frozenset[str]]:
        """The model files the template always loads besides the job's own model, by folder."""
        values = {**self.defaults, **self.defaults_by_model_type.get(model_type or "", {})}
        fixed: dict[str, set[str]] = {}
        for folder, names in self.models.items():
            for name in names:
                key = PLACEHOLDER.fullmatch(name)
                value = values.get(key.group(1)) if key else name
                if isinstance(value, str):
                    fixed.setdefault(folder, set()).add(value)
        return {folder: frozenset(names) for folder, names in fixed.items()}

    def serves(self, model_type: str, model_name: str) -> bool:
        """Whether automatic selection may pick this template for the model (name words, if any, decide)."""
        if self.explicit_only:
            return False
        if self.model_name_contains:
            lowered = model_name.replace("\\", "/").rsplit("/", 1)[-1].lower()
            return any(word in lowered for word in self.model_name_contains)
        return model_type in self.model_types


def placeholders(value: Any) -> set[str]:
    """Every placeholder name used anywhere in a JSON value."""
    if isinstance(value, str):
        return set(PLACEHOLDER.findall(value))
    if isinstance(value, dict):
        return set().union(*(placeholders(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(placeholders(v) for v in value)) if value else set()
    return set()


def _links(value: list) -> tuple[tuple[str, int], ...]:
    """One link `[node, output]` or a list of them."""
    links = value if value and isinstance(value[0], list) else [value]
    return tuple((str(node), int(output)) for node, output in links)


def _freeze(data: Mapping[str, Any]) -> Template:
    graph = data["graph"]
    error = api_graph_error(graph)
    if error:
        raise ValueError(f"template {data['id']}: graph {error}")
    known = STANDARD_PLACEHOLDERS | set(data.get("defaults", {}))
    unknown = placeholders(graph) - known
    if unknown:
        raise ValueError(f"template {data['id']}: unknown placeholders {sorted(unknown)}")
    lora = {role: _links(value) for role, value in (data.get("lora") or {}).items()}
    for role, links in lora.items():
        if role not in ("model", "clip") or any(node not in graph for node, _ in links):
            raise ValueError(f"template {data['id']}: bad LoRA anchor {role}={links}")
    needs = tuple(data.get("needs", ()))
    for need in needs:
        if need not in INPUT_ROLES or INPUT_ROLES[need] not in placeholders(graph):
            raise ValueError(f"template {data['id']}: needs {need!r} but its graph does not use it")
    return Template(
        id=data["id"], version=int(data["version"]), name=data["name"], kind=data["kind"],
        model_types=tuple(data.get("model_types", ())), graph=MappingProxyType(graph),
        models=MappingProxyType({k: tuple(v) for k, v in data.get("models", {}).items()}),
        model_name_contains=tuple(data.get("model_name_contains", ())), needs=needs,
        face_method=data.get("face_method"), explicit_only=bool(data.get("explicit_only", False)),
        lora=MappingProxyType(lora) if lora else None,
        defaults=MappingProxyType(dict(data.get("defaults", {}))),
        defaults_by_model_type=MappingProxyType(dict(data.get("defaults_by_model_type", {}))))


@cache
def builtin_templates() -> Mapping[str, Template]:
    """Every template in `data/`, by id (loaded and checked once)."""
    loaded: dict[str, Template] = {}
    for entry in sorted(resources.files(__package__).joinpath("data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            template = _freeze(json.loads(entry.read_text(encoding="utf-8")))
            if template.id in loaded or template.id != entry.name.removesuffix(".json"):
                raise ValueError(f"template file {entry.name}: id {template.id!r} is duplicated or misnamed")
            loaded[template.id] = template
    return MappingProxyType(loaded)
