"""How a simulated node class is declared, and how `/object_info` renders it.

Validation reads the same rendered `input` dict that `/object_info` shows, exactly as the real server
validates against `INPUT_TYPES()`: what a client sees is what the fake enforces.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

MAX_RESOLUTION = 16384


class Environment(Protocol):
    """What a node catalogue needs from its server: model files and uploaded inputs."""

    def model_names(self, folder: str) -> list[str]: ...

    def input_images(self) -> list[str]: ...

    def input_file_digest(self, name: str) -> str | None: ...


Choices = Sequence[str] | Callable[[Environment], list[str]]


@dataclass(frozen=True)
class Input:
    """One input: a socket type or widget, its `{opts}`, and for combos where the options come from."""

    io_type: str
    opts: Mapping[str, Any] = field(default_factory=dict)
    choices: Choices | None = None

    def options(self, env: Environment) -> list[str]:
        if callable(self.choices):
            return self.choices(env)
        return list(self.choices or [])


@dataclass(frozen=True)
class NodeResult:
    outputs: tuple = ()
    ui: dict | None = None


RunFn = Callable[..., Awaitable[NodeResult]]


@dataclass(frozen=True)
class NodeDef:
    """A node class. `run(ctx, **inputs)` does the (cheap, simulated) work."""

    name: str
    run: RunFn
    required: Mapping[str, Input] = field(default_factory=dict)
    optional: Mapping[str, Input] = field(default_factory=dict)
    hidden: Mapping[str, str] = field(default_factory=dict)
    outputs: tuple[str, ...] = ()
    output_names: tuple[str, ...] | None = None
    output_tooltips: tuple[str | None, ...] | None = None
    output_node: bool = False
    category: str = ""
    display_name: str | None = None
    description: str = ""
    python_module: str = "nodes"
    v3: bool = False
    experimental: bool = False
    # Nodes that report their own steps (KSampler, SaveImageWebsocket) spread their latency over them.
    native_progress: bool = False
    # IS_CHANGED: a token folded into the cache signature (a file hash, or a fresh value = never cached).
    is_changed: Callable[[Environment, Mapping[str, Any]], Any] | None = None
    # VALIDATE_INPUTS: replaces the standard checks of the named inputs; returns True or a message.
    custom_validation: Callable[[Environment, Mapping[str, Any]], bool | str] | None = None
    custom_validated_inputs: tuple[str, ...] = ()


def INT(default: int, min: int, max: int, step: int | None = 1, **extra: Any) -> Input:  # noqa: A002
    opts = {"default": default, "min": min, "max": max, **({"step": step} if step else {}), **extra}
    return Input("INT", opts)


def FLOAT(default: float, min: float, max: float, step: float = 0.01, **extra: Any) -> Input:  # noqa: A002
    return Input("FLOAT", {"default": default, "min": min, "max": max, "step": step, **extra})


def STRING(default: str | None = None, multiline: bool = False, **extra: Any) -> Input:
    opts: dict[str, Any] = {} if default is None else {"default": default}
    if multiline:
        opts["multiline"] = True
    return Input("STRING", {**opts, **extra})


def BOOLEAN(default: bool, **extra: Any) -> Input:
    return Input("BOOLEAN", {"default": default, **extra})


def LINK(io_type: str, **extra: Any) -> Input:
    return Input(io_type, dict(extra))


def COMBO(choices: Choices, **extra: Any) -> Input:
    return Input("COMBO", dict(extra), choices)


class ModelFolder:
    """Combo options read from a model folder (so a missing file can be reported by folder, as loaders do)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, env: Environment) -> list[str]:
        return env.model_names(self.folder)


# How a V3 node fails at run time on a combo value it does not offer (0.3.64 does not check V3 combos at submit).
V3_COMBO_FAILURES: Mapping[tuple[str, str], Callable[[Any], Exception]] = {
    ("SaveVideo", "format"): lambda value: ValueError(f"{value!r} is not a valid VideoContainer"),
    ("SaveVideo", "codec"): lambda value: ValueError(f"{value!r} is not a valid VideoCodec"),
    ("SaveWEBM", "codec"): lambda value: KeyError(value),
}


def v3_combo_failure(node: NodeDef, env: Environment, inputs: Mapping[str, Any]) -> Exception | None:
    """The exception a V3 node raises when it runs with a combo value (or model file) it does not offer."""
    if not node.v3:
        return None
    for name, spec in {**node.required, **node.optional}.items():
        if spec.io_type != "COMBO" or name not in inputs or inputs[name] in spec.options(env):
            continue
        value = inputs[name]
        if isinstance(spec.choices, ModelFolder):
            return FileNotFoundError(f"Model in folder '{spec.choices.folder}' with filename '{value}' not found.")
        failure = V3_COMBO_FAILURES.get((node.name, name))
        return failure(value) if failure else ValueError(f"{value!r} is not a valid option for {name}")
    return None


def render_input_types(node: NodeDef, env: Environment) -> dict[str, dict[str, Any]]:
    """The `input` block of `/object_info`, in V1 or V3 shape."""
    rendered: dict[str, dict[str, Any]] = {"required": {}}
    for section, inputs in (("required", node.required), ("optional", node.optional)):
        for name, spec in inputs.items():
            rendered.setdefault(section, {})[name] = _render_input(spec, env, node.v3)
    for name, value in node.hidden.items():
        rendered.setdefault("hidden", {})[name] = [value] if node.v3 else value
    return rendered


def _render_input(spec: Input, env: Environment, v3: bool) -> list[Any]:
    opts = dict(spec.opts)
    if spec.io_type == "COMBO":
        options = spec.options(env)
        if v3:
            return ["COMBO", {**opts, "multiselect": False, "options": options}]
        return [options, opts] if opts else [options]
    if v3 or opts:
        return [spec.io_type, opts]
    return [spec.io_type]


def render_node_info(node: NodeDef, env: Environment) -> dict[str, Any]:
    inputs = render_input_types(node, env)
    info: dict[str, Any] = {
        "input": inputs,
        "input_order": {section: list(values) for section, values in inputs.items()},
        "output": list(node.outputs),
        "output_is_list": [False] * len(node.outputs),
        "output_name": list(node.output_names or node.outputs),
        "name": node.name,
        "display_name": node.display_name or node.name,
        "description": node.description,
        "python_module": node.python_module,
        "category": node.category,
        "output_node": node.output_node,
    }
    if node.v3:
        # V3 entries always carry these keys (protocol doc, section 3.7).
        info["output_tooltips"] = list(node.output_tooltips or [None] * len(node.outputs))
        info["deprecated"] = False
        info["experimental"] = node.experimental
        info["api_node"] = False
    elif node.output_tooltips:
        info["output_tooltips"] = list(node.output_tooltips)
    return info


class NodeContext(Protocol):
    """What a running node may use: its identity, the file store and the progress hook."""

    node_id: str
    prompt: Mapping[str, Any]
    extra_data: Mapping[str, Any]
    files: Any  # files.FileStore

    async def step(self, value: int, total: int, preview: tuple[str, Any] | None = None) -> None:
        """Report a progress step (`progress` event); raises if an interrupt is pending."""

    async def compute(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run CPU work (Pillow) off the event loop."""
