"""Stored files served over HTTP from the media service's ReadMedia stream (REST contract 0.9).

The path is looked up by the media service as a URL in its store; it never reaches a file system, here or
there.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from email.utils import formatdate

import grpc
from fastapi.responses import JSONResponse
from starlette.responses import Response, StreamingResponse
from storyboard.media.v1 import media_service_pb2 as pb
from storyboard.media.v1.media_service_pb2_grpc import MediaServiceStub
from storyboard_common.rpc.status import error_info

from api_gateway.http_ranges import UNSATISFIABLE, etag_matches, parse_range

log = logging.getLogger(__name__)

NOT_FOUND = {"detail": "Not Found"}

# A ReadMedia message: the header, or a chunk as a view of its bytes (backends.media_stub).
ReadMessage = pb.ReadMediaResponse | memoryview


class _Refused(Exception):
    def __init__(self, response: Response):
        self.response = response


def _headers(media: pb.Media) -> dict[str, str]:
    return {
        "content-type": media.content_type,
        "accept-ranges": "bytes",
        "etag": f'"{media.sha256}"',
        "last-modified": formatdate(media.create_time.seconds, usegmt=True),
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-disposition": "inline",
    }


def _unsatisfiable(size: int | str) -> Response:
    return JSONResponse({"detail": "Range Not Satisfiable"}, status_code=416,
                        headers={"content-range": f"bytes */{size}", "accept-ranges": "bytes"})


async def _open(media: MediaServiceStub, request: pb.ReadMediaRequest
                ) -> tuple[grpc.aio.UnaryStreamCall, AsyncIterator[ReadMessage], pb.ReadMediaHeader]:
    """The call, its remaining messages and its header; _Refused for an unknown file or a range past its
    end."""
    call = media.ReadMedia(request)
    messages = call.__aiter__()
    try:
        first = await anext(messages)
    except grpc.aio.AioRpcError as exc:
        info = error_info(exc.trailing_metadata())
        if exc.code() == grpc.StatusCode.NOT_FOUND:
            raise _Refused(JSONResponse(NOT_FOUND, status_code=404)) from None
        if info is not None and info.reason == "RANGE_NOT_SATISFIABLE":
            raise _Refused(_unsatisfiable(info.metadata.get("size_bytes", "*"))) from None
        raise
    if isinstance(first, memoryview):
        raise RuntimeError("ReadMedia sent a chunk before its header")
    return call, messages, first.header


async def serve_file(media: MediaServiceStub, url: str, range_header: str | None, if_none_match: str | None,
                     head: bool) -> Response:
    try:
        return await _serve(media, url, range_header, if_none_match, head)
    except _Refused as refused:
        return refused.response


async def _serve(media: MediaServiceStub, url: str, range_header: str | None, if_none_match: str | None,
                 head: bool) -> Response:
    wanted = parse_range(range_header)
    if if_none_match or wanted is UNSATISFIABLE:  # both are decided on the metadata alone
        call, _, header = await _open(media, pb.ReadMediaRequest(url=url, metadata_only=True))
        call.cancel()
        if etag_matches(if_none_match, f'"{header.media.sha256}"'):
            headers = _headers(header.media)
            del headers["content-type"]
            return Response(status_code=304, headers=headers)
        if wanted is UNSATISFIABLE:
            return _unsatisfiable(header.media.size_bytes)
    call, messages, header = await _open(media, pb.ReadMediaRequest(
        url=url, offset=wanted.offset if wanted else 0, length=wanted.length if wanted else 0,
        suffix_length=wanted.suffix_length if wanted else 0, metadata_only=head))
    headers = _headers(header.media)
    headers["content-length"] = str(header.length)
    status = 200
    if wanted is not None:
        status = 206
        last = header.offset + header.length - 1
        headers["content-range"] = f"bytes {header.offset}-{last}/{header.media.size_bytes}"
    if head:
        call.cancel()
        return Response(status_code=status, headers=headers)
    return StreamingResponse(_body(call, messages), status_code=status, headers=headers)


async def _body(call: grpc.aio.UnaryStreamCall,
                messages: AsyncIterator[ReadMessage]) -> AsyncIterator[bytes | memoryview]:
    """The chunks as they come; a client that goes away cancels the read."""
    try:
        async for message in messages:
            yield message if isinstance(message, memoryview) else message.chunk
    except grpc.aio.AioRpcError as exc:  # headers are out: the short body tells the client
        log.warning("file stream broke off: %s", exc.code().name)
    finally:
        call.cancel()
