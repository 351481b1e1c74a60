"""ExportProject over in-process gRPC: every format is read back with OpenTimelineIO and checked for clip
names, order, timings and media references."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import grpc
import opentimelineio as otio
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.rpc.status import error_info

BASE = "http://localhost:8000"
IMAGE, VIDEO = pb.CONTENT_TYPE_IMAGE, pb.CONTENT_TYPE_VIDEO
# Main clips at 24 fps: (name, first frame, frames, media URL). Scene B starts at 12.0 s (scene A's duration).
VIDEO_TRACK_1 = [("Intro", 0, 96, f"{BASE}/uploads/generated/intro.mp4"),
                 ("Verse & <1>", 96, 144, f"{BASE}/uploads/generated/verse.png"),
                 ("Chorus", 300, 84, f"{BASE}/uploads/generated/chorus.mp4")]
VIDEO_TRACK_2 = [("Overlay", 72, 48, f"{BASE}/uploads/generated/overlay.mp4")]
MUSIC = ("Music", 0, 480, f"{BASE}/uploads/music/song.mp3")


@pytest.fixture
async def project_id(rpc) -> str:
    """Two main scenes, an overlap, a clip without media, alternates of a clip and a scene, and music."""
    project = await rpc.project("Song & <Co>")
    await rpc.stub.UpdateProject(api.UpdateProjectRequest(
        project=pb.Project(id=project.id, music_file_path="/uploads/music/song.mp3", music_duration=20.0),
        update_mask=FieldMask(paths=["music_file_path", "music_duration"])))
    scene_a = await rpc.scene(project.id, "A", order=0)
    scene_b = await rpc.scene(project.id, "B", order=1)
    intro = await rpc.clip(scene_a.id, "Intro", timeline_position=0, length=4)
    await rpc.add_content(intro.id, VIDEO, "/uploads/generated/intro.mp4")
    verse = await rpc.clip(scene_a.id, "Verse & <1>", timeline_position=4, length=6)
    await rpc.add_content(verse.id, IMAGE, "/uploads/generated/verse.png")
    overlay = await rpc.clip(scene_a.id, "Overlay", timeline_position=3, length=2)
    await rpc.add_content(overlay.id, VIDEO, "/uploads/generated/overlay.mp4")
    await rpc.clip(scene_a.id, "Empty", timeline_position=10, length=2)
    alternate = await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=intro.id))
    await rpc.add_content(alternate.clip.id, VIDEO, "/uploads/generated/intro-alt.mp4")
    chorus = await rpc.clip(scene_b.id, "Chorus", timeline_position=0.5, length=3.5)
    await rpc.add_content(chorus.id, VIDEO, "/uploads/generated/chorus.mp4")
    await rpc.stub.CreateSceneAlternate(api.CreateSceneAlternateRequest(scene_id=scene_b.id, copy_clips=True))
    return project.id


async def export(rpc, project_id: str, export_format: int, **options) -> api.ExportProjectResponse:
    return await rpc.stub.ExportProject(api.ExportProjectRequest(
        project_id=project_id, format=export_format, base_url=BASE, **options))


def clips_on(track: otio.schema.Track) -> list[tuple[str, int, int, str]]:
    """(name, first frame, frames, media URL) of every clip, in track order; gaps are left out."""
    return [(c.name, round(track.range_of_child(c).start_time.value), round(c.duration().value),
             c.media_reference.target_url) for c in track if isinstance(c, otio.schema.Clip)]


def only_timeline(read: otio.core.SerializableObject) -> otio.schema.Timeline:
    timelines = [read] if isinstance(read, otio.schema.Timeline) else list(
        read.find_children(descended_from_type=otio.schema.Timeline))
    assert len(timelines) == 1
    return timelines[0]


async def test_fcpxml_reads_back_with_every_clip_at_its_absolute_time(rpc, project_id):
    reply = await export(rpc, project_id, pb.EXPORT_FORMAT_FCPXML)
    assert reply.content_type == "application/xml; charset=utf-8"
    assert reply.filename == f"project_{project_id}.fcpxml"
    timeline = only_timeline(otio.adapters.read_from_string(reply.content.decode(), "fcpx_xml"))
    tracks = {track.name: track for track in timeline.tracks}
    assert clips_on(tracks["0"]) == VIDEO_TRACK_1
    assert clips_on(tracks["1"]) == VIDEO_TRACK_2
    assert clips_on(tracks["-1"]) == [MUSIC]
    assert timeline.name == "Song & <Co>"


async def test_fcpxml_is_version_1_9_with_a_defined_format_and_frame_grid_times(rpc, project_id):
    reply = await export(rpc, project_id, pb.EXPORT_FORMAT_FCPXML, fps="29.97", width=1280, height=720)
    root = ElementTree.fromstring(reply.content)
    assert root.get("version") == "1.9"
    fmt = root.find("./resources/format")
    assert (fmt.get("id"), fmt.get("frameDuration"), fmt.get("width"), fmt.get("height")) == (
        "r1", "1001/30000s", "1280", "720")
    sequence = root.find("./library/event/project/sequence")
    assert (sequence.get("format"), sequence.get("tcStart"), sequence.get("tcFormat")) == ("r1", "0s", "NDF")
    assets = root.findall("./resources/asset")
    assert len({a.get("src") for a in assets}) == len(assets) == 5  # one per distinct file
    assert all(a.get("src").startswith(BASE + "/uploads/") for a in assets)
    spine = sequence.find("spine")
    assert [e.tag for e in spine] == ["asset-clip", "asset-clip", "gap", "asset-clip", "gap"]
    chorus = spine[3]
    assert (chorus.get("name"), chorus.get("offset"), chorus.get("duration")) == (
        "Chorus", f"{375 * 1001}/30000s", f"{105 * 1001}/30000s")  # 12.5 s and 3.5 s at 30000/1001
    lanes = {e.get("name"): e.get("lane") for e in root.iter("asset-clip") if e.get("lane")}
    assert lanes == {"Overlay": "1", "Music": "-1"}
    for element in root.iter():
        for name in ("offset", "duration", "start"):
            value = element.get(name)
            if value and value != "0s":
                numerator, denominator = value.removesuffix("s").split("/")
                assert denominator == "30000" and int(numerator) % 1001 == 0, (element.tag, name, value)


async def test_edl_reads_back_with_track_one_the_music_and_notes_for_overlaps(rpc, project_id):
    reply = await export(rpc, project_id, pb.EXPORT_FORMAT_EDL)
    assert (reply.content_type, reply.filename) == ("text/plain; charset=utf-8", f"project_{project_id}.edl")
    text = reply.content.decode()
    assert text.startswith("TITLE: Song & <Co>\nFCM: NON-DROP FRAME\n")
    assert "* NOTE: omitted overlapping clip Overlay" in text
    assert f"* SOURCE FILE: {BASE}/uploads/generated/chorus.mp4" in text
    assert "003  AX       V     C        00:00:00:00 00:00:03:12 00:00:12:12 00:00:16:00" in text
    timeline = otio.adapters.read_from_string(text, "cmx_3600", rate=24)
    video = [t for t in timeline.tracks if t.kind == otio.schema.TrackKind.Video]
    audio = [t for t in timeline.tracks if t.kind == otio.schema.TrackKind.Audio]
    assert [clips_on(t) for t in video] == [VIDEO_TRACK_1]
    assert [clips_on(t) for t in audio] == [[MUSIC]]


async def test_edl_record_times_start_at_the_start_timecode_at_ntsc_rates(rpc, project_id):
    reply = await export(rpc, project_id, pb.EXPORT_FORMAT_EDL, fps="29.97", start_tc="01:00:00:00")
    text = reply.content.decode()
    # Chorus: 12.5 s = 375 frames at 30000/1001, labelled non-drop on base 30 after one hour.
    assert "00:00:00:00 00:00:03:15 01:00:12:15 01:00:16:00" in text
    timeline = otio.adapters.read_from_string(text, "cmx_3600", rate=30)
    track = timeline.tracks[0]
    assert -track.source_range.start_time.value == 30 * 3600  # the reader keeps the first record time here
    assert [c[:3] for c in clips_on(track)] == [
        ("Intro", 0, 120), ("Verse & <1>", 120, 180), ("Chorus", 375, 105)]


@pytest.mark.parametrize("fps", ["24", "29.97"])
async def test_fcp7_xml_reads_back_exactly_at_its_rate(rpc, project_id, fps):
    reply = await export(rpc, project_id, pb.EXPORT_FORMAT_FCP7_XML, fps=fps)
    assert reply.filename == f"project_{project_id}_resolve.xml"
    timeline = otio.adapters.read_from_string(reply.content.decode(), "fcp_xml")
    video = [clips_on(t) for t in timeline.tracks if t.kind == otio.schema.TrackKind.Video]
    audio = [clips_on(t) for t in timeline.tracks if t.kind == otio.schema.TrackKind.Audio]
    if fps == "24":
        assert video == [VIDEO_TRACK_1, VIDEO_TRACK_2] and audio == [[MUSIC]]
    else:
        assert [[(name, start, frames) for name, start, frames, _ in track] for track in video] == [
            [("Intro", 0, 120), ("Verse & <1>", 120, 180), ("Chorus", 375, 105)], [("Overlay", 90, 60)]]
        assert timeline.tracks[0].range_of_all_children()  # rates are the exact NTSC rational
        assert round(timeline.tracks[0][0].duration().rate, 5) == round(30000 / 1001, 5)
    root = ElementTree.fromstring(reply.content)
    rate = root.find("./project/children/sequence/rate")
    assert rate.findtext("ntsc") == ("TRUE" if fps == "29.97" else "FALSE")
    assert root.findtext(".//samplecharacteristics/width") == "1920"
    files = [f for f in root.iter("file") if f.find("pathurl") is not None]
    assert len(files) == len({f.findtext("pathurl") for f in files}) == 5


async def test_json_lists_every_scene_and_clip_and_embeds_an_otio_timeline(rpc, project_id):
    reply = await export(rpc, project_id, pb.EXPORT_FORMAT_JSON, fps="25")
    assert (reply.content_type, reply.filename) == ("application/json", f"project_{project_id}.json")
    document = json.loads(reply.content)
    assert (document["format"], document["fps"]) == ("storyboard_v1", 25)
    assert document["exported_at"].endswith("Z") and document["project"]["name"] == "Song & <Co>"
    assert document["project"]["music_file_path"] == f"{BASE}/uploads/music/song.mp3"
    scenes = {s["name"]: s for s in document["scenes"]}
    assert set(scenes) == {"A", "B", "B A1"}
    assert (scenes["B"]["start"], scenes["B"]["end"]) == (12.0, 16.0)
    assert scenes["B A1"]["start"] == 12.0 and scenes["B A1"]["is_alternate"]
    clips = {c["name"]: c for c in scenes["A"]["clips"]}
    assert set(clips) == {"Intro", "Verse & <1>", "Overlay", "Empty", "Intro A1"}
    assert clips["Intro A1"]["media"] == {"type": "video", "url": f"{BASE}/uploads/generated/intro-alt.mp4"}
    assert clips["Empty"]["media"] is None
    chorus = scenes["B"]["clips"][0]
    assert (chorus["start"], chorus["end"]) == (12.5, 16.0)
    assert chorus["generated_videos"][0]["url"] == f"{BASE}/uploads/generated/chorus.mp4"
    timeline = otio.adapters.read_from_string(json.dumps(document["otio_timeline"]), "otio_json")
    assert [[c[0] for c in clips_on(t)] for t in timeline.video_tracks()] == [
        ["Intro", "Verse & <1>", "Chorus"], ["Overlay"]]
    chorus_on_track = clips_on(timeline.video_tracks()[0])[2]
    assert chorus_on_track[1:3] == (313, 87)  # 12.5 s x 25 = 312.5 rounds up; it ends at 16.0 s = frame 400


async def test_media_option_limits_clips_to_one_kind(rpc, project_id):
    reply = await export(rpc, project_id, pb.EXPORT_FORMAT_FCP7_XML, media=pb.EXPORT_MEDIA_SELECTION_IMAGE)
    timeline = otio.adapters.read_from_string(reply.content.decode(), "fcp_xml")
    names = [c.name for t in timeline.video_tracks() for c in t if isinstance(c, otio.schema.Clip)]
    assert names == ["Verse & <1>"]


async def test_empty_project_exports_valid_files(rpc):
    project = await rpc.project("Blank")
    for export_format in (pb.EXPORT_FORMAT_FCPXML, pb.EXPORT_FORMAT_EDL, pb.EXPORT_FORMAT_FCP7_XML,
                          pb.EXPORT_FORMAT_JSON):
        reply = await export(rpc, project.id, export_format)
        assert reply.content
    fcpxml = await export(rpc, project.id, pb.EXPORT_FORMAT_FCPXML)
    assert only_timeline(otio.adapters.read_from_string(fcpxml.content.decode(), "fcpx_xml")).name == "Blank"


@pytest.mark.parametrize("options", [
    {"format": pb.EXPORT_FORMAT_UNSPECIFIED}, {"fps": "23.98"}, {"fps": "abc"}, {"width": 9000},
    {"height": -1}, {"start_tc": "1:00:00:00"}, {"start_tc": "00:00:00:24"}, {"base_url": "ftp://host"},
])
async def test_bad_options_are_invalid_parameters(rpc, project_id, options):
    request = {"project_id": project_id, "format": pb.EXPORT_FORMAT_EDL, **options}
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await rpc.stub.ExportProject(api.ExportProjectRequest(**request))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(caught.value.trailing_metadata()).reason == "INVALID_PARAMETER"


async def test_export_of_a_missing_project_is_not_found(rpc):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await export(rpc, "missing", pb.EXPORT_FORMAT_JSON)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert caught.value.details() == "Project with ID 'missing' not found"
