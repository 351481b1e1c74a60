"""Proto <-> domain: the only module that imports both."""

from __future__ import annotations

from google.protobuf import json_format, struct_pb2
from storyboard.media.v1 import media_service_pb2 as pb
from storyboard_common.timestamps import to_timestamp

from media_service.domain import ByteRange, Media, MediaKind, Release, UploadHeader

KIND_TO_PROTO = {MediaKind.MUSIC: pb.MEDIA_KIND_MUSIC, MediaKind.FACE: pb.MEDIA_KIND_FACE,
                 MediaKind.GENERATED: pb.MEDIA_KIND_GENERATED, MediaKind.REFERENCE: pb.MEDIA_KIND_REFERENCE}
KIND_FROM_PROTO = {v: k for k, v in KIND_TO_PROTO.items()}


def _opt(message: object, field: str) -> object | None:
    return getattr(message, field) if message.HasField(field) else None  # type: ignore[attr-defined]


def media_to_proto(media: Media) -> pb.Media:
    provenance = struct_pb2.Struct()
    provenance.update(media.provenance)
    return pb.Media(
        id=media.id, kind=KIND_TO_PROTO[media.kind], content_type=media.content_type,
        size_bytes=media.size_bytes, sha256=media.sha256, url=media.url,
        original_filename=media.original_filename, width=media.width, height=media.height,
        duration=media.duration, project_id=media.project_id, clip_id=media.clip_id, job_id=media.job_id,
        provenance=provenance, create_time=to_timestamp(media.created_at))


def header_from_proto(header: pb.UploadMediaHeader) -> UploadHeader:
    return UploadHeader(
        kind=KIND_FROM_PROTO.get(header.kind), original_filename=header.original_filename,
        declared_content_type=header.declared_content_type,
        declared_size_bytes=_opt(header, "declared_size_bytes"),  # type: ignore[arg-type]
        project_id=_opt(header, "project_id") or None,  # type: ignore[arg-type]
        clip_id=_opt(header, "clip_id") or None,  # type: ignore[arg-type]
        job_id=_opt(header, "job_id") or None,  # type: ignore[arg-type]
        provenance=json_format.MessageToDict(header.provenance) if header.HasField("provenance") else {})


def kind_from_proto(kind: int) -> MediaKind | None:
    return KIND_FROM_PROTO.get(kind)  # type: ignore[call-overload]


def read_header_to_proto(media: Media, byte_range: ByteRange) -> pb.ReadMediaHeader:
    return pb.ReadMediaHeader(media=media_to_proto(media), offset=byte_range.offset, length=byte_range.length)


def release_to_proto(release: Release) -> pb.ReleaseProjectMediaResponse:
    return pb.ReleaseProjectMediaResponse(deleted_media_count=release.deleted_media_count,
                                          deleted_file_count=release.deleted_file_count,
                                          freed_bytes=release.freed_bytes)
