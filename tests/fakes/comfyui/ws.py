"""WebSocket side: the socket table, ComfyUI's routing rules, and the `/ws` endpoint.

Routing (protocol doc 4.5): an event with a sid goes only to the socket registered under that sid, and is
dropped if there is none; an event without a sid goes to every socket. A new socket with a known clientId
replaces the old one, and closing any socket removes its sid, even if a newer socket holds it now.
Each socket has its own outbox drained by its own task, so a slow client never blocks execution.
"""

from __future__ import annotations

import asyncio
import json
import struct
import uuid
from collections.abc import Callable
from typing import Any

from starlette.websockets import WebSocket

SERVER_FEATURES = {"supports_preview_metadata": True, "max_upload_size": 104857600}
PREVIEW_IMAGE = 1
PREVIEW_IMAGE_WITH_METADATA = 4


class Connection:
    def __init__(self, sid: str, websocket: WebSocket) -> None:
        self.sid = sid
        self.websocket = websocket
        client = websocket.client
        self.peer = (client.host, client.port) if client else None
        self.feature_flags: dict = {}
        self.outbox: asyncio.Queue[str | bytes] = asyncio.Queue()

    async def pump(self) -> None:
        while True:
            message = await self.outbox.get()
            try:
                if isinstance(message, bytes):
                    await self.websocket.send_bytes(message)
                else:
                    await self.websocket.send_text(message)
            except Exception:  # noqa: BLE001 - a dead socket just stops receiving, as on the server
                return


class SocketHub:
    def __init__(self, on_event: Callable[[str, Any, str | None], None]) -> None:
        self._on_event = on_event
        self.sockets: dict[str, Connection] = {}
        self.stalled = False  # a silent stall: sockets stay open, nothing is sent

    def register(self, connection: Connection) -> None:
        self.sockets[connection.sid] = connection

    def unregister(self, sid: str) -> None:
        self.sockets.pop(sid, None)

    def send(self, event: str, data: Any, sid: str | None = None) -> None:
        self._on_event(event, data, sid)
        self._deliver(json.dumps({"type": event, "data": data}), sid)

    def send_preview(
        self, image_type: str, image_bytes: bytes, metadata: dict | None, sid: str | None
    ) -> None:
        """Binary preview frame: event 4 with metadata, or the legacy event 1 with an image type."""
        if metadata is not None:
            meta = json.dumps({**metadata, "image_type": f"image/{image_type.lower()}"}).encode()
            frame = struct.pack(">II", PREVIEW_IMAGE_WITH_METADATA, len(meta)) + meta + image_bytes
        else:
            frame = struct.pack(">II", PREVIEW_IMAGE, 1 if image_type == "JPEG" else 2) + image_bytes
        self._on_event("binary_preview", {"size": len(frame), "with_metadata": metadata is not None}, sid)
        self._deliver(frame, sid)

    def supports_preview_metadata(self, sid: str | None) -> bool:
        connection = self.sockets.get(sid) if sid is not None else None
        return bool(connection and connection.feature_flags.get("supports_preview_metadata"))

    def peers(self, sid: str | None = None) -> list[tuple[str, int]]:
        connections = (
            self.sockets.values() if sid is None else [c for c in self.sockets.values() if c.sid == sid]
        )
        return [c.peer for c in connections if c.peer]

    def _deliver(self, message: str | bytes, sid: str | None) -> None:
        if self.stalled:
            return
        if sid is None:
            targets = list(self.sockets.values())
        else:
            targets = [self.sockets[sid]] if sid in self.sockets else []
        for connection in targets:
            connection.outbox.put_nowait(message)


async def serve_socket(websocket: WebSocket, core: Any) -> None:
    """The `/ws?clientId=` endpoint. `core` is the FakeCore (hub, queue, executor, offline gate)."""
    if not await core.admit_websocket(websocket):
        return
    sid = websocket.query_params.get("clientId") or uuid.uuid4().hex
    await websocket.accept()
    # Keep this process's hub: after a restart, a late cleanup must not touch the new socket table.
    hub, executor = core.hub, core.executor
    connection = Connection(sid, websocket)
    hub.register(connection)
    pump = asyncio.create_task(connection.pump())
    try:
        hub.send("status", {"status": core.queue_info(), "sid": sid}, sid)
        if executor.client_id == sid and executor.last_node_id is not None:
            # A reconnect mid-run learns the current node, without a prompt_id (protocol doc 4.5).
            hub.send("executing", {"node": executor.last_node_id}, sid)
        await _read_client_messages(websocket, connection, hub)
    finally:
        hub.unregister(sid)
        pump.cancel()


async def _read_client_messages(websocket: WebSocket, connection: Connection, hub: SocketHub) -> None:
    first_message = True
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        if message.get("text") is None:
            continue
        try:
            data = json.loads(message["text"])
        except json.JSONDecodeError:
            continue
        if first_message and isinstance(data, dict) and data.get("type") == "feature_flags":
            connection.feature_flags = data.get("data") or {}
            hub.send("feature_flags", SERVER_FEATURES, connection.sid)
        first_message = False
