"""Timeline rules (rest-contract 3.1), pure: overlaps and the suggested free position, scene summaries and
analysis, and the layout of scenes on the project timeline.

Positions are seconds from the scene start; a clip occupies [timeline_position, timeline_position + length).
Ends are rounded to 6 decimals before comparing, so 4.0 + 1.1 touches 5.1 instead of overlapping it by 1e-16.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from projects_service.domain import Clip, LaidOutScene, Scene

MAX_POSITION = 10000.0
SUGGESTION_STEP = 0.1
MIN_REPORTED_GAP = 0.1


def r2(value: float) -> float:
    """Rounded to 2 decimals, never -0.0."""
    return round(value, 2) + 0.0


def end_of(clip: Clip) -> float:
    return round(clip.timeline_position + clip.length, 6)


def by_start(clip: Clip) -> tuple[float, str]:
    return clip.timeline_position, clip.id


def scene_order_key(scene: Scene) -> tuple[int, float, str]:
    """Scenes go by `order`, then creation, then id."""
    return scene.order, scene.created_at, scene.id


def clip_order_key(clip: Clip) -> tuple[int, float, float, str]:
    """Clips of a scene go by `order`, then position, then creation, then id."""
    return clip.order, clip.timeline_position, clip.created_at, clip.id


def conflict_message(other_name: str, amount: float, other_start: float, other_end: float) -> str:
    return (f"Clip would overlap with '{other_name}' by {amount:.2f} seconds. "
            f"Other clip occupies {other_start:.2f}s to {other_end:.2f}s")


@dataclass(frozen=True)
class Conflict:
    other: Clip
    overlap: float
    message: str
    suggested_position: float | None  # None when the suggestion would pass MAX_POSITION


def _other_families(clip: Clip, siblings: Iterable[Clip]) -> list[Clip]:
    """Every clip of the scene outside the clip's family (which includes the clip itself), by (start, id)."""
    return sorted((s for s in siblings if s.family_id != clip.family_id), key=by_start)


def suggest_position(length: float, requested: float, others: Sequence[Clip]) -> float | None:
    """Slides the clip past each conflicting clip in (start, id) order; one pass, as the contract defines
    it."""
    candidate = requested
    for other in others:
        if candidate < end_of(other) and round(candidate + length, 6) > other.timeline_position:
            candidate = end_of(other) + SUGGESTION_STEP
    candidate = r2(candidate)
    return None if candidate > MAX_POSITION else candidate


def find_conflict(clip: Clip, position: float, siblings: Iterable[Clip]) -> Conflict | None:
    """The first clip of another family that `clip` would overlap at `position`, by (start, id)."""
    others = _other_families(clip, siblings)
    end = round(position + clip.length, 6)
    for other in others:
        other_end = end_of(other)
        if position < other_end and end > other.timeline_position:
            amount = r2(min(end, other_end) - max(position, other.timeline_position))
            message = conflict_message(other.name, amount, other.timeline_position, other_end)
            return Conflict(other, amount, message, suggest_position(clip.length, position, others))
    return None


@dataclass(frozen=True)
class Gap:
    start: float
    end: float
    duration: float
    after: Clip  # the clip whose end set the cursor
    before: Clip  # the clip whose start closes the gap


@dataclass(frozen=True)
class Summary:
    total_clips: int
    total_duration: float
    timeline_end: float
    gaps: list[Gap]


def summarize(clips: Iterable[Clip]) -> Summary:
    """Figures over the main clips of one scene."""
    main = sorted((c for c in clips if not c.is_alternate), key=by_start)
    gaps: list[Gap] = []
    if main:
        cursor, cursor_clip = end_of(main[0]), main[0]
        for clip in main[1:]:
            width = r2(clip.timeline_position - cursor)
            if clip.timeline_position > cursor and width > 0:
                gaps.append(Gap(r2(cursor), r2(clip.timeline_position), width, cursor_clip, clip))
            if end_of(clip) > cursor:
                cursor, cursor_clip = end_of(clip), clip
    return Summary(total_clips=len(main), total_duration=r2(sum(c.length for c in main)),
                   timeline_end=r2(max((end_of(c) for c in main), default=0.0)), gaps=gaps)


@dataclass(frozen=True)
class Overlap:
    first: Clip  # the earlier start (ties by id)
    second: Clip
    duration: float
    message: str  # the conflict text from the first clip's point of view


@dataclass(frozen=True)
class Analysis:
    scene_id: str
    summary: Summary
    overlaps: list[Overlap]
    gaps: list[Gap]  # the summary's gaps longer than MIN_REPORTED_GAP
    total_clips: int
    alternate_clips: int

    @property
    def has_issues(self) -> bool:
        return bool(self.overlaps)


def analyze(scene_id: str, clips: Sequence[Clip]) -> Analysis:
    """Every overlapping pair of clips from different families, and the gaps between main clips."""
    ordered = sorted(clips, key=by_start)
    overlaps: list[Overlap] = []
    for i, first in enumerate(ordered):
        first_end = end_of(first)
        for second in ordered[i + 1:]:
            if second.timeline_position >= first_end:
                break  # later clips start even later
            if second.family_id == first.family_id:
                continue
            second_end = end_of(second)
            amount = r2(min(first_end, second_end) - second.timeline_position)
            overlaps.append(Overlap(first, second, amount, conflict_message(
                second.name, amount, second.timeline_position, second_end)))
    summary = summarize(ordered)
    alternates = sum(1 for c in ordered if c.is_alternate)
    return Analysis(scene_id=scene_id, summary=summary, overlaps=overlaps,
                    gaps=[g for g in summary.gaps if g.duration > MIN_REPORTED_GAP],
                    total_clips=len(ordered) - alternates, alternate_clips=alternates)


def main_clip_ends(clips: Iterable[Clip]) -> dict[str, float]:
    """The end of the last main clip of each scene, by scene id."""
    ends: dict[str, float] = {}
    for clip in clips:
        if not clip.is_alternate:
            ends[clip.scene_id] = max(ends.get(clip.scene_id, 0.0), end_of(clip))
    return ends


def lay_out(scenes: Sequence[Scene], clip_ends: Mapping[str, float]) -> tuple[dict[str, LaidOutScene], float]:
    """Each scene's computed duration and project-absolute start, and the timeline's total duration.

    duration = max(stored duration, end of the scene's main clips). Main scenes follow each other in
    (order, created_at) order; an alternate takes its root's start.
    """
    durations = {s.id: r2(max(s.duration, clip_ends.get(s.id, 0.0))) for s in scenes}
    starts: dict[str, float] = {}
    cursor = 0.0
    for scene in sorted((s for s in scenes if not s.is_alternate), key=scene_order_key):
        starts[scene.id] = r2(cursor)
        cursor += durations[scene.id]
    laid_out = {s.id: LaidOutScene(s, durations[s.id], starts.get(s.root_id, 0.0)) for s in scenes}
    return laid_out, r2(cursor)
