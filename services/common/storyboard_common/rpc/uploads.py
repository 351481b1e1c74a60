"""The handshake of a chunked client-streaming upload, and how its end avoids a grpc.aio race.

Handshake: the server checks the header, then sends initial metadata carrying ACCEPTED_KEY with the most
bytes it will take; a refused header ends the call instead. The client waits for one or the other, so a
refused upload is answered before its body is read (HTTP: 413, 404 or 507 without reading the request body),
and it never sends more than the limit plus one byte.

Ending: when a server ends a client stream while the client is still writing, grpc.aio can report INTERNAL
("Internal error from Core") to the client instead of the server's status (grpc/grpc#36066). So a client
stops writing once it passed the limit, and a server that refuses the bytes reads what is still in flight
(bounded, `drain`) before it ends the call.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc

ACCEPTED_KEY = "x-upload-accepted"
# A server reads at most this many further messages before ending a refused upload.
DRAIN_MESSAGES = 8


async def accept(context: grpc.aio.ServicerContext, max_bytes: int) -> None:
    """Server side: the header is fine; send at most max_bytes."""
    await context.send_initial_metadata(((ACCEPTED_KEY, str(max_bytes)),))


async def drain(requests: AsyncIterator[Any], limit: int = DRAIN_MESSAGES) -> None:
    """Server side: reads (and drops) the client's remaining messages, up to `limit` of them."""
    for _ in range(limit):
        if await anext(requests, None) is None:
            return


async def wait_accepted(call: grpc.aio.StreamUnaryCall) -> int:
    """Client side: the most bytes the server will take, once it accepted the header; raises the call's
    AioRpcError if it refused."""
    metadata = await call.initial_metadata()
    for key, value in metadata or ():
        if key == ACCEPTED_KEY:
            return int(value)
    await call  # the call ended without accepting: this raises its error
    raise RuntimeError("the upload ended before its header was accepted")
