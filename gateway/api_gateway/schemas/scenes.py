"""Scene and timeline-analysis request and response models (rest-contract 1.4, 2.2, 3.1)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from api_gateway.schemas.clips import INT32_MAX, ClipPublic, TimelineSummaryPublic

DURATION_MAX = 1e9


class SceneCreate(BaseModel):
    project_id: str
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field("", max_length=2000)
    lyrics: str | None = Field("", max_length=5000)
    order: int = Field(0, ge=0, le=INT32_MAX)
    duration: float = Field(0.0, ge=0, le=DURATION_MAX)


class SceneUpdate(BaseModel):
    """Partial: an absent or null field is unchanged. `timeline_start` is computed, so it is accepted and
    ignored."""

    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    lyrics: str | None = Field(None, max_length=5000)
    order: int | None = Field(None, ge=0, le=INT32_MAX)
    duration: float | None = Field(None, ge=0, le=DURATION_MAX)
    timeline_start: float | None = None


class ScenePublic(BaseModel):
    id: str
    project_id: str
    name: str
    description: str
    lyrics: str
    order: int
    parent_scene_id: str | None
    alternate_number: int
    is_alternate: bool
    duration: float
    timeline_start: float
    created_at: str | None
    updated_at: str | None


class SceneMessage(ScenePublic):
    message: str


class SceneWithClips(ScenePublic):
    clips: list[ClipPublic]


class ScenesDeleted(BaseModel):
    scenes: int
    clips: int


class SceneDeleteResult(BaseModel):
    message: str
    deleted: ScenesDeleted
    cancelled_jobs: int


class TimelineOverlapPublic(BaseModel):
    clip1_id: str
    clip1_name: str
    clip2_id: str
    clip2_name: str
    overlap_duration: float
    error: str


class TimelineAnalysisGapPublic(BaseModel):
    after_clip_id: str
    after_clip_name: str
    before_clip_id: str
    before_clip_name: str
    gap_start: float
    gap_end: float
    gap_duration: float


class TimelineAnalysisPublic(BaseModel):
    scene_id: str
    summary: TimelineSummaryPublic
    overlaps: list[TimelineOverlapPublic]
    gaps: list[TimelineAnalysisGapPublic]
    has_issues: bool
    total_clips: int
    alternate_clips: int
