"""Stored documents <-> proto messages."""

from __future__ import annotations

from storyboard.media.v1 import media_service_pb2 as pb
from storyboard_common.store import Doc
from storyboard_common.timestamps import to_timestamp

KINDS = {"music": pb.MEDIA_KIND_MUSIC, "face": pb.MEDIA_KIND_FACE, "generated": pb.MEDIA_KIND_GENERATED,
         "reference": pb.MEDIA_KIND_REFERENCE}


def to_proto(doc: Doc) -> pb.Media:
    return pb.Media(
        id=doc["id"], kind=KINDS[doc["kind"]], content_type=doc["content_type"], size_bytes=doc["size_bytes"],
        sha256=doc["sha256"], url=doc["url"], original_filename=doc.get("original_filename", ""),
        width=doc.get("width"), height=doc.get("height"), duration=doc.get("duration"),
        project_id=doc.get("project_id"), clip_id=doc.get("clip_id"), job_id=doc.get("job_id"),
        create_time=to_timestamp(doc["created_at"]),
    )
