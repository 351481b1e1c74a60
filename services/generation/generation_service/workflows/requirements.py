"""What a server lacks to run a compiled workflow, and the template list with each template's needs."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from .compiler import CompiledWorkflow
from .templates import builtin_templates

# The real server lists these folders under their newer names (protocol 3.8).
FOLDER_ALIASES = {"unet": "diffusion_models", "clip": "text_encoders"}


def missing_requirements(compiled: CompiledWorkflow, object_info: Mapping[str, Any],
                         models: Mapping[str, Collection[str]]) -> list[str]:
    """Human-readable names of what the server lacks: "node class 'ReActorFaceSwap'", "model 'loras/x.safetensors'".

    `object_info` is the server's `/object_info` (only its keys are read); `models` maps a folder to the files the
    server lists there. A folder absent from `models` is not known for this server and is not judged.
    """
    missing = [f"node class {name!r}" for name in sorted(compiled.required_nodes - set(object_info))]
    listed = {FOLDER_ALIASES.get(folder, folder): set(names) for folder, names in models.items()}
    for folder in sorted(compiled.required_models):
        folder_name = FOLDER_ALIASES.get(folder, folder)
        if folder_name not in listed:
            continue
        for name in sorted(compiled.required_models[folder] - listed[folder_name]):
            missing.append(f"model '{folder_name}/{name}'")
    return missing


@dataclass(frozen=True)
class TemplateInfo:
    """A template as ListWorkflowTemplates reports it."""

    id: str
    version: int
    name: str
    kind: str
    model_types: tuple[str, ...]
    model_name_contains: tuple[str, ...]
    needs: tuple[str, ...]
    face_method: str | None
    explicit_only: bool
    takes_loras: bool
    required_nodes: frozenset[str]
    # Files loaded besides the job's own model (and its LoRAs), by folder, with the defaults filled in.
    required_models: Mapping[str, frozenset[str]]

    def missing_nodes(self, node_classes: Collection[str]) -> list[str]:
        return sorted(self.required_nodes - set(node_classes))

    def missing_models(self, models: Mapping[str, Collection[str]]) -> list[tuple[str, str]]:
        """(folder, file) pairs absent from `models`; folders absent from `models` are not known, so not judged."""
        listed = {FOLDER_ALIASES.get(k, k): set(v) for k, v in models.items()}
        return [(folder, name) for folder in sorted(self.required_models) if folder in listed
                for name in sorted(self.required_models[folder] - listed[folder])]

    def missing(self, node_classes: Collection[str], models: Mapping[str, Collection[str]] | None = None
                ) -> list[str]:
        """What a server with these node classes (and, when known, model lists) lacks to run this template."""
        return [f"node class {name!r}" for name in self.missing_nodes(node_classes)] + \
            [f"model '{folder}/{name}'" for folder, name in self.missing_models(models or {})]


def list_templates() -> list[TemplateInfo]:
    """Every built-in template, sorted by id."""
    return [TemplateInfo(
        id=t.id, version=t.version, name=t.name, kind=t.kind, model_types=t.model_types,
        model_name_contains=t.model_name_contains, needs=t.needs, face_method=t.face_method,
        explicit_only=t.explicit_only, takes_loras=t.lora is not None, required_nodes=t.node_classes,
        required_models=t.fixed_models())
        for t in sorted(builtin_templates().values(), key=lambda t: t.id)]
