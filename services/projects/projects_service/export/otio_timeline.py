"""An ExportPlan as an OpenTimelineIO timeline: one video track per plan track, gaps for holes, the music
on an audio track. Every format adapter writes from this."""

from __future__ import annotations

import opentimelineio as otio

from projects_service.export.plan import ExportPlan, PlacedClip

VIDEO, AUDIO = otio.schema.TrackKind.Video, otio.schema.TrackKind.Audio


class TimeBase:
    """Frame counts as RationalTime at one rate; EDLs use the nominal integer base for non-drop timecode."""

    def __init__(self, rate: float):
        self.rate = rate

    def time(self, frames: int) -> otio.opentime.RationalTime:
        return otio.opentime.RationalTime(frames, self.rate)

    def span(self, start: int, duration: int) -> otio.opentime.TimeRange:
        return otio.opentime.TimeRange(self.time(start), self.time(duration))


def _asset_durations(plan: ExportPlan) -> dict[str, int]:
    """Each file is described once, long enough for every use (its source always runs from frame 0)."""
    durations: dict[str, int] = {}
    for clip in plan.clips:
        durations[clip.media.url] = max(durations.get(clip.media.url, 0), clip.duration)
    if plan.music:
        durations[plan.music.url] = max(durations.get(plan.music.url, 0), plan.music.duration)
    return durations


def _clip(base: TimeBase, name: str, url: str, duration: int, asset_duration: int,
          metadata: dict[str, object]) -> otio.schema.Clip:
    reference = otio.schema.ExternalReference(target_url=url, available_range=base.span(0, asset_duration))
    return otio.schema.Clip(name=name, media_reference=reference, source_range=base.span(0, duration),
                            metadata=metadata)


def _video_track(base: TimeBase, index: int, clips: list[PlacedClip], durations: dict[str, int],
                 lead_in: int, pad_to: int) -> otio.schema.Track:
    track = otio.schema.Track(name=f"V{index + 1}", kind=VIDEO)
    cursor = 0
    for placed in clips:
        start = placed.start + lead_in
        if start > cursor:
            track.append(otio.schema.Gap(source_range=base.span(0, start - cursor)))
        # The clip id keeps otherwise identical clips distinct (the FCP7 adapter dedupes equal items).
        track.append(_clip(base, placed.name, placed.media.url, placed.duration, durations[placed.media.url],
                           {"storyboard": {"clip_id": placed.clip_id, "media_type": placed.media.type}}))
        cursor = start + placed.duration
    if pad_to > cursor:
        track.append(otio.schema.Gap(source_range=base.span(0, pad_to - cursor)))
    return track


def build_timeline(plan: ExportPlan, rate: float, *, lead_in: int = 0, max_video_tracks: int | None = None,
                   pad_first_track: bool = False) -> otio.schema.Timeline:
    """`lead_in` shifts every item (the EDL start timecode); `pad_first_track` ends track 1 with a gap at the
    sequence end so every connected clip has a spine item to attach to (FCPXML)."""
    base = TimeBase(rate)
    durations = _asset_durations(plan)
    timeline = otio.schema.Timeline(name=plan.project_name)
    timeline.global_start_time = base.time(0)
    track_count = max(plan.track_count, 1)
    if max_video_tracks is not None:
        track_count = min(track_count, max_video_tracks)
    for index in range(track_count):
        pad_to = plan.end + lead_in if (pad_first_track and index == 0) else 0
        timeline.tracks.append(_video_track(base, index, plan.track(index), durations, lead_in, pad_to))
    if plan.music:
        audio = otio.schema.Track(name="A1", kind=AUDIO)
        if lead_in:
            audio.append(otio.schema.Gap(source_range=base.span(0, lead_in)))
        music = plan.music
        audio.append(_clip(base, music.name, music.url, music.duration, durations[music.url],
                           {"storyboard": {"media_type": "audio"}}))
        timeline.tracks.append(audio)
    return timeline
