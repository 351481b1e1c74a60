"""RemoteControl: drives a fake in another process through `/_fake/`, with FakeComfyUI's method names.

control = RemoteControl("http://127.0.0.1:8188")
await control.set_latency(0.5, class_type="ImageBlur")
await control.restart()                  # done when it returns (with down_for: scheduled)
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from .admin import CONTROLS
from .server import FakeComfyUI


class RemoteControl:
    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout

    async def apply(self, controls: dict[str, dict]) -> dict:
        """Several controls in one request, in order: {"set_latency": {"seconds": 1}, ...}."""
        async with httpx.AsyncClient(base_url=self.url, timeout=self.timeout) as client:
            response = await client.post("/_fake/scenario", json=controls)
            response.raise_for_status()
            return response.json()["results"]

    async def state(self) -> dict:
        return await self._get("/_fake/state")

    async def requests(self) -> list[dict]:
        return await self._get("/_fake/requests")

    async def events(self, event_type: str | None = None) -> list[dict]:
        return await self._get("/_fake/events", params={"type": event_type} if event_type else None)

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        if name not in CONTROLS:
            raise AttributeError(name)
        signature = inspect.signature(getattr(FakeComfyUI, name))

        async def call(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(None, *args, **kwargs)
            arguments: dict[str, Any] = {}
            for key, value in bound.arguments.items():
                kind = signature.parameters[key].kind
                if kind is inspect.Parameter.VAR_KEYWORD:
                    arguments.update(value)
                elif key != "self":
                    arguments[key] = value
            return (await self.apply({name: arguments}))[name]

        return call

    async def _get(self, path: str, params: dict | None = None) -> Any:
        async with httpx.AsyncClient(base_url=self.url, timeout=self.timeout) as client:
            response = await client.get(path, params=params)
            response.raise_for_status()
            return response.json()
