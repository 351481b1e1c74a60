"""Serving the ASGI app with uvicorn on a socket we bind ourselves, inside the caller's event loop.

Binding first gives port 0 support and lets us stop listening (connections refused) and listen again on
the same port. Stopping aborts every TCP connection, so WebSocket clients see 1006, as after a crash.
We call uvicorn's `startup()` and do our own shutdown instead of `serve()`: `serve()` installs signal
handlers and polls for exit every 100 ms, which would slow every test teardown.
"""

from __future__ import annotations

import asyncio
import socket

import uvicorn
from starlette.types import ASGIApp

SHUTDOWN_GRACE_S = 1.0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


class Listener:
    def __init__(self, app: ASGIApp, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None

    @property
    def listening(self) -> bool:
        return self._server is not None

    async def start(self) -> None:
        sock = _bind(self.host, self.port)
        self.port = sock.getsockname()[1]  # port 0 becomes the real port, reused after a restart
        config = uvicorn.Config(
            self.app,
            lifespan="off",
            log_config=None,
            log_level="warning",
            access_log=False,
            ws="websockets-sansio",
            # The real server (aiohttp, no heartbeat) never pings and never closes an idle socket.
            ws_ping_interval=None,
            ws_ping_timeout=None,
        )
        config.load()
        server = uvicorn.Server(config)
        server.lifespan = config.lifespan_class(config)
        await server.startup(sockets=[sock])
        server.server_state.default_headers = list(config.encoded_headers)
        self._server = server

    def abort_peers(self, peers) -> None:
        wanted = set(peers)
        for connection in self._connections():
            if getattr(connection, "client", None) in wanted:
                connection.transport.abort()

    def abort_all(self, spare: tuple[str, int] | None = None) -> None:
        for connection in self._connections():
            if spare is None or getattr(connection, "client", None) != spare:
                connection.transport.abort()

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        for listening in server.servers:
            listening.close()  # refuse new connections at once
        for connection in list(server.server_state.connections):
            connection.transport.abort()
        tasks = list(server.server_state.tasks)
        if tasks:
            _, still_running = await asyncio.wait(tasks, timeout=SHUTDOWN_GRACE_S)
            for task in still_running:
                task.cancel()
        for listening in server.servers:
            await listening.wait_closed()

    def _connections(self) -> list:
        return list(self._server.server_state.connections) if self._server else []
