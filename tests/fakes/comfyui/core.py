"""The simulated ComfyUI process: socket table, queue, history, executor and cache.

`reset()` is a process restart: all of that is rebuilt empty (number back to 0), `temp/` is wiped, and
only the disk folders, the scenario and the observation logs survive.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable

from starlette.responses import Response
from starlette.websockets import WebSocket

from .catalog import NodeDef
from .executor import PromptExecutor
from .files import FileStore
from .models import ModelCatalog, ServerEnvironment
from .nodes import NODE_DEFS
from .observe import MAX_RECORDS, EventLog, RecordedRequest
from .scenario import Scenario
from .state import PromptQueue
from .ws import SocketHub

OFFLINE_MODES = ("refuse", "503", "hang")


class FakeCore:
    def __init__(self, files: FileStore, models: ModelCatalog, scenario: Scenario) -> None:
        self.files = files
        self.models = models
        self.scenario = scenario
        self.env = ServerEnvironment(models, files)
        self.events = EventLog()
        self.requests: deque[RecordedRequest] = deque(maxlen=MAX_RECORDS)
        self.argv: list[str] = ["main.py"]
        self.offline_mode: str | None = None
        self.websockets_refused = False
        # Set by the listener: abruptly closes the TCP connections of these peers (clients see 1006/reset).
        self.abort_peers: Callable[[list[tuple[str, int]]], None] = lambda peers: None
        self._online = asyncio.Event()
        self._online.set()
        self._hangs_released = asyncio.Event()
        self._worker: asyncio.Task | None = None
        self._build_process()

    def _build_process(self) -> None:
        self.hub = SocketHub(self.events.record)
        self.queue = PromptQueue(on_change=self._broadcast_status)
        self.executor = PromptExecutor(self.queue, self.hub, self.scenario, self.files, self.env)

    # --- lifecycle --------------------------------------------------------------------------------

    def start(self) -> None:
        self._worker = asyncio.create_task(self.executor.serve_queue(), name="fake-comfyui-worker")

    async def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None

    async def reset(self) -> None:
        await self.stop()
        self.files.wipe_temp()
        self._build_process()
        self.start()

    # --- state shared by the routes ---------------------------------------------------------------

    def available_nodes(self) -> dict[str, NodeDef]:
        return {name: node for name, node in NODE_DEFS.items() if name not in self.scenario.absent_classes}

    def queue_info(self) -> dict:
        return {"exec_info": {"queue_remaining": self.queue.remaining()}}

    def _broadcast_status(self) -> None:
        self.hub.send("status", {"status": self.queue_info()})

    # --- offline gate and hangs -------------------------------------------------------------------

    def set_offline(self, mode: str | None) -> None:
        self.offline_mode = mode
        if mode is None:
            self._online.set()
        else:
            self._online.clear()

    async def wait_online(self) -> None:
        await self._online.wait()

    async def wait_hang_released(self) -> None:
        self._hangs_released.clear()
        await self._hangs_released.wait()

    def release_hangs(self) -> None:
        self._hangs_released.set()

    async def admit_websocket(self, websocket: WebSocket) -> bool:
        if self.offline_mode == "hang":
            await self.wait_online()
        if self.offline_mode == "503":
            await websocket.send_denial_response(Response(status_code=503))
            return False
        if self.websockets_refused:
            await websocket.close()  # before accept: the handshake fails with 403
            return False
        return True
