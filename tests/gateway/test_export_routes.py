"""GET /projects/{id}/export/{format} at both mounts (rest-contract 1.3, 3.8; checklist row 60): every file is
read back with OpenTimelineIO."""

from __future__ import annotations

import json

import opentimelineio as otio
import pytest

from tests.conftest import gateway_client
from tests.gateway.rest_builders import new_clip, new_project, new_scene, place_media

# Scene "One" is 6 s long, so scene "Two" starts at 6.0 s: its clip at 1.0 s is at 7.0 s on the timeline.
EXPECTED = [("Opening", 0, 48, "/uploads/generated/open.mp4"),
            ("Still", 48, 96, "/uploads/generated/still.png"),
            ("Closing", 168, 72, "/uploads/generated/close.mp4")]


@pytest.fixture
async def project_id(client, mount) -> str:
    project = await new_project(client, mount, "Export me")
    one = await new_scene(client, mount, project["id"], "One", order=0)
    two = await new_scene(client, mount, project["id"], "Two", order=1)
    placements = [(one, "Opening", 0, 2, "video", "/uploads/generated/open.mp4"),
                  (one, "Still", 2, 4, "image", "/uploads/generated/still.png"),
                  (two, "Closing", 1, 3, "video", "/uploads/generated/close.mp4")]
    for scene, name, position, length, kind, url in placements:
        clip = await new_clip(client, mount, scene["id"], name, timeline_position=position, length=length)
        await place_media(client, mount, project["id"], clip["id"], kind, url)
    return project["id"]


def clips_on(track, base):
    return [(c.name, round(track.range_of_child(c).start_time.value), round(c.duration().value),
             c.media_reference.target_url.removeprefix(base))
            for c in track if isinstance(c, otio.schema.Clip)]


def first_video_track(read):
    timeline = read if isinstance(read, otio.schema.Timeline) else read.find_children(
        descended_from_type=otio.schema.Timeline)[0]
    return timeline.video_tracks()[0]  # no music here, so FCPXML's lane "-1" is absent


@pytest.mark.parametrize(("export_format", "content_type", "suffix", "adapter"), [
    ("fcpxml", "application/xml; charset=utf-8", ".fcpxml", "fcpx_xml"),
    ("edl", "text/plain; charset=utf-8", ".edl", "cmx_3600"),
    ("resolve", "application/xml; charset=utf-8", "_resolve.xml", "fcp_xml"),
    ("fcp7", "application/xml; charset=utf-8", "_resolve.xml", "fcp_xml"),
])
async def test_nle_exports_download_and_read_back_with_absolute_urls(client, mount, project_id, export_format,
                                                                     content_type, suffix, adapter):
    response = await client.get(f"{mount}/projects/{project_id}/export/{export_format}")
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert response.headers["content-disposition"] == f'attachment; filename="project_{project_id}{suffix}"'
    read = otio.adapters.read_from_string(response.text, adapter)
    assert clips_on(first_video_track(read), "http://testserver") == EXPECTED


async def test_json_export_holds_the_project_and_an_otio_timeline(client, mount, project_id):
    response = await client.get(f"{mount}/projects/{project_id}/export/json", params={"fps": "30"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    document = response.json()
    assert (document["format"], document["fps"]) == ("storyboard_v1", 30)
    assert document["project"]["id"] == project_id
    clip_names = [[c["name"] for c in s["clips"]] for s in document["scenes"]]
    assert clip_names == [["Opening", "Still"], ["Closing"]]
    closing = document["scenes"][1]["clips"][0]
    assert (closing["start"], closing["end"]) == (7.0, 10.0)
    assert closing["media"] == {"type": "video", "url": "http://testserver/uploads/generated/close.mp4"}
    timeline = otio.adapters.read_from_string(json.dumps(document["otio_timeline"]), "otio_json")
    assert [(name, start * 24 // 30, frames * 24 // 30, url) for name, start, frames, url in
            clips_on(timeline.video_tracks()[0], "http://testserver")] == EXPECTED


async def test_public_base_url_wins_over_the_request_base_url(stack, mount):
    async with gateway_client(stack, public_base_url="https://story.example") as client:
        project = await new_project(client, mount)
        clip = await new_clip(client, mount, (await new_scene(client, mount, project["id"]))["id"], "Only")
        await place_media(client, mount, project["id"], clip["id"], "image", "/uploads/generated/only.png")
        response = await client.get(f"{mount}/projects/{project['id']}/export/edl")
        assert "* SOURCE FILE: https://story.example/uploads/generated/only.png" in response.text


async def test_fps_and_start_timecode_reach_the_file(client, mount, project_id):
    response = await client.get(f"{mount}/projects/{project_id}/export/edl",
                                params={"fps": "25", "start_tc": "10:00:00:00"})
    assert response.status_code == 200
    assert "001  AX       V     C        00:00:00:00 00:00:02:00 10:00:00:00 10:00:02:00" in response.text
    fcpxml = await client.get(f"{mount}/projects/{project_id}/export/fcpxml",
                              params={"fps": "23.976", "width": "1280", "height": "720"})
    assert 'frameDuration="1001/24000s" width="1280" height="720"' in fcpxml.text


@pytest.mark.parametrize("query", [
    "export/mov", "export/edl?fps=23.98", "export/edl?fps=fast", "export/fcpxml?width=wide",
    "export/fcpxml?height=0.5", "export/fcpxml?width=9000", "export/edl?start_tc=10:00",
    "export/json?media=audio",
])
async def test_bad_export_parameters_are_400_invalid_parameter(client, mount, project_id, query):
    response = await client.get(f"{mount}/projects/{project_id}/{query}")
    assert response.status_code == 400
    assert response.json()["detail"]["error_code"] == "INVALID_PARAMETER"


async def test_export_of_a_missing_project_is_404(client, mount):
    response = await client.get(f"{mount}/projects/nope/export/json")
    assert response.status_code == 404
    assert response.json()["detail"]["details"] == {"resource_type": "Project", "resource_id": "nope"}
