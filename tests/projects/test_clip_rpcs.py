"""Clips over in-process gRPC: create, update, complete lists, moves with the overlap rule, alternates and
prompts."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.rpc.status import error_info

from tests.projects.projects_rpc import projects_rpc


async def move(rpc, clip_id: str, position: float, check: bool | None = None) -> api.MoveClipResponse:
    request = api.MoveClipRequest(clip_id=clip_id, position=position)
    if check is not None:
        request.check_overlap = check
    return await rpc.stub.MoveClip(request)


async def test_create_takes_the_project_from_the_scene_and_defaults_the_length(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        scene = await rpc.scene(project.id)
        reply = await rpc.stub.CreateClip(api.CreateClipRequest(clip=pb.Clip(
            scene_id=scene.id, name="C", timeline_position=1.234, image_prompt="<b>&amp; verbatim</b>")))
        clip = reply.clip
        assert (clip.project_id, clip.length, clip.timeline_position) == (project.id, 5.0, 1.23)
        assert clip.image_prompt == "<b>&amp; verbatim</b>"
        assert not clip.HasField("selected_image_id") and not clip.is_alternate


async def test_create_refuses_a_missing_scene_a_missing_character_and_bad_numbers(data_dir):
    async with projects_rpc(data_dir) as rpc:
        with pytest.raises(grpc.aio.AioRpcError) as scene:
            await rpc.clip("nope")
        assert scene.value.details() == "Scene with ID 'nope' not found"
        project = await rpc.project()
        scene_id = (await rpc.scene(project.id)).id
        with pytest.raises(grpc.aio.AioRpcError) as character:
            await rpc.clip(scene_id, character_id="ghost")
        assert character.value.code() == grpc.StatusCode.NOT_FOUND
        assert dict(error_info(character.value.trailing_metadata()).metadata)["resource_type"] == "Character"
        for fields in ({"length": -1}, {"length": 10001}, {"timeline_position": 10000.5}, {"order": -2}):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await rpc.clip(scene_id, **fields)
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, fields


async def test_create_refuses_a_character_of_another_project(data_dir):
    async with projects_rpc(data_dir) as rpc:
        mine, theirs = await rpc.project("Mine"), await rpc.project("Theirs")
        character = (await rpc.stub.CreateCharacter(api.CreateCharacterRequest(
            character=pb.Character(project_id=theirs.id, name="Hero")))).character
        scene = await rpc.scene(mine.id)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await rpc.clip(scene.id, character_id=character.id)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        own = (await rpc.stub.CreateCharacter(api.CreateCharacterRequest(
            character=pb.Character(project_id=mine.id, name="Hero")))).character
        assert (await rpc.clip(scene.id, character_id=own.id)).character_id == own.id


async def test_update_sets_named_fields_and_an_empty_character_clears_it(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        own = (await rpc.stub.CreateCharacter(api.CreateCharacterRequest(
            character=pb.Character(project_id=project.id, name="Hero")))).character
        clip = await rpc.clip((await rpc.scene(project.id)).id, lyrics="keep", character_id=own.id)
        reply = await rpc.stub.UpdateClip(api.UpdateClipRequest(
            clip=pb.Clip(id=clip.id, name="Renamed", timeline_position=9999.999, character_id=""),
            update_mask=FieldMask(paths=["name", "timeline_position", "character_id"])))
        assert (reply.clip.name, reply.clip.lyrics) == ("Renamed", "keep")
        assert reply.clip.timeline_position == 10000.0
        assert not reply.clip.HasField("character_id")
        assert reply.clip.update_time.ToNanoseconds() >= clip.update_time.ToNanoseconds()


async def test_lists_by_scene_and_by_project_are_complete_and_ordered(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        later = await rpc.scene(project.id, "Later", order=1)
        earlier = await rpc.scene(project.id, "Earlier", order=0)
        for i in range(5):
            await rpc.clip(later.id, f"L{i}", order=4 - i)
        await rpc.clip(earlier.id, "E1", timeline_position=5)
        await rpc.clip(earlier.id, "E0", timeline_position=1)

        async def every(request: api.ListClipsRequest) -> list[str]:
            names = []
            while True:
                page = await rpc.stub.ListClips(request)
                names += [c.name for c in page.clips]
                if not page.next_page_token:
                    return names
                request.page_token = page.next_page_token

        by_scene = await every(api.ListClipsRequest(scene_id=later.id, page_size=2))
        assert by_scene == ["L4", "L3", "L2", "L1", "L0"]
        assert await every(api.ListClipsRequest(project_id=project.id, page_size=3)) == [
            "E0", "E1", "L4", "L3", "L2", "L1", "L0"]
        with pytest.raises(grpc.aio.AioRpcError) as no_parent:
            await rpc.stub.ListClips(api.ListClipsRequest())
        assert no_parent.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_move_into_another_clip_fails_with_the_overlap_reason_and_metadata(data_dir):
    async with projects_rpc(data_dir) as rpc:
        scene = await rpc.scene((await rpc.project()).id)
        moving = await rpc.clip(scene.id, "Mover", length=5)
        chorus = await rpc.clip(scene.id, "Chorus 2", length=5, timeline_position=4)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await move(rpc, moving.id, 5.5)
        assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert caught.value.details() == ("Clip would overlap with 'Chorus 2' by 3.50 seconds. "
                                          "Other clip occupies 4.00s to 9.00s")
        info = error_info(caught.value.trailing_metadata())
        assert info.reason == "TIMELINE_OVERLAP"
        assert dict(info.metadata) == {
            "clip_id": moving.id, "requested_position": "5.50", "suggested_position": "9.10",
            "other_clip_id": chorus.id, "other_clip_name": "Chorus 2", "overlap_duration": "3.50",
            "other_start": "4.00", "other_end": "9.00"}
        unchanged = await rpc.stub.GetClip(api.GetClipRequest(clip_id=moving.id))
        assert unchanged.clip.timeline_position == 0.0


async def test_move_without_the_check_and_within_the_family_succeeds(data_dir):
    async with projects_rpc(data_dir) as rpc:
        scene = await rpc.scene((await rpc.project()).id)
        root = await rpc.clip(scene.id, "Root", length=5)
        alternate = (await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=root.id))).clip
        other = await rpc.clip(scene.id, "Other", length=5, timeline_position=20)
        reply = await move(rpc, alternate.id, 2.345)
        assert reply.clip.timeline_position == 2.35
        assert reply.timeline_summary.total_clips == 2 and reply.timeline_summary.timeline_end == 25.0
        forced = await move(rpc, root.id, 18, check=False)
        assert forced.clip.timeline_position == 18.0
        assert other.id not in {root.id, alternate.id}
        with pytest.raises(grpc.aio.AioRpcError) as out_of_range:
            await move(rpc, root.id, 10000.01)
        assert out_of_range.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_clip_alternates_copy_the_slot_and_prompts_under_the_root_name(data_dir):
    async with projects_rpc(data_dir) as rpc:
        scene = await rpc.scene((await rpc.project()).id)
        root = await rpc.clip(scene.id, "Intro", lyrics="la", length=3, timeline_position=7, order=2,
                              image_prompt="i", video_prompt="v")
        await rpc.add_content(root.id, pb.CONTENT_TYPE_IMAGE, "/uploads/generated/r.png")
        first = (await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=root.id))).clip
        second = (await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=first.id))).clip
        assert (first.name, second.name, second.alternate_number, second.parent_clip_id) == (
            "Intro A1", "Intro A2", 2, root.id)
        assert (second.lyrics, second.length, second.timeline_position, second.order, second.image_prompt,
                second.video_prompt, second.scene_id) == ("la", 3.0, 7.0, 2, "i", "v", scene.id)
        assert len(second.generated_images) == 0 and not second.HasField("selected_image_id")


async def test_prompts_change_only_what_is_given(data_dir):
    async with projects_rpc(data_dir) as rpc:
        clip = await rpc.clip((await rpc.scene((await rpc.project()).id)).id, image_prompt="old i",
                              video_prompt="old v")
        reply = await rpc.stub.UpdateClipPrompts(api.UpdateClipPromptsRequest(clip_id=clip.id,
                                                                              video_prompt=""))
        assert (reply.clip.image_prompt, reply.clip.video_prompt) == ("old i", "")
        with pytest.raises(grpc.aio.AioRpcError) as none_given:
            await rpc.stub.UpdateClipPrompts(api.UpdateClipPromptsRequest(clip_id=clip.id))
        assert none_given.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        with pytest.raises(grpc.aio.AioRpcError) as too_long:
            await rpc.stub.UpdateClipPrompts(api.UpdateClipPromptsRequest(clip_id=clip.id,
                                                                          image_prompt="x" * 10001))
        assert too_long.value.code() == grpc.StatusCode.INVALID_ARGUMENT
