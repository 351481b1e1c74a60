"""What tests can observe on the server side: emitted WebSocket events and received requests."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EmittedEvent:
    """A message the server sent (or routed and dropped): `sid` None means broadcast."""

    type: str
    data: Any
    sid: str | None


@dataclass(frozen=True)
class RecordedRequest:
    kind: str  # "http" or "websocket"
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body.decode("utf-8", "replace"),
        }


MAX_RECORDS = 100_000  # bounds memory when bench pushes thousands of prompts through one fake


class EventLog:
    """Emitted events (the latest MAX_RECORDS), with awaitable lookups so tests never sleep to synchronise."""

    def __init__(self) -> None:
        self.entries: deque[EmittedEvent] = deque(maxlen=MAX_RECORDS)
        self._waiters: list[tuple[Callable[[EmittedEvent], bool], asyncio.Future]] = []

    def record(self, event_type: str, data: Any, sid: str | None) -> None:
        event = EmittedEvent(event_type, data, sid)
        self.entries.append(event)
        for predicate, future in list(self._waiters):
            if not future.done() and predicate(event):
                future.set_result(event)

    # A deadline parameter (not asyncio.timeout at call sites) keeps a forgotten wait from hanging a suite.
    async def wait_for(
        self,
        predicate: Callable[[EmittedEvent], bool],
        timeout: float,  # noqa: ASYNC109
        include_past: bool = True,
    ) -> EmittedEvent:
        if include_past:
            for event in self.entries:
                if predicate(event):
                    return event
        future = asyncio.get_running_loop().create_future()
        waiter = (predicate, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._waiters.remove(waiter)


def event_matcher(event_type: str, match: dict[str, Any]) -> Callable[[EmittedEvent], bool]:
    def predicate(event: EmittedEvent) -> bool:
        return (
            event.type == event_type
            and isinstance(event.data, dict)
            and all(event.data.get(key) == value for key, value in match.items())
        )

    return predicate
