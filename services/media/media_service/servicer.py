"""MediaServicer: translates gRPC requests into service calls and back, nothing else."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
from storyboard.media.v1 import media_service_pb2 as api
from storyboard.media.v1 import media_service_pb2_grpc
from storyboard_common.chunks import CHUNK_SIZE
from storyboard_common.errors import DomainError, InvalidArgumentError
from storyboard_common.rpc.chunk_messages import BytesFieldMessage
from storyboard_common.rpc.uploads import accept as accept_upload
from storyboard_common.rpc.uploads import drain

from media_service import mappers
from media_service.bootstrap import Deps

# The file streams' chunk messages skip protobuf (server.method_handlers, rpc/chunk_messages.py): UploadMedia
# receives a chunk as a view of its bytes, ReadMedia sends chunks in wire form.
UPLOAD_CHUNK = BytesFieldMessage(api.UploadMediaRequest, "chunk")
READ_CHUNK = BytesFieldMessage(api.ReadMediaResponse, "chunk")

UploadRequest = api.UploadMediaRequest | memoryview  # a chunk message arrives as the chunk's bytes


async def _chunks(requests: AsyncIterator[UploadRequest]) -> AsyncIterator[memoryview]:
    """The bytes of the messages after the header; each must be a chunk of at most 1 MiB."""
    async for message in requests:
        chunk = message if isinstance(message, memoryview) else _chunk_of(message)
        if len(chunk) > CHUNK_SIZE:
            raise InvalidArgumentError(f"A chunk may carry at most {CHUNK_SIZE} bytes")
        yield chunk


def _chunk_of(message: api.UploadMediaRequest) -> memoryview:
    if message.WhichOneof("payload") != "chunk":
        raise InvalidArgumentError("Only the first message of an upload may carry a header")
    return memoryview(message.chunk)


class MediaServicer(media_service_pb2_grpc.MediaServiceServicer):
    def __init__(self, deps: Deps):
        self._library = deps.library
        self._uploads = deps.uploads

    async def UploadMedia(self, request_iterator: AsyncIterator[UploadRequest],
                          context: grpc.aio.ServicerContext) -> api.UploadMediaResponse:
        requests = aiter(request_iterator)
        first = await anext(requests, None)
        if not isinstance(first, api.UploadMediaRequest) or first.WhichOneof("payload") != "header":
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
            async for chunk in reading.chunks():
                yield READ_CHUNK.encode(chunk)
        finally:
            await reading.aclose()  # after a read still running

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
