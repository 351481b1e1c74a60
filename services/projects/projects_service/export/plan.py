"""The frame-exact layout every NLE format is written from (REST contract 3.8), pure.

Main scenes in layout order, each with its main clips by (timeline_position, order), at project-absolute
times snapped to frames. Each clip gets the media the selection rule picks; a clip without media leaves a
gap. A clip that overlaps an earlier one goes to the lowest higher video track where it fits. The music is one
audio clip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from projects_service.domain import Clip, GeneratedContent, Timeline
from projects_service.export.rates import FrameRate, exact

AUTO, VIDEO, IMAGE = "auto", "video", "image"
MEDIA_SELECTIONS = (AUTO, VIDEO, IMAGE)


@dataclass(frozen=True)
class Media:
    type: str  # "video" or "image" (a still held for the clip's length)
    url: str


@dataclass(frozen=True)
class PlacedClip:
    clip_id: str
    name: str
    media: Media
    start: int  # frames from the project start
    duration: int  # frames, at least 1
    track: int  # 0 is video track 1

    @property
    def end(self) -> int:
        return self.start + self.duration


@dataclass(frozen=True)
class PlacedMusic:
    name: str
    url: str
    duration: int


@dataclass(frozen=True)
class ExportPlan:
    project_id: str
    project_name: str
    rate: FrameRate
    clips: list[PlacedClip]  # in record order
    music: PlacedMusic | None

    @property
    def track_count(self) -> int:
        return max((c.track for c in self.clips), default=-1) + 1

    def track(self, index: int) -> list[PlacedClip]:
        return [c for c in self.clips if c.track == index]

    @property
    def end(self) -> int:
        ends = [c.end for c in self.clips] + ([self.music.duration] if self.music else [])
        return max(ends, default=0)


def absolute_url(url: str, base_url: str) -> str:
    """Root-relative paths get the public base URL; absolute URLs are kept."""
    return base_url.rstrip("/") + url if base_url and url.startswith("/") else url


def _selected(entries: Sequence[GeneratedContent], selected_id: str | None) -> GeneratedContent | None:
    return next((e for e in entries if e.id == selected_id), None) if selected_id else None


def chosen_media(clip: Clip, selection: str, base_url: str) -> Media | None:
    """auto: the selected video, else the selected image; video or image: only that kind."""
    video = _selected(clip.generated_videos, clip.selected_video_id) if selection in (AUTO, VIDEO) else None
    if video is not None:
        return Media(VIDEO, absolute_url(video.url, base_url))
    image = _selected(clip.generated_images, clip.selected_image_id) if selection in (AUTO, IMAGE) else None
    return Media(IMAGE, absolute_url(image.url, base_url)) if image is not None else None


def _frame_span(rate: FrameRate, start_s: Fraction, end_s: Fraction) -> tuple[int, int]:
    """Start and end snap independently, so clips that touch in seconds still touch in frames."""
    start = rate.frames(start_s)
    return start, max(1, rate.frames(end_s) - start)


def _assign_track(track_ends: list[int], start: int, end: int) -> int:
    for index, track_end in enumerate(track_ends):
        if track_end <= start:
            track_ends[index] = end
            return index
    track_ends.append(end)
    return len(track_ends) - 1


def build_plan(timeline: Timeline, rate: FrameRate, selection: str, base_url: str) -> ExportPlan:
    placed: list[PlacedClip] = []
    track_ends: list[int] = []
    for scene in timeline.scenes:  # already in layout order
        if scene.laid_out.scene.is_alternate:
            continue
        scene_start = exact(scene.laid_out.timeline_start)
        main_clips = sorted((c for c in scene.clips if not c.is_alternate),
                            key=lambda c: (c.timeline_position, c.order, c.created_at, c.id))
        for clip in main_clips:
            media = chosen_media(clip, selection, base_url)
            if media is None:
                continue
            start_s = scene_start + exact(clip.timeline_position)
            start, duration = _frame_span(rate, start_s, start_s + exact(clip.length))
            track = _assign_track(track_ends, start, start + duration)
            placed.append(PlacedClip(clip.id, clip.name, media, start, duration, track))
    return ExportPlan(timeline.project.id, timeline.project.name, rate, placed,
                      _music(timeline, rate, base_url))


def _music(timeline: Timeline, rate: FrameRate, base_url: str) -> PlacedMusic | None:
    project = timeline.project
    if not project.music_file_path:
        return None
    # Unknown duration (a URL set by hand): the music spans the timeline.
    seconds = project.music_duration if project.music_duration else timeline.total_duration
    duration = rate.frames(seconds)
    if duration < 1:
        return None
    return PlacedMusic("Music", absolute_url(project.music_file_path, base_url), duration)
