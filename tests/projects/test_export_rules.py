"""Export rules without I/O: frame rates and timecode, and the frame-exact plan NLE files are written from."""

from __future__ import annotations

from fractions import Fraction

import pytest
from projects_service.domain import (
    Clip,
    GeneratedContent,
    LaidOutScene,
    Project,
    Scene,
    Timeline,
    TimelineScene,
)
from projects_service.export.plan import build_plan
from projects_service.export.rates import parse_fps
from storyboard_common.errors import InvalidArgumentError


def content(content_id: str, content_type: str) -> GeneratedContent:
    ext = "mp4" if content_type == "video" else "png"
    return GeneratedContent(id=content_id, content_type=content_type,
                            url=f"/uploads/generated/{content_id}.{ext}")


def clip(clip_id: str, position: float, length: float, *, video: str | None = None, image: str | None = None,
         alternate_of: str | None = None, order: int = 0) -> Clip:
    return Clip(id=clip_id, scene_id="s", project_id="p", name=f"Clip {clip_id}", created_at=0, updated_at=0,
                timeline_position=position, length=length, order=order,
                generated_videos=(content(video, "video"),) if video else (), selected_video_id=video,
                generated_images=(content(image, "image"),) if image else (), selected_image_id=image,
                parent_clip_id=alternate_of, is_alternate=alternate_of is not None)


def scene(scene_id: str, start: float, duration: float, clips: list[Clip],
          alternate: bool = False) -> TimelineScene:
    s = Scene(id=scene_id, project_id="p", name=scene_id, created_at=0, updated_at=0, is_alternate=alternate,
              parent_scene_id="root" if alternate else None)
    return TimelineScene(LaidOutScene(s, duration, start), clips)


def timeline(*scenes: TimelineScene, music: str | None = None, music_duration: float | None = None,
             total: float = 0.0) -> Timeline:
    project = Project(id="p", name="Song", description="", created_at=0, updated_at=0, music_file_path=music,
                      music_duration=music_duration)
    return Timeline(project, list(scenes), total)


@pytest.mark.parametrize(("text", "label", "rate"), [
    ("", "24", Fraction(24)), ("24.0", "24", Fraction(24)), ("23.976", "23.976", Fraction(24000, 1001)),
    ("29.97", "29.97", Fraction(30000, 1001)), ("59.940", "59.94", Fraction(60000, 1001)), ("50", "50", 50),
])
def test_accepted_frame_rates_are_exact(text, label, rate):
    parsed = parse_fps(text)
    assert (parsed.label, parsed.rate) == (label, rate)


@pytest.mark.parametrize("text", ["23.98", "12", "abc", "nan", "sNaN", "inf", "-24", "24fps"])
def test_other_frame_rates_are_invalid_parameters(text):
    with pytest.raises(InvalidArgumentError) as caught:
        parse_fps(text)
    assert caught.value.reason == "INVALID_PARAMETER"


def test_timecode_is_non_drop_on_the_nominal_base():
    at30 = parse_fps("30")
    assert at30.timecode(at30.frames(90.5)) == "00:01:30:15"
    assert at30.timecode(at30.frames(3661)) == "01:01:01:00"
    ntsc = parse_fps("29.97")
    assert ntsc.nominal == 30 and ntsc.frames(10) == 300 and ntsc.timecode(300) == "00:00:10:00"
    assert parse_fps("23.976").timecode(24) == "00:00:01:00"


def test_times_snap_to_the_nearest_frame_on_the_exact_rate():
    at24 = parse_fps("24")
    assert at24.frames(7.5) == 180 and at24.rational(180) == "180/24s" and at24.rational(0) == "0s"
    ntsc = parse_fps("29.97")
    assert ntsc.frames(1.0) == 30 and ntsc.rational(30) == "30030/30000s"
    assert ntsc.frame_duration == Fraction(1001, 30000)


def test_start_timecode_parses_against_the_nominal_base():
    at24 = parse_fps("24")
    assert at24.parse_timecode("01:00:00:00") == 86400
    assert at24.parse_timecode("00:00:01:23") == 47
    for bad in ("00:00:00:24", "00:60:00:00", "1:00:00:00", "00:00:00;00", ""):
        with pytest.raises(InvalidArgumentError):
            at24.parse_timecode(bad)


def test_plan_uses_project_absolute_times_across_scenes():
    plan = build_plan(timeline(
        scene("s1", 0.0, 10.0, [clip("a", 0, 4, video="va"), clip("b", 4, 6, image="ib")]),
        scene("s2", 10.0, 5.0, [clip("c", 0, 5, video="vc")]),
    ), parse_fps("24"), "auto", "")
    assert [(c.clip_id, c.start, c.duration, c.track) for c in plan.clips] == [
        ("a", 0, 96, 0), ("b", 96, 144, 0), ("c", 240, 120, 0)]


def test_overlapping_clips_go_to_the_lowest_higher_track_where_they_fit():
    plan = build_plan(timeline(scene("s1", 0.0, 10.0, [
        clip("a", 0, 5, video="va"), clip("b", 1, 2, video="vb"), clip("c", 2, 3, video="vc"),
        clip("d", 3, 1, video="vd"), clip("e", 5, 1, video="ve"),
    ])), parse_fps("24"), "auto", "")
    assert {c.clip_id: c.track for c in plan.clips} == {"a": 0, "b": 1, "c": 2, "d": 1, "e": 0}
    assert plan.track_count == 3


def test_media_selection_picks_video_or_image_and_leaves_gaps():
    both = clip("both", 0, 1, video="v", image="i")
    still = clip("still", 1, 1, image="i2")
    empty = clip("empty", 2, 1)
    source = timeline(scene("s1", 0.0, 3.0, [both, still, empty]))

    def media(selection):
        return {c.clip_id: (c.media.type, c.media.url) for c in build_plan(source, parse_fps("24"), selection,
                                                                          "http://host:8000/").clips}

    assert media("auto") == {"both": ("video", "http://host:8000/uploads/generated/v.mp4"),
                             "still": ("image", "http://host:8000/uploads/generated/i2.png")}
    assert media("video") == {"both": ("video", "http://host:8000/uploads/generated/v.mp4")}
    assert set(media("image")) == {"both", "still"}


def test_alternates_stay_out_of_nle_plans():
    plan = build_plan(timeline(
        scene("s1", 0.0, 5.0, [clip("root", 0, 5, video="v"),
                               clip("alt", 0, 5, video="w", alternate_of="root")]),
        scene("s1a", 0.0, 5.0, [clip("x", 0, 5, video="x")], alternate=True),
    ), parse_fps("24"), "auto", "")
    assert [c.clip_id for c in plan.clips] == ["root"]


def test_durations_are_at_least_one_frame_and_touching_clips_still_touch():
    plan = build_plan(timeline(scene("s1", 0.0, 1.0, [
        clip("tiny", 0, 0.01, image="i"), clip("next", 0.01, 0.33, image="j"),
        clip("after", 0.34, 0.5, image="k"),
    ])), parse_fps("24"), "auto", "")
    spans = {c.clip_id: (c.start, c.end, c.track) for c in plan.clips}
    assert spans["tiny"] == (0, 1, 0)
    # Both start at frame 0, so the second goes up a track.
    assert spans["next"][0] == 0 and spans["next"][2] == 1
    assert spans["after"][0] == spans["next"][1] == 8


def test_music_spans_its_duration_or_the_timeline_when_unknown():
    measured = build_plan(timeline(music="/uploads/music/m.mp3", music_duration=12.5), parse_fps("24"),
                          "auto", "http://h")
    assert (measured.music.url, measured.music.duration) == ("http://h/uploads/music/m.mp3", 300)
    unknown = build_plan(timeline(music="https://cdn.example/m.mp3", total=3.0), parse_fps("25"), "auto", "")
    assert (unknown.music.url, unknown.music.duration) == ("https://cdn.example/m.mp3", 75)
    assert build_plan(timeline(), parse_fps("24"), "auto", "").music is None
