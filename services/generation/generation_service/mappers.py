"""Stored documents <-> proto messages."""

from __future__ import annotations

from storyboard.generation.v1 import generation_resources_pb2 as pb
from storyboard_common.store import Doc
from storyboard_common.timestamps import to_timestamp

STATES = {
    "queued": pb.GENERATION_JOB_STATE_QUEUED, "dispatched": pb.GENERATION_JOB_STATE_DISPATCHED,
    "running": pb.GENERATION_JOB_STATE_RUNNING, "canceling": pb.GENERATION_JOB_STATE_CANCELING,
    "succeeded": pb.GENERATION_JOB_STATE_SUCCEEDED, "failed": pb.GENERATION_JOB_STATE_FAILED,
    "cancelled": pb.GENERATION_JOB_STATE_CANCELLED,
}
STATE_NAMES = {v: k for k, v in STATES.items()}


def to_proto(doc: Doc) -> pb.GenerationJob:
    return pb.GenerationJob(
        id=doc["id"], project_id=doc["project_id"], scene_id=doc["scene_id"], clip_id=doc["clip_id"],
        state=STATES[doc["state"]], priority=doc.get("priority", 0), prompt=doc.get("prompt", ""),
        create_time=to_timestamp(doc["created_at"]), update_time=to_timestamp(doc["updated_at"]),
    )
