"""Scenario knobs of one fake server: timing, progress, injected failures, device figures.

Plain data plus small lookups; `FakeComfyUI` exposes the setters. Nothing here is reset by `restart()`:
a scenario describes the machine, not the process.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

OOM_TIP = (
    "This error means you ran out of memory on your GPU.\n\n"
    "TIPS: If the workflow worked before you might have accidentally set the batch_size to a large number."
)


@dataclass
class NodeFault:
    """An `execution_error` raised by matching nodes: before their work (`at_step` None) or after a step."""

    node_id: str | None = None
    class_type: str | None = None
    exception_type: str = "RuntimeError"
    message: str = "Injected failure"
    at_step: int | None = None
    times: int | None = None  # None: every time

    def matches(self, node_id: str, class_type: str) -> bool:
        return (self.node_id is None or self.node_id == node_id) and (
            self.class_type is None or self.class_type == class_type
        )

    @property
    def tip(self) -> str:
        return OOM_TIP if self.exception_type == "torch.OutOfMemoryError" else ""


@dataclass
class HttpFault:
    """A fault on matching HTTP requests: a delay, then a status, a hang or a connection reset."""

    path: str  # regex, matched in full against the path without the /api prefix
    method: str | None = None
    status: int | None = None
    delay: float = 0.0
    hang: bool = False
    reset: bool = False
    times: int | None = None

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method.upper() == method) and re.fullmatch(
            self.path, path
        ) is not None


@dataclass
class Rejection:
    """A forced answer for the next `POST /prompt`, after `number` is used up, as on a real rejection."""

    status: int = 400
    error: dict = field(
        default_factory=lambda: {
            "type": "prompt_outputs_failed_validation",
            "message": "Prompt outputs failed validation",
            "details": "",
            "extra_info": {},
        }
    )
    node_errors: dict = field(default_factory=dict)


@dataclass
class SystemStats:
    """The figures `/system_stats` reports. Defaults: one 24 GiB CUDA device."""

    os: str = "posix"
    ram_total: int = 67_108_864_000
    ram_free: int = 60_129_542_144
    device_name: str = "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync"
    device_type: str = "cuda"
    device_index: int | None = 0
    vram_total: int = 25_757_220_864
    vram_free: int = 24_632_098_816
    torch_vram_total: int = 0
    torch_vram_free: int = 0

    def update(self, **fields: Any) -> None:
        """Sets figures by name; `device="cpu"` first switches to a CPU-only server as a real `--cpu` run reports
        it (device "cpu", index null, the RAM figures as VRAM), and `device="cuda"` back to the default GPU."""
        device = fields.pop("device", None)
        if device == "cpu":
            self.device_name, self.device_type, self.device_index = "cpu", "cpu", None
            self.vram_total = self.torch_vram_total = self.ram_total
            self.vram_free = self.torch_vram_free = self.ram_free
        elif device == "cuda":
            defaults = SystemStats(os=self.os, ram_total=self.ram_total, ram_free=self.ram_free)
            for name, value in asdict(defaults).items():
                setattr(self, name, value)
        elif device is not None:
            raise ValueError(f"unknown device {device!r}; use 'cpu' or 'cuda'")
        for name, value in fields.items():
            if name not in asdict(self):
                raise ValueError(f"unknown system_stats field {name!r}")
            setattr(self, name, value)


def _take(items: list, predicate) -> Any:
    """First matching item, consuming one use of it."""
    for item in items:
        if predicate(item):
            if item.times is not None:
                item.times -= 1
                if item.times <= 0:
                    items.remove(item)
            return item
    return None


@dataclass
class Scenario:
    default_latency: float = 0.002
    latency_by_class: dict[str, float] = field(default_factory=dict)
    latency_by_node: dict[str, float] = field(default_factory=dict)
    progress_by_class: dict[str, int] = field(default_factory=dict)
    progress_by_node: dict[str, int] = field(default_factory=dict)
    progress_previews: bool = False
    node_faults: list[NodeFault] = field(default_factory=list)
    http_faults: list[HttpFault] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    absent_classes: set[str] = field(default_factory=set)
    history_delay: float = 0.0
    system: SystemStats = field(default_factory=SystemStats)

    def latency_for(self, node_id: str, class_type: str) -> float:
        return self.latency_by_node.get(node_id, self.latency_by_class.get(class_type, self.default_latency))

    def progress_steps_for(self, node_id: str, class_type: str) -> int:
        return self.progress_by_node.get(node_id, self.progress_by_class.get(class_type, 0))

    def has_fault_for(self, node_id: str, class_type: str) -> bool:
        return any(f.matches(node_id, class_type) for f in self.node_faults)

    def take_node_fault(self, node_id: str, class_type: str) -> NodeFault | None:
        return _take(self.node_faults, lambda f: f.matches(node_id, class_type))

    def take_http_fault(self, method: str, path: str) -> HttpFault | None:
        return _take(self.http_faults, lambda f: f.matches(method, path))

    def take_rejection(self) -> Rejection | None:
        return self.rejections.pop(0) if self.rejections else None
