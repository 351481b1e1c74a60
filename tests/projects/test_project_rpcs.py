"""Projects over in-process gRPC: create, list, update with field masks and the music rules, timeline."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.rpc.status import error_info

from tests.projects.projects_rpc import projects_rpc


async def update(rpc, project_id: str, paths: list[str], **values) -> pb.Project:
    reply = await rpc.stub.UpdateProject(api.UpdateProjectRequest(
        project=pb.Project(id=project_id, **values), update_mask=FieldMask(paths=paths)))
    return reply.project


async def test_create_refuses_an_empty_or_long_name(data_dir):
    async with projects_rpc(data_dir) as rpc:
        for name in ("", "x" * 201):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await rpc.project(name)
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
            assert error_info(caught.value.trailing_metadata()).reason == "VALIDATION_ERROR"


async def test_list_pages_newest_first_with_tokens_and_offsets(data_dir):
    async with projects_rpc(data_dir) as rpc:
        ids = [(await rpc.project(f"P{i}")).id for i in range(5)]
        first = await rpc.stub.ListProjects(api.ListProjectsRequest(page_size=2))
        second = await rpc.stub.ListProjects(api.ListProjectsRequest(page_size=2,
                                                                     page_token=first.next_page_token))
        last = await rpc.stub.ListProjects(api.ListProjectsRequest(page_size=2, offset=4))
        assert [p.id for p in [*first.projects, *second.projects, *last.projects]] == ids[::-1]
        assert first.total_size == 5 and last.next_page_token == ""
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await rpc.stub.ListProjects(api.ListProjectsRequest(page_size=-1))
        assert error_info(caught.value.trailing_metadata()).reason == "INVALID_PARAMETER"


async def test_update_sets_only_the_named_fields(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project("Old", description="keep")
        updated = await update(rpc, project.id, ["name"], name="New", description="ignored")
        assert (updated.name, updated.description) == ("New", "keep")
        assert updated.update_time.ToNanoseconds() >= project.update_time.ToNanoseconds()


async def test_update_with_an_empty_or_unknown_mask_is_invalid(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        for paths in ([], ["colour"]):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await update(rpc, project.id, paths, name="x")
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
            assert caught.value.details().startswith("No valid fields provided for update")


async def test_output_only_fields_in_the_mask_are_ignored(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project("Same")
        updated = await update(rpc, project.id, ["id", "create_time"])
        assert (updated.id, updated.name) == (project.id, "Same")


async def test_music_rules_clear_together_and_drop_a_stale_media_id(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        music = await update(rpc, project.id, ["music_file_path", "music_duration", "music_media_id"],
                             music_file_path="/uploads/music/m1.mp3", music_duration=12.5,
                             music_media_id="m1")
        assert (music.music_file_path, music.music_duration, music.music_media_id) == (
            "/uploads/music/m1.mp3", 12.5, "m1")
        by_hand = await update(rpc, project.id, ["music_file_path"],
                               music_file_path="https://cdn.example/a.mp3")
        assert by_hand.music_file_path == "https://cdn.example/a.mp3"
        assert not by_hand.HasField("music_media_id")
        assert by_hand.music_duration == 12.5
        cleared = await update(rpc, project.id, ["music_file_path"], music_file_path="")
        assert not any(cleared.HasField(f) for f in ("music_file_path", "music_duration", "music_media_id"))


async def test_music_url_must_be_an_upload_path_or_http(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        for url in ("file:///etc/passwd", "/uploads/../secret", "javascript:alert(1)", "/uploads/%2e%2e/x"):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await update(rpc, project.id, ["music_file_path"], music_file_path=url)
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, url


async def test_unknown_project_is_not_found_with_its_type(data_dir):
    async with projects_rpc(data_dir) as rpc:
        for call in (rpc.stub.GetProject(api.GetProjectRequest(project_id="nope")),
                     rpc.stub.GetProjectTimeline(api.GetProjectTimelineRequest(project_id="nope")),
                     update(rpc, "nope", ["name"], name="x")):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await call
            assert caught.value.code() == grpc.StatusCode.NOT_FOUND
            assert caught.value.details() == "Project with ID 'nope' not found"


async def test_timeline_holds_every_scene_and_clip_in_order_with_galleries(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        second = await rpc.scene(project.id, "Second", order=1)
        first = await rpc.scene(project.id, "First", order=0, duration=20)
        late = await rpc.clip(first.id, "Late", order=1, timeline_position=0)
        early = await rpc.clip(first.id, "Early", order=0, timeline_position=8)
        await rpc.add_content(early.id, pb.CONTENT_TYPE_IMAGE, "/uploads/generated/e.png")
        await rpc.clip(second.id, "Only", length=30)
        alternate = (await rpc.stub.CreateSceneAlternate(
            api.CreateSceneAlternateRequest(scene_id=first.id))).scene
        timeline = await rpc.stub.GetProjectTimeline(api.GetProjectTimelineRequest(project_id=project.id))
        assert [s.scene.name for s in timeline.scenes] == ["First", alternate.name, "Second"]
        assert [c.name for c in timeline.scenes[0].clips] == ["Early", "Late"]
        assert len(timeline.scenes[0].clips[0].generated_images) == 1
        assert [(s.scene.duration, s.scene.timeline_start) for s in timeline.scenes] == [
            (20.0, 0.0), (20.0, 0.0), (30.0, 20.0)]
        assert timeline.total_duration == 50.0
        assert late.id in {c.id for c in timeline.scenes[0].clips}
