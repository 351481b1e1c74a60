"""Execution order: ComfyUI's ExecutionList, driven from the output nodes, not by node id.

`image_two_outputs.json` runs 1, 3, 2, 4 and `animated_webp.json` runs 2, 1, 3, 4, as on the real server.
Cached upstream nodes are never added; output nodes always are (they report their cached result).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping


class DependencyCycleError(Exception):
    def __init__(self, node_id: str) -> None:
        super().__init__("Dependency cycle detected")
        self.node_id = node_id


class ExecutionOrder:
    def __init__(
        self, prompt: Mapping[str, dict], is_output: Callable[[str], bool], is_cached: Callable[[str], bool]
    ):
        self.prompt = prompt
        self.is_output = is_output
        self.is_cached = is_cached
        self.pending: dict[str, bool] = {}  # insertion order matters for the pick
        self.block_count: dict[str, int] = {}
        self.blocking: dict[str, dict[str, bool]] = {}

    def add_node(self, node_id: str) -> None:
        stack = [node_id]
        links: list[tuple[str, str]] = []
        while stack:
            current = stack.pop()
            if current in self.pending:
                continue
            self.pending[current] = True
            self.block_count[current] = 0
            self.blocking[current] = {}
            for value in self.prompt[current]["inputs"].values():
                if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str):
                    source = value[0]
                    if not self.is_cached(source):
                        stack.append(source)
                    links.append((source, current))
        for source, target in links:
            if self.is_cached(source):
                continue
            self.add_node(source)
            if target not in self.blocking[source]:
                self.blocking[source][target] = True
                self.block_count[target] += 1

    def is_empty(self) -> bool:
        return not self.pending

    def next_node(self) -> str:
        ready = [node_id for node_id in self.pending if self.block_count[node_id] == 0]
        if not ready:
            raise DependencyCycleError(next(iter(self.pending)))
        return self._ux_friendly_pick(ready)

    def complete(self, node_id: str) -> None:
        del self.pending[node_id]
        for blocked in self.blocking.pop(node_id, {}):
            self.block_count[blocked] -= 1

    def _ux_friendly_pick(self, ready: list[str]) -> str:
        # Outputs first, then nodes that feed an output, then nodes two steps from one.
        for node_id in ready:
            if self.is_output(node_id):
                return node_id
        for node_id in ready:
            if any(self.is_output(b) for b in self.blocking[node_id]):
                return node_id
        for node_id in ready:
            if any(self.is_output(b2) for b in self.blocking[node_id] for b2 in self.blocking.get(b, {})):
                return node_id
        return ready[0]
