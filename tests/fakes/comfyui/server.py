"""FakeComfyUI: the handle tests use. Starts a fake server in the caller's event loop and drives scenarios.

async with FakeComfyUI() as fake:          # 127.0.0.1, a free port
    httpx.AsyncClient(base_url=fake.url)   # fake.ws_url + "?clientId=..." for the socket
    fake.set_latency(0.5, class_type="ImageBlur")
    await fake.restart()
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .app import build_app
from .core import OFFLINE_MODES, FakeCore
from .files import FileStore
from .listener import Listener
from .models import ModelCatalog
from .observe import EmittedEvent, RecordedRequest, event_matcher
from .scenario import HttpFault, NodeFault, Rejection, Scenario


class FakeComfyUI:
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        base_dir: str | Path | None = None,
        models: Mapping[str, Iterable[str]] | None = None,
        absent_node_classes: Iterable[str] = (),
        latency: float = 0.002,
        system_stats: Mapping[str, Any] | None = None,
    ) -> None:
        """`base_dir` holds output/, input/ and temp/ (a temporary dir, removed on close, if None).
        `models` maps folder -> file names (None: a few fake defaults, {}: no models at all)."""
        self._temp_dir = tempfile.TemporaryDirectory(prefix="fake-comfyui-") if base_dir is None else None
        self.files = FileStore(Path(base_dir or self._temp_dir.name))
        self.scenario = Scenario(default_latency=latency, absent_classes=set(absent_node_classes))
        self.scenario.system.update(**(system_stats or {}))
        self.models = ModelCatalog(models)
        self.core = FakeCore(self.files, self.models, self.scenario)
        self._listener = Listener(build_app(self.core, self), host, port)
        self.core.abort_peers = self._listener.abort_peers
        self._timers: set[asyncio.Task] = set()

    # --- lifecycle --------------------------------------------------------------------------------

    async def __aenter__(self) -> FakeComfyUI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def start(self) -> None:
        self.core.start()
        try:
            await self._listener.start()
        except BaseException:
            await self.core.stop()
            raise
        self.core.argv = ["main.py", "--listen", self.host, "--port", str(self.port)]

    async def close(self) -> None:
        for timer in list(self._timers):
            timer.cancel()
        self.core.set_offline(None)
        self.core.release_hangs()
        await self._listener.stop()
        await self.core.stop()
        if self._temp_dir is not None:
            self._temp_dir.cleanup()

    @property
    def host(self) -> str:
        return self._listener.host

    @property
    def port(self) -> int:
        return self._listener.port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://", 1) + "/ws"

    @property
    def output_dir(self) -> Path:
        return Path(self.files.output_dir)

    @property
    def input_dir(self) -> Path:
        return Path(self.files.input_dir)

    # --- execution scenario -----------------------------------------------------------------------

    def set_latency(
        self, seconds: float, *, class_type: str | None = None, node_id: str | None = None
    ) -> None:
        """Time a node spends working. Node id beats class, class beats the default (no target: default)."""
        if node_id is not None:
            self.scenario.latency_by_node[node_id] = seconds
        elif class_type is not None:
            self.scenario.latency_by_class[class_type] = seconds
        else:
            self.scenario.default_latency = seconds

    def set_progress(
        self,
        steps: int,
        *,
        class_type: str | None = None,
        node_id: str | None = None,
        previews: bool | None = None,
    ) -> None:
        """`progress` 0..steps-1 spread over the node's latency, for nodes without native steps."""
        if node_id is not None:
            self.scenario.progress_by_node[node_id] = steps
        elif class_type is not None:
            self.scenario.progress_by_class[class_type] = steps
        if previews is not None:
            self.scenario.progress_previews = previews

    def inject_error(
        self,
        *,
        node_id: str | None = None,
        class_type: str | None = None,
        exception_type: str = "RuntimeError",
        message: str = "Injected failure",
        at_step: int | None = None,
        times: int | None = None,
    ) -> None:
        """Matching nodes raise: `execution_error` with this type and message (OOM adds the real tip)."""
        self.scenario.node_faults.append(
            NodeFault(node_id, class_type, exception_type, message, at_step, times)
        )

    def clear_errors(self) -> None:
        self.scenario.node_faults.clear()

    def reject_next_prompt(
        self, *, error: dict | None = None, node_errors: dict | None = None, status: int = 400
    ) -> None:
        """The next POST /prompt gets this answer (default: prompt_outputs_failed_validation)."""
        rejection = Rejection(status=status, node_errors=node_errors or {})
        if error is not None:
            rejection.error = error
        self.scenario.rejections.append(rejection)

    def set_history_delay(self, seconds: float) -> None:
        """Delay between `execution_success` and the history write ("late history")."""
        self.scenario.history_delay = seconds

    # --- catalogue and machine --------------------------------------------------------------------

    def set_models(self, folder: str, names: Iterable[str]) -> None:
        self.models.set(folder, names)

    def add_models(self, folder: str, names: Iterable[str]) -> None:
        self.models.add(folder, *names)

    def remove_models(self, folder: str, names: Iterable[str]) -> None:
        self.models.remove(folder, *names)

    def set_model_metadata(self, folder: str, name: str, metadata: dict[str, str] | None) -> None:
        """The safetensors header `__metadata__` that GET /view_metadata shows for the file (None: none)."""
        self.models.set_metadata(folder, name, metadata)

    def remove_node_classes(self, class_names: Iterable[str]) -> None:
        """Absent classes vanish from /object_info and are rejected with `invalid_prompt`."""
        self.scenario.absent_classes.update(class_names)

    def restore_node_classes(self, class_names: Iterable[str]) -> None:
        self.scenario.absent_classes.difference_update(class_names)

    def set_system_stats(self, **fields: Any) -> None:
        """E.g. vram_total, vram_free, torch_vram_free, device_name, device_type, device_index, ram_free."""
        self.scenario.system.update(**fields)

    # --- network faults ---------------------------------------------------------------------------

    def add_http_fault(
        self,
        path: str,
        *,
        method: str | None = None,
        status: int | None = None,
        delay: float = 0.0,
        hang: bool = False,
        reset: bool = False,
        times: int | None = None,
    ) -> None:
        """`path` is a regex over the route path without /api, e.g. "/history.*"."""
        self.scenario.http_faults.append(HttpFault(path, method, status, delay, hang, reset, times))

    def clear_http_faults(self) -> None:
        self.scenario.http_faults.clear()
        self.core.release_hangs()

    def stall_websockets(self, stalled: bool = True) -> None:
        """Sockets stay open but receive nothing (messages are lost) until un-stalled."""
        self.core.hub.stalled = stalled

    def refuse_websockets(self, refused: bool = True) -> None:
        """New WebSocket handshakes fail (403); open sockets are untouched."""
        self.core.websockets_refused = refused

    def drop_websockets(self, client_id: str | None = None) -> int:
        """Abruptly close sockets (all, or one clientId's): clients see close code 1006."""
        peers = self.core.hub.peers(client_id)
        self._listener.abort_peers(peers)
        return len(peers)

    async def go_offline(self, mode: str = "refuse", duration: float | None = None) -> None:
        """refuse: connections refused; 503: every route answers 503; hang: requests wait until online.
        State is kept (a network outage, not a restart). With `duration`, comes back by itself."""
        if mode not in OFFLINE_MODES:
            raise ValueError(f"mode must be one of {OFFLINE_MODES}")
        self.core.set_offline(mode)
        if mode == "refuse":
            await self._listener.stop()
        elif mode == "503":
            self._listener.abort_peers(self.core.hub.peers())
        else:
            self.core.hub.stalled = True  # open sockets go quiet while the server hangs
        if duration is not None:
            self._later(duration, self.go_online)

    async def go_online(self) -> None:
        if not self._listener.listening:
            await self._listener.start()
        if self.core.offline_mode == "hang":
            self.core.hub.stalled = False
        self.core.set_offline(None)

    async def crash(self) -> None:
        """Like SIGKILL: sockets drop (1006), connections are refused, memory is lost. go_online() revives."""
        self.core.set_offline("refuse")
        await self._listener.stop()
        await self.core.reset()

    async def restart(self, down_for: float = 0.0, *, spare_peer: tuple[str, int] | None = None) -> None:
        """Come back empty: no queue, history, cache or sockets (all dropped with 1006), `number` at 0.
        Output files stay, so `_NNNNN_` counters continue. With `down_for`, connections are refused that
        long first. `spare_peer` keeps one connection open (the admin route's own request)."""
        if down_for > 0:
            await self.crash()
            await asyncio.sleep(down_for)
            await self.go_online()
            return
        self._listener.abort_all(spare=spare_peer)
        await self.core.reset()

    def _later(self, delay: float, action: Callable[[], Awaitable[None]]) -> None:
        async def run() -> None:
            await asyncio.sleep(delay)
            await action()

        task = asyncio.create_task(run())
        self._timers.add(task)
        task.add_done_callback(self._timers.discard)

    # --- observation ------------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Requests received, oldest first (kind, method, path, query, headers, body, json())."""
        return list(self.core.requests)

    def clear_requests(self) -> None:
        self.core.requests.clear()

    @property
    def events(self) -> list[EmittedEvent]:
        """WebSocket events emitted, oldest first, with the sid they were routed to (None: broadcast)."""
        return list(self.core.events.entries)

    async def wait_for_event(
        self,
        event_type: str,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default deadline keeps a forgotten wait from hanging
        include_past: bool = True,
        **match: Any,
    ) -> EmittedEvent:
        """E.g. `await fake.wait_for_event("executing", node="3", prompt_id=pid)`."""
        return await self.core.events.wait_for(event_matcher(event_type, match), timeout, include_past)

    async def wait_idle(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - as wait_for_event
        """Until nothing is pending or running."""
        if self.core.queue.remaining() == 0:
            return
        await self.core.events.wait_for(
            lambda e: e.type == "status" and e.data["status"]["exec_info"]["queue_remaining"] == 0,
            timeout,
            include_past=False,
        )

    def connected_clients(self) -> list[str]:
        return list(self.core.hub.sockets)

    def state(self) -> dict:
        return {
            "url": self.url,
            "offline_mode": self.core.offline_mode,
            "queue_remaining": self.core.queue.remaining(),
            "clients": self.connected_clients(),
            "models": self.models.snapshot(),
            "scenario": self.scenario,
        }
