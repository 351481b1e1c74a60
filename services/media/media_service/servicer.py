"""MediaServicer: translates gRPC requests into service calls and back, nothing else."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc

from storyboard.media.v1 import media_service_pb2 as api
from storyboard.media.v1 import media_service_pb2_grpc
from storyboard_common.chunks import CHUNK_SIZE
from storyboard_common.rpc.chunk_messages import BytesFieldMessage
from storyboard_common.errors import DomainError, InvalidArgumentError
from storyboard_common.rpc.uploads import accept as accept_upload
from storyboard_common.rpc.uploads import drain

from media_service import mappers
from media_service.bootstrap import Deps

# ReadMedia's chunks go out in wire form (server.method_handlers passes them through).
READ_CHUNK = BytesFieldMessage(api.ReadMediaResponse, "chunk")


async def _chunks(requests: AsyncIterator[api.UploadMediaRequest]) -> AsyncIterator[bytes]:
    """The bytes of the messages after the header; each must be a chunk of at most 1 MiB."""
    async for message in requests:
        if message.WhichOneof("payload") != "chunk":
            raise InvalidArgumentError("Only the first message of an upload may carry a header")
        chunk = message.chunk  # each attribute read copies the bytes out of the message
        if len(chunk) > CHUNK_SIZE:
            raise InvalidArgumentError(f"A chunk may carry at most {CHUNK_SIZE} bytes")
        yield chunk


class MediaServicer(media_service_pb2_grpc.MediaServiceServicer):
    def __init__(self, deps: Deps):
        self._library = deps.library
        self._uploads = deps.uploads

    async def UploadMedia(self, request_iterator: AsyncIterator[api.UploadMediaRequest],
                          context: grpc.aio.ServicerContext) -> api.UploadMediaResponse:
        requests = aiter(request_iterator)
        first = await anext(requests, None)
        if first is None or first.WhichOneof("payload") != "header":
            raise InvalidArgumentError("The first message of an upload must carry the header")
        upload = await self._uploads.open(mappers.header_from_proto(first.header))
        # The caller sends the body only after this, so a refused header (too large, no project, no space)
        # is answered before any byte is read.
        await accept_upload(context, upload.limit)
        try:
            media = await self._uploads.finish(upload, _chunks(requests))
        except DomainError:
            await drain(requests)  # so the caller sees our status, not a write race (see rpc/uploads.py)
            raise
        return api.UploadMediaResponse(media=mappers.media_to_proto(media))

    async def ReadMedia(self, request: api.ReadMediaRequest,
                        context: grpc.aio.ServicerContext) -> AsyncIterator[api.ReadMediaResponse | bytes]:
        selector = request.WhichOneof("selector")
        if selector is None:
            raise InvalidArgumentError("Exactly one of media_id and url must be set",
                                       reason="INVALID_PARAMETER")
        reading = await self._library.open_read(
            **{selector: getattr(request, selector)}, offset=request.offset, length=request.length,
            suffix_length=request.suffix_length, metadata_only=request.metadata_only)
        try:
            yield api.ReadMediaResponse(header=mappers.read_header_to_proto(reading.media, reading.range))
            import time as _t; from storyboard_common._tl import tl; _w_in = _w_out = 0.0; _t0 = _t.perf_counter(); _it = aiter(reading.chunks())  # PROFTMP
            while True:  # PROFTMP
                _a = _t.perf_counter(); chunk = await anext(_it, None); _w_in += _t.perf_counter() - _a  # PROFTMP
                if chunk is None: tl(f"m-dl in {_w_in*1000:.0f}ms out {_w_out*1000:.0f}ms total {(_t.perf_counter()-_t0)*1000:.0f}ms"); break  # PROFTMP
                _a = _t.perf_counter(); yield READ_CHUNK.encode(chunk); _w_out += _t.perf_counter() - _a  # PROFTMP
        finally:
            reading.close()

    async def GetMedia(self, request: api.GetMediaRequest,
                       context: grpc.aio.ServicerContext) -> api.GetMediaResponse:
        return api.GetMediaResponse(media=mappers.media_to_proto(await self._library.get(request.media_id)))

    async def ListMedia(self, request: api.ListMediaRequest,
                        context: grpc.aio.ServicerContext) -> api.ListMediaResponse:
        page = await self._library.list(request.project_id, mappers.kind_from_proto(request.kind),
                                        request.job_id, request.page_size, request.page_token, request.offset)
        return api.ListMediaResponse(media=[mappers.media_to_proto(m) for m in page.media],
                                     next_page_token=page.next_page_token, total_size=page.total_size)

    async def DeleteMedia(self, request: api.DeleteMediaRequest,
                          context: grpc.aio.ServicerContext) -> api.DeleteMediaResponse:
        await self._library.delete(request.media_id)
        return api.DeleteMediaResponse()

    async def ReleaseProjectMedia(self, request: api.ReleaseProjectMediaRequest,
                                  context: grpc.aio.ServicerContext) -> api.ReleaseProjectMediaResponse:
        return mappers.release_to_proto(await self._library.release_project(request.project_id))
