"""Stored documents <-> proto messages."""

from __future__ import annotations

from storyboard.comfyui.v1 import comfyui_service_pb2 as pb
from storyboard_common.store import Doc
from storyboard_common.timestamps import to_timestamp

SERVER_TYPES = {"standard": pb.SERVER_TYPE_STANDARD, "runpod": pb.SERVER_TYPE_RUNPOD}


def to_proto(doc: Doc) -> pb.Server:
    return pb.Server(
        id=doc["id"], name=doc["name"], url=doc["url"], server_type=SERVER_TYPES[doc.get("server_type", "standard")],
        endpoint_id=doc.get("endpoint_id"), is_active=doc.get("is_active", True),
        max_concurrent=doc.get("max_concurrent", 1), has_api_key=bool(doc.get("api_key_encrypted")),
        create_time=to_timestamp(doc["created_at"]), update_time=to_timestamp(doc["updated_at"]),
    )
