"""The plain-dict mappers behind the big project, scene and clip answers match their documented schemas."""

from __future__ import annotations

from api_gateway.mappers.clips import clip_json, content_json, gallery_json
from api_gateway.mappers.projects import project_json, timeline_json
from api_gateway.mappers.scenes import scene_json
from api_gateway.schemas.clips import ClipPublic, GalleryPublic, GeneratedContentPublic
from api_gateway.schemas.projects import ProjectPublic, TimelinePublic
from api_gateway.schemas.scenes import ScenePublic
from google.protobuf.struct_pb2 import Struct
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.timestamps import to_timestamp

NOW = to_timestamp(1764165000.137)


def content() -> pb.GeneratedContent:
    params = Struct()
    params.update({"seed": 3, "cfg": 6.5, "nested": {"steps": [1, 2.5]}})
    return pb.GeneratedContent(id="c1", content_type=pb.CONTENT_TYPE_VIDEO, url="/uploads/generated/c1.mp4",
                               thumbnail_url="/uploads/generated/t.png", model_name="wan.safetensors",
                               generation_params=params, loras=[pb.LoraRef(name="l", weight=0.5)], seed=3,
                               source=pb.CONTENT_SOURCE_POOL, is_selected=True, create_time=NOW)


def clip() -> pb.Clip:
    return pb.Clip(id="k1", scene_id="s1", project_id="p1", name="Clip", length=2.5, timeline_position=1.25,
                   parent_clip_id="k0", alternate_number=1, is_alternate=True, generated_videos=[content()],
                   selected_video_id="c1", create_time=NOW, update_time=NOW)


def scene() -> pb.Scene:
    return pb.Scene(id="s1", project_id="p1", name="S", order=2, duration=8.5, timeline_start=4.0,
                    create_time=NOW, update_time=NOW)


def assert_matches(model: type, body: dict) -> None:
    assert set(body) == set(model.model_fields)
    assert model.model_validate(body).model_dump(mode="json") == body


def test_content_and_clip_dicts_match_their_schemas():
    entry = content_json(content(), "")
    assert_matches(GeneratedContentPublic, entry)
    assert entry["generation_params"] == {"seed": 3, "cfg": 6.5, "nested": {"steps": [1, 2.5]}}
    assert (entry["content_type"], entry["source"], entry["model"]) == ("video", "pool", "wan.safetensors")
    assert entry["created_at"] == "2025-11-26T13:50:00.137Z"
    assert_matches(ClipPublic, clip_json(clip(), ""))
    assert_matches(GalleryPublic, gallery_json([], [content()], None, "c1", ""))


def test_scene_project_and_timeline_dicts_match_their_schemas():
    assert_matches(ScenePublic, scene_json(scene()))
    project = pb.Project(id="p1", name="P", music_file_path="/uploads/music/m.mp3", create_time=NOW,
                         update_time=NOW)
    assert_matches(ProjectPublic, project_json(project, "http://h"))
    assert project_json(project, "http://h")["music_file"] == "http://h/uploads/music/m.mp3"
    reply = api.GetProjectTimelineResponse(project=project, total_duration=8.5,
                                           scenes=[pb.TimelineScene(scene=scene(), clips=[clip()])])
    assert_matches(TimelinePublic, timeline_json(reply, ""))
