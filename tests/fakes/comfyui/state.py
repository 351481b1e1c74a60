"""Queue and history of one server process: everything here is lost on restart.

Mirrors ComfyUI's PromptQueue: pending items live in a heap ordered by `number` (shown unsorted by
`/queue`), one item runs at a time, and the history entry is written only when a run ends.
"""

from __future__ import annotations

import asyncio
import copy
import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_HISTORY = 10_000


@dataclass(eq=False)
class QueueItem:
    number: int | float
    prompt_id: str
    prompt: dict
    extra_data: dict
    outputs_to_execute: list[str]
    sensitive: dict = field(default_factory=dict)
    sequence: int = 0  # tie-breaker only; the real server compares the tuples themselves

    def __lt__(self, other: QueueItem) -> bool:
        return (self.number, self.prompt_id, self.sequence) < (other.number, other.prompt_id, other.sequence)

    def public(self) -> list:
        """The 5-element shape of `/queue` items and `history[id].prompt` (sensitive data removed)."""
        return [self.number, self.prompt_id, self.prompt, self.extra_data, self.outputs_to_execute]

    @property
    def client_id(self) -> str | None:
        return self.extra_data.get("client_id")


class PromptQueue:
    def __init__(self, on_change: Callable[[], None]) -> None:
        self._on_change = on_change
        self._not_empty = asyncio.Event()
        self._sequence = itertools.count()
        self.pending: list[QueueItem] = []
        self.running: dict[int, QueueItem] = {}
        self.history: dict[str, dict] = {}
        self.number = 0
        self._task_counter = 0

    # --- submission -------------------------------------------------------------------------------

    def take_number(self, front: bool) -> int:
        """Every POST without an explicit number uses one up, rejected ones included."""
        number = -self.number if front else self.number
        self.number += 1
        return number

    def put(self, item: QueueItem) -> None:
        item.sequence = next(self._sequence)
        heapq.heappush(self.pending, item)
        self._not_empty.set()
        self._on_change()

    def delete(self, prompt_id: str) -> bool:
        for index, item in enumerate(self.pending):
            if item.prompt_id == prompt_id:
                if len(self.pending) == 1:
                    self.wipe()
                else:
                    self.pending.pop(index)
                    heapq.heapify(self.pending)
                self._on_change()
                return True
        return False

    def wipe(self) -> None:
        self.pending = []
        self._on_change()

    # --- execution --------------------------------------------------------------------------------

    async def get(self) -> tuple[int, QueueItem]:
        while not self.pending:
            self._not_empty.clear()
            await self._not_empty.wait()
        item = heapq.heappop(self.pending)
        item_id = self._task_counter
        self._task_counter += 1
        self.running[item_id] = item
        self._on_change()
        return item_id, item

    def task_done(self, item_id: int, outputs: dict, meta: dict, status: dict) -> None:
        item = self.running.pop(item_id)
        while len(self.history) >= MAX_HISTORY:
            self.history.pop(next(iter(self.history)))
        # Assigning an existing key keeps its place: a reused prompt_id overwrites in place.
        self.history[item.prompt_id] = {
            "prompt": item.public(),
            "outputs": outputs,
            "status": status,
            "meta": meta,
        }
        self._on_change()

    def remaining(self) -> int:
        return len(self.pending) + len(self.running)

    def is_running(self, prompt_id: str) -> bool:
        return any(item.prompt_id == prompt_id for item in self.running.values())

    def snapshot(self) -> dict:
        return {
            "queue_running": [copy.deepcopy(item.public()) for item in self.running.values()],
            "queue_pending": [copy.deepcopy(item.public()) for item in self.pending],
        }

    # --- history ----------------------------------------------------------------------------------

    def history_entry(self, prompt_id: str) -> dict:
        return {prompt_id: copy.deepcopy(self.history[prompt_id])} if prompt_id in self.history else {}

    def history_page(self, max_items: int | None, offset: int) -> dict:
        if offset < 0 and max_items is not None:
            offset = len(self.history) - max_items
        page: dict[str, dict] = {}
        for index, (prompt_id, entry) in enumerate(self.history.items()):
            if index >= offset:
                page[prompt_id] = copy.deepcopy(entry)
                if max_items is not None and len(page) >= max_items:
                    break
        return page

    def delete_history(self, prompt_id: str) -> None:
        self.history.pop(prompt_id, None)

    def wipe_history(self) -> None:
        self.history.clear()
