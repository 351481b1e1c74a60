"""Scene and timeline-analysis protos -> REST bodies, field by field (see mappers/clips.py on `*_json`)."""

from __future__ import annotations

from typing import Any

from storyboard.projects.v1 import projects_resources_pb2 as pb

from api_gateway.mappers.clips import clip_json, summary_public
from api_gateway.mappers.common import opt, rfc3339
from api_gateway.schemas.scenes import (
    ScenePublic,
    TimelineAnalysisGapPublic,
    TimelineAnalysisPublic,
    TimelineOverlapPublic,
)


def scene_json(s: pb.Scene) -> dict[str, Any]:
    return {"id": s.id, "project_id": s.project_id, "name": s.name, "description": s.description,
            "lyrics": s.lyrics, "order": s.order, "parent_scene_id": opt(s, "parent_scene_id"),
            "alternate_number": s.alternate_number, "is_alternate": s.is_alternate, "duration": s.duration,
            "timeline_start": s.timeline_start, "created_at": rfc3339(s.create_time),
            "updated_at": rfc3339(s.update_time)}


def scene_public(s: pb.Scene) -> ScenePublic:
    return ScenePublic.model_validate(scene_json(s))


def scene_with_clips_json(t: pb.TimelineScene, base_url: str) -> dict[str, Any]:
    return {**scene_json(t.scene), "clips": [clip_json(c, base_url) for c in t.clips]}


def analysis_public(a: pb.TimelineAnalysis) -> TimelineAnalysisPublic:
    return TimelineAnalysisPublic(
        scene_id=a.scene_id, summary=summary_public(a.summary),
        overlaps=[TimelineOverlapPublic(clip1_id=o.clip1_id, clip1_name=o.clip1_name, clip2_id=o.clip2_id,
                                        clip2_name=o.clip2_name, overlap_duration=o.overlap_duration,
                                        error=o.error) for o in a.overlaps],
        gaps=[TimelineAnalysisGapPublic(after_clip_id=g.after_clip_id, after_clip_name=g.after_clip_name,
                                        before_clip_id=g.before_clip_id, before_clip_name=g.before_clip_name,
                                        gap_start=g.gap_start, gap_end=g.gap_end, gap_duration=g.gap_duration)
              for g in a.gaps],
        has_issues=a.has_issues, total_clips=a.total_clips, alternate_clips=a.alternate_clips)
