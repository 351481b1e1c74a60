from __future__ import annotations

from storyboard.media.v1 import media_service_pb2 as pb

from api_gateway.mappers.common import media_url, opt, rfc3339
from api_gateway.schemas.media import FaceUploadPublic, MediaPublic, MusicUploadPublic

KIND_NAMES = {pb.MEDIA_KIND_MUSIC: "music", pb.MEDIA_KIND_FACE: "face", pb.MEDIA_KIND_GENERATED: "generated",
              pb.MEDIA_KIND_REFERENCE: "reference"}


def media_public(m: pb.Media, base_url: str) -> MediaPublic:
    return MediaPublic(
        id=m.id, kind=KIND_NAMES.get(m.kind, "unknown"), content_type=m.content_type, size_bytes=m.size_bytes,
        sha256=m.sha256, url=media_url(m.url, base_url), original_filename=m.original_filename,
        width=opt(m, "width"), height=opt(m, "height"), duration=opt(m, "duration"),
        project_id=opt(m, "project_id"), clip_id=opt(m, "clip_id"), job_id=opt(m, "job_id"),
        created_at=rfc3339(m.create_time))


def music_upload_public(m: pb.Media, base_url: str) -> MusicUploadPublic:
    url = media_url(m.url, base_url)
    return MusicUploadPublic(message="Music uploaded successfully", file_path=url, file_url=url,
                             media_id=m.id, duration=opt(m, "duration"))


def face_upload_public(m: pb.Media, base_url: str) -> FaceUploadPublic:
    url = media_url(m.url, base_url)
    return FaceUploadPublic(message="Face image uploaded successfully", file_url=url, file_path=url,
                            media_id=m.id, content_type=m.content_type, width=opt(m, "width"),
                            height=opt(m, "height"), size_bytes=m.size_bytes)
