"""CMX 3600 EDL through the OpenTimelineIO CMX 3600 adapter (otio-cmx3600-adapter).

The adapter's Event writes each line and its comments; this module chooses what goes in: video track 1 only
(clips on higher tracks become a NOTE on the event they overlap), then one A event for the music. Timecode is
non-drop on the nominal base: the timeline is built with frame counts at the true rate, labelled at 24/25/30/
50/60, which is what non-drop timecode of an NTSC rate means.
"""

from __future__ import annotations

import re

import opentimelineio as otio
from otio_cmx3600_adapter.cmx_3600 import Event

from projects_service.export.otio_timeline import build_timeline
from projects_service.export.plan import ExportPlan

TITLE_MAX = 70
STYLE = "avid"  # "* FROM CLIP: <url>" is the media reference the adapter (and Avid) reads back
_LINE_BREAKS = re.compile(r"[\r\n\t\x00-\x1f\x7f]+")


def one_line(text: str) -> str:
    """EDL fields are line-based: a name must never open a new line."""
    return _LINE_BREAKS.sub(" ", text).strip()


def _annotate(timeline: otio.schema.Timeline, plan: ExportPlan) -> None:
    """Reel AX (an unnamed source), the source URL, and a NOTE for every clip left off track 1."""
    notes: dict[str, list[str]] = {}
    track_one = plan.track(0)
    for omitted in (c for c in plan.clips if c.track > 0):
        covering = [c for c in track_one if c.start <= omitted.start]
        host = covering[-1].clip_id if covering else track_one[0].clip_id
        notes.setdefault(host, []).append(f"NOTE: omitted overlapping clip {one_line(omitted.name)}")
    for clip in timeline.find_clips():
        clip.name = one_line(clip.name)
        url = clip.media_reference.target_url
        clip_id = clip.metadata.get("storyboard", {}).get("clip_id")
        comments = [f"SOURCE FILE: {url}", *notes.get(clip_id, [])]
        clip.metadata["cmx_3600"] = {"reel": "AX", "comments": comments}


def write_edl(plan: ExportPlan, start_frame: int) -> str:
    rate = plan.rate.nominal
    timeline = build_timeline(plan, rate, lead_in=start_frame, max_video_tracks=1)
    _annotate(timeline, plan)
    events = []
    for track in timeline.tracks:
        events += [Event(clip, timeline.tracks, track.kind, rate, STYLE, 0) for clip in track.find_clips()]
    lines = [f"TITLE: {one_line(plan.project_name)[:TITLE_MAX]}", "FCM: NON-DROP FRAME", ""]
    for number, event in enumerate(events, start=1):
        event.edit_number = number
        lines.append(event.to_edl_format())
        lines.append("")
    return "\n".join(lines)
