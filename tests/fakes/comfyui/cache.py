"""The node-output cache ("classic" mode of 0.3.64).

A node's key is its class, its IS_CHANGED token and its inputs, with links replaced by the upstream key, so
identical work is reused across prompts whatever the node ids. Like the real classic cache, entries whose key
is not part of the prompt now starting are dropped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CacheEntry:
    outputs: tuple
    ui: dict | None  # {"meta": {...}, "output": {...}} for nodes that show something


def node_signatures(prompt: Mapping[str, dict], change_token: Callable[[str], Any]) -> dict[str, str]:
    """A key per node id; `change_token(node_id)` plays the part of IS_CHANGED."""
    keys: dict[str, str] = {}
    in_progress: set[str] = set()

    def key(node_id: str) -> str:
        if node_id in in_progress:
            return "CYCLE"
        if node_id not in keys:
            in_progress.add(node_id)
            node = prompt[node_id]
            inputs = node.get("inputs") or {}
            parts: list[Any] = [node["class_type"], change_token(node_id)]
            for name in sorted(inputs):
                value = inputs[name]
                if (
                    isinstance(value, list)
                    and len(value) == 2
                    and isinstance(value[0], str)
                    and value[0] in prompt
                ):
                    parts.append([name, "LINK", key(value[0]), value[1]])
                else:
                    parts.append([name, value])
            encoded = json.dumps(parts, sort_keys=True, default=repr)
            keys[node_id] = hashlib.sha256(encoded.encode()).hexdigest()
            in_progress.discard(node_id)
        return keys[node_id]

    for node_id in prompt:
        key(node_id)
    return keys


class OutputCache:
    def __init__(self) -> None:
        self._entries: dict[str, CacheEntry] = {}

    def keep_only(self, keys: set[str]) -> None:
        self._entries = {k: v for k, v in self._entries.items() if k in keys}

    def get(self, key: str) -> CacheEntry | None:
        return self._entries.get(key)

    def set(self, key: str, entry: CacheEntry) -> None:
        self._entries[key] = entry

    def clear(self) -> None:
        self._entries.clear()
