"""Per-run state: status messages for history, UI outputs, executed nodes, and `progress_state`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from .state import QueueItem
from .ws import SocketHub


def now_ms() -> int:
    return int(time.time() * 1000)


class ProgressRegistry:
    """Node states of one run; every change sends `progress_state` with all non-pending nodes."""

    def __init__(self, hub: SocketHub, prompt_id: str, node_ids: list[str], client_id: str | None) -> None:
        self.hub = hub
        self.prompt_id = prompt_id
        self.client_id = client_id
        self.nodes: dict[str, dict[str, Any]] = {
            node_id: {"value": 0.0, "max": 1.0, "state": "pending"} for node_id in node_ids
        }

    def start(self, node_id: str) -> None:
        self.nodes[node_id].update(value=0.0, max=1.0, state="running")
        self._send()

    def update(self, node_id: str, value: float, maximum: float) -> None:
        self.nodes[node_id].update(value=value, max=maximum, state="running")
        self._send()

    def finish(self, node_id: str) -> None:
        entry = self.nodes[node_id]
        entry.update(value=entry["max"], state="finished")
        self._send()

    def _send(self) -> None:
        active = {
            node_id: {
                "value": entry["value"],
                "max": entry["max"],
                "state": entry["state"],
                "node_id": node_id,
                "prompt_id": self.prompt_id,
                "display_node_id": node_id,
                "parent_node_id": None,
                "real_node_id": node_id,
            }
            for node_id, entry in self.nodes.items()
            if entry["state"] != "pending"
        }
        self.hub.send("progress_state", {"prompt_id": self.prompt_id, "nodes": active}, self.client_id)


@dataclass
class Run:
    item: QueueItem
    hub: SocketHub
    messages: list[list] = field(default_factory=list)
    ui: dict[str, dict] = field(default_factory=dict)  # node_id -> {"meta": ..., "output": ...}
    executed: list[str] = field(default_factory=list)
    succeeded: bool = False

    def __post_init__(self) -> None:
        self.progress = ProgressRegistry(self.hub, self.prompt_id, list(self.prompt), self.client_id)

    @property
    def prompt_id(self) -> str:
        return self.item.prompt_id

    @property
    def prompt(self) -> dict:
        return self.item.prompt

    @property
    def client_id(self) -> str | None:
        return self.item.client_id

    def add_message(self, event: str, data: dict, broadcast: bool = False) -> None:
        """PromptExecutor.add_message: kept for history; sent to the submitter, or to all if broadcast."""
        data = {**data, "timestamp": now_ms()}
        self.messages.append([event, data])
        if self.client_id is not None or broadcast:
            self.hub.send(event, data, self.client_id)

    def history_outputs(self) -> dict:
        return {node_id: ui["output"] for node_id, ui in self.ui.items()}

    def history_meta(self) -> dict:
        return {node_id: ui["meta"] for node_id, ui in self.ui.items()}

    def history_status(self) -> dict:
        return {
            "status_str": "success" if self.succeeded else "error",
            "completed": self.succeeded,
            "messages": self.messages,
        }
