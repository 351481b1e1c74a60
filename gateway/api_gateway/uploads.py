"""HTTP multipart uploads relayed into the media service's UploadMedia stream (REST contract 3.7).

The file part goes from the request body to gRPC in 1 MiB chunks as it arrives; nothing is spooled. The media
service accepts the header (kind, declared size, project, free space) before the body is read and says how
many bytes it takes; reading stops one byte past that, so an oversized body is never read to its end.
"""

from __future__ import annotations

import asyncio
import logging

import grpc
from fastapi.exceptions import RequestValidationError
from starlette.requests import ClientDisconnect, Request
from storyboard.media.v1 import media_service_pb2 as pb
from storyboard.media.v1.media_service_pb2_grpc import MediaServiceStub
from storyboard_common.rpc.chunk_messages import BytesFieldMessage
from storyboard_common.rpc.uploads import wait_accepted

from api_gateway.errors import ApiError
from api_gateway.form_stream import MalformedFormError, StreamedForm

log = logging.getLogger(__name__)

# Chunks go out in wire form (backends.media_stub), skipping protobuf's encoder.
CHUNK_MESSAGE = BytesFieldMessage(pb.UploadMediaRequest, "chunk")

# A multipart body may exceed its file by this much; a larger Content-Length is refused unread (contract 3.7).
FORM_OVERHEAD_BYTES = 64 * 1024


def missing_file() -> RequestValidationError:
    """FastAPI's own 422 for a required form field that is absent (contract 1.9: a missing `file`)."""
    return RequestValidationError([{"type": "missing", "loc": ("body", "file"), "msg": "Field required",
                                    "input": None}])


def declared_file_size(request: Request) -> int | None:
    """The most the file can be, given the body's Content-Length; None when the length is unknown."""
    try:
        length = int(request.headers["content-length"])
    except (KeyError, ValueError):
        return None
    return max(length - FORM_OVERHEAD_BYTES, 0)


async def _send(call: grpc.aio.StreamUnaryCall, message: pb.UploadMediaRequest | bytes) -> bool:
    """False when the service already ended the call (its status says why)."""
    try:
        await call.write(message)
    except asyncio.InvalidStateError:
        return False
    return True


async def relay_upload(request: Request, media: MediaServiceStub, kind: pb.MediaKind.ValueType,
                       rpc_timeout_s: float, project_id: str | None = None,
                       project_from_form: bool = False) -> pb.Media:
    """Streams the request's `file` part into UploadMedia and returns the stored record. With
    project_from_form, an optional `project_id` form field (sent before the file) tags the upload."""
    form = StreamedForm.of(request)
    if form is None:
        raise missing_file()
    try:
        fields, file = await form.until_file()
        if file is None:
            raise missing_file()
        if project_from_form:
            project_id = fields.get("project_id") or None
        header = pb.UploadMediaHeader(kind=kind, project_id=project_id, original_filename=file.filename,
                                      declared_content_type=file.content_type,
                                      declared_size_bytes=declared_file_size(request))
        call = media.UploadMedia(timeout=rpc_timeout_s)
        try:
            if await _send(call, pb.UploadMediaRequest(header=header)):
                # A refusal (413, 404, 507) raises here, before the body is read.
                limit = await wait_accepted(call)
                await _send_body(call, form, limit, project_from_form and project_id is None)
            return (await call).media
        except BaseException:
            call.cancel()  # the service drops the partial upload
            raise
    except MalformedFormError as exc:
        log.info("malformed upload body: %s", exc)
        raise ApiError(400, "VALIDATION_ERROR", "Invalid multipart/form-data body") from None
    except ClientDisconnect:
        raise ApiError(499, "CANCELLED", "The client closed the request") from None


async def _send_body(call: grpc.aio.StreamUnaryCall, form: StreamedForm, limit: int,
                     project_may_follow: bool) -> None:
    """The file's chunks, stopping one byte past the service's limit (it then answers FILE_TOO_LARGE), then
    the rest of the form."""
    sent = 0
    chunks = form.file_chunks(stop_after=limit)
    try:
        async for chunk in chunks:
            over = sent + len(chunk) > limit
            if over:
                chunk = chunk[: limit + 1 - sent]
            if not await _send(call, CHUNK_MESSAGE.encode(chunk)):
                return  # the service ended the call: its status says why
            sent += len(chunk)
            if over:
                await call.done_writing()  # the body is not read further
                return
    finally:
        await chunks.aclose()
    trailing = await form.rest()
    if project_may_follow and trailing.get("project_id"):
        # The header went out without the tag, and an untagged file would survive the project's deletion.
        raise ApiError(400, "VALIDATION_ERROR", "Send the project_id field before the file field")
    await call.done_writing()
