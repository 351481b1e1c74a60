"""Generation parameters (REST contract 1.13): typed known keys, checked; any other key kept in `extra`."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from .errors import Problem, WorkflowError

MAX_KEYS = 64
MAX_WORKFLOW_JSON_BYTES = 1024 * 1024
MAX_SEED = 9007199254740991
SAMPLER_ALIASES = {"euler_a": "euler_ancestral"}


@dataclass(frozen=True)
class GenerationParams:
    """The known keys of `params`. None means "take the model type's preset" (never sent as null)."""

    width: int | None = None
    height: int | None = None
    steps: int | None = None
    cfg: float | None = None
    sampler: str | None = None
    scheduler: str | None = None
    seed: int = -1
    denoise: float = 1.0
    batch_size: int = 1
    video_frames: int | None = None
    video_fps: float | None = None
    motion_bucket_id: int = 127
    use_custom_workflow: bool = False
    workflow_json: str | None = None
    provider: str = "comfyui"
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The known keys the caller gave explicitly: only these win when params are layered.
    given: frozenset[str] = frozenset()

    def overlay(self, other: GenerationParams) -> GenerationParams:
        """`other` over self: every known key `other` set explicitly wins; extras merge, other's win."""
        changes = {name: getattr(other, name) for name in other.given}
        return replace(self, **changes, extra=MappingProxyType({**self.extra, **other.extra}),
                       given=self.given | other.given)

    def as_dict(self) -> dict[str, Any]:
        """The params as recorded in provenance: known keys that are set, then the extras."""
        known = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("extra", "given")}
        return {**{k: v for k, v in known.items() if v is not None}, **self.extra}


def _integer(value: Any) -> int | None:
    """An int, or an integral float (JSON numbers that crossed a protobuf Struct); never a bool."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _int_rule(low: int, high: int, multiple: int = 1):
    def check(value: Any) -> tuple[Any, str | None]:
        number = _integer(value)
        if number is None:
            return None, "must be an integer"
        if not low <= number <= high:
            return None, f"must be between {low} and {high}"
        if number % multiple:
            return None, f"must be a multiple of {multiple}"
        return number, None
    return check


def _float_rule(low: float, high: float):
    def check(value: Any) -> tuple[Any, str | None]:
        number = _number(value)
        if number is None:
            return None, "must be a number"
        if not low <= number <= high:
            return None, f"must be between {low:g} and {high:g}"
        return number, None
    return check


def _seed(value: Any) -> tuple[Any, str | None]:
    number = _integer(value)
    if number is None:
        return None, "must be an integer"
    if number != -1 and not 0 <= number <= MAX_SEED:
        return None, f"must be -1 (random) or between 0 and {MAX_SEED}"
    return number, None


def _name(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, "must be a non-empty string"
    value = value.strip()
    return SAMPLER_ALIASES.get(value, value), None


def _bool(value: Any) -> tuple[Any, str | None]:
    return (value, None) if isinstance(value, bool) else (None, "must be true or false")


def _text(value: Any) -> tuple[Any, str | None]:
    return (value, None) if isinstance(value, str) else (None, "must be a string")


_RULES = {
    "width": _int_rule(64, 4096, 8),
    "height": _int_rule(64, 4096, 8),
    "steps": _int_rule(1, 200),
    "cfg": _float_rule(0.0, 30.0),
    "sampler": _name,
    "scheduler": _name,
    "seed": _seed,
    "denoise": _float_rule(0.0, 1.0),
    "batch_size": _int_rule(1, 8),
    "video_frames": _int_rule(1, 1000),
    "video_fps": _float_rule(1.0, 120.0),
    "motion_bucket_id": _int_rule(0, 1023),
    "use_custom_workflow": _bool,
    "workflow_json": _text,
    "provider": _text,
}


def parse_params(raw: Mapping[str, Any] | None) -> GenerationParams:
    """Checks `params` and returns them typed; raises WorkflowError listing every problem with its key."""
    raw = dict(raw or {})
    problems: list[Problem] = []
    if len(raw) > MAX_KEYS:
        problems.append(Problem("params", f"at most {MAX_KEYS} keys, got {len(raw)}"))
    if "cfg" not in raw and "cfg_scale" in raw:
        raw["cfg"] = raw["cfg_scale"]
    raw.pop("cfg_scale", None)
    known: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in raw.items():
        rule = _RULES.get(key)
        if rule is None:
            extra[key] = value
            continue
        if value is None:
            continue  # an explicit null means "not given": the preset applies
        checked, error = rule(value)
        if error:
            problems.append(Problem(key, error))
        else:
            known[key] = checked
    if known.get("provider", "comfyui") != "comfyui":
        problems.append(Problem("provider", "only 'comfyui' is supported", 400))
    if known.get("use_custom_workflow"):
        problem = _check_workflow_json(known.get("workflow_json"))
        if problem:
            problems.append(problem)
    if problems:
        raise WorkflowError(problems)
    return GenerationParams(**known, extra=MappingProxyType(extra), given=frozenset(known))


def _check_workflow_json(text: str | None) -> Problem | None:
    if not text:
        return Problem("workflow_json", "is required when use_custom_workflow is true")
    if len(text.encode()) > MAX_WORKFLOW_JSON_BYTES:
        return Problem("workflow_json", "must be at most 1 MiB")
    try:
        graph = json.loads(text)
    except ValueError:
        return Problem("workflow_json", "is not valid JSON")
    error = api_graph_error(graph)
    return Problem("workflow_json", error) if error else None


def api_graph_error(graph: Any) -> str | None:
    """Why `graph` is not an API-format prompt (protocol section 2), or None."""
    if not isinstance(graph, dict) or not graph:
        return "must be a non-empty JSON object of nodes"
    if "nodes" in graph and "links" in graph:
        return "is the web UI's save format; export it with 'Save (API)'"
    for node_id, node in graph.items():
        if not isinstance(node, dict) or not isinstance(node.get("class_type"), str):
            return f"node {node_id!r} has no class_type"
        if not isinstance(node.get("inputs", {}), dict):
            return f"node {node_id!r} has inputs that are not an object"
    return None


def check_sampler_names(params: GenerationParams, samplers: list[str] | None,
                        schedulers: list[str] | None) -> list[Problem]:
    """400 problems for a sampler or scheduler the target server does not offer (when its lists are known)."""
    problems = []
    for key, offered in (("sampler", samplers), ("scheduler", schedulers)):
        value = getattr(params, key)
        if offered and value is not None and value not in offered:
            problems.append(Problem(key, f"{value!r} is not offered by the server", 400))
    return problems
