"""Scenes over in-process gRPC: create, laid-out reads, complete lists, updates, alternates, analysis."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from tests.projects.projects_rpc import projects_rpc


async def alternate_of(rpc, scene_id: str, copy_clips: bool = False) -> pb.Scene:
    reply = await rpc.stub.CreateSceneAlternate(api.CreateSceneAlternateRequest(scene_id=scene_id,
                                                                                copy_clips=copy_clips))
    return reply.scene


async def test_create_needs_an_existing_project_and_a_name(data_dir):
    async with projects_rpc(data_dir) as rpc:
        with pytest.raises(grpc.aio.AioRpcError) as missing:
            await rpc.scene("nope")
        assert missing.value.code() == grpc.StatusCode.NOT_FOUND
        assert missing.value.details() == "Project with ID 'nope' not found"
        project = await rpc.project()
        for fields in ({"name": ""}, {"order": -1}, {"duration": -0.5}, {"lyrics": "x" * 5001}):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await rpc.scene(project.id, **{"name": "S", **fields})
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, fields


async def test_scene_duration_covers_its_main_clips_and_start_follows_earlier_scenes(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        first = await rpc.scene(project.id, "One", order=0, duration=2)
        second = await rpc.scene(project.id, "Two", order=1, duration=4)
        await rpc.clip(first.id, length=3, timeline_position=5)
        got = await rpc.stub.GetScene(api.GetSceneRequest(scene_id=second.id))
        assert (got.scene.duration, got.scene.timeline_start) == (4.0, 8.0)
        got = await rpc.stub.GetScene(api.GetSceneRequest(scene_id=first.id))
        assert (got.scene.duration, got.scene.timeline_start) == (8.0, 0.0)


async def test_list_is_complete_across_pages_in_order_then_creation(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        created = [await rpc.scene(project.id, f"S{i}", order=i % 3) for i in range(7)]
        names, tokens, token = [], [], ""
        while True:
            page = await rpc.stub.ListScenes(api.ListScenesRequest(project_id=project.id, page_size=3,
                                                                   page_token=token))
            names += [s.name for s in page.scenes]
            token = page.next_page_token
            if not token:
                break
            tokens.append(token)
        expected = [s.name for s in sorted(created, key=lambda s: (s.order, s.create_time.ToNanoseconds()))]
        assert names == expected and len(tokens) == 2
        other = await rpc.project("Other")
        with pytest.raises(grpc.aio.AioRpcError) as foreign:
            await rpc.stub.ListScenes(api.ListScenesRequest(project_id=other.id, page_token=tokens[0]))
        assert foreign.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_update_changes_named_fields_and_ignores_timeline_start(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        scene = await rpc.scene(project.id, "Verse", lyrics="la")
        reply = await rpc.stub.UpdateScene(api.UpdateSceneRequest(
            scene=pb.Scene(id=scene.id, description="new", duration=12, timeline_start=99),
            update_mask=FieldMask(paths=["description", "duration", "timeline_start"])))
        assert (reply.scene.description, reply.scene.lyrics, reply.scene.duration) == ("new", "la", 12.0)
        assert reply.scene.timeline_start == 0.0
        with pytest.raises(grpc.aio.AioRpcError) as empty:
            await rpc.stub.UpdateScene(api.UpdateSceneRequest(scene=pb.Scene(id=scene.id)))
        assert empty.value.details() == "No valid fields provided for update"


async def test_alternates_are_named_after_the_root_and_numbered(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        root = await rpc.scene(project.id, "S1", description="d", lyrics="l", order=3, duration=7)
        first = await alternate_of(rpc, root.id)
        second = await alternate_of(rpc, first.id)  # an alternate of an alternate goes under the root
        assert [(a.name, a.alternate_number, a.parent_scene_id, a.is_alternate) for a in (first, second)] == [
            ("S1 A1", 1, root.id, True), ("S1 A2", 2, root.id, True)]
        assert (second.description, second.lyrics, second.order, second.duration) == ("d", "l", 3, 7.0)


async def test_concurrent_alternates_of_one_root_get_distinct_numbers(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        root = await rpc.scene(project.id, "S1")
        made = await asyncio.gather(*(alternate_of(rpc, root.id) for _ in range(10)))
        assert sorted(a.alternate_number for a in made) == list(range(1, 11))


async def test_alternate_with_copy_clips_gets_fresh_copies_of_the_main_clips(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        root = await rpc.scene(project.id, "S1")
        main = await rpc.clip(root.id, "Main", image_prompt="cat", timeline_position=2)
        await rpc.add_content(main.id, pb.CONTENT_TYPE_IMAGE, "/uploads/generated/m.png")
        await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=main.id))
        alternate = await alternate_of(rpc, root.id, copy_clips=True)
        clips = (await rpc.stub.ListClips(api.ListClipsRequest(scene_id=alternate.id))).clips
        assert [(c.name, c.image_prompt, c.timeline_position, c.is_alternate) for c in clips] == [
            ("Main", "cat", 2.0, False)]
        assert clips[0].id != main.id and len(clips[0].generated_images) == 0


async def test_analysis_reports_overlaps_between_families_only(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        scene = await rpc.scene(project.id)
        a = await rpc.clip(scene.id, "A", length=5)
        await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=a.id))
        b = await rpc.clip(scene.id, "B", length=5, timeline_position=4)
        reply = await rpc.stub.AnalyzeSceneTimeline(api.AnalyzeSceneTimelineRequest(scene_id=scene.id))
        analysis = reply.analysis
        # A and its alternate start together, so their order is by (random) id
        assert sorted((o.clip1_name, o.clip2_name, o.overlap_duration) for o in analysis.overlaps) == [
            ("A", "B", 1.0), ("A A1", "B", 1.0)]
        assert analysis.has_issues and (analysis.total_clips, analysis.alternate_clips) == (2, 1)
        assert analysis.summary.timeline_end == 9.0 and b.id == analysis.overlaps[0].clip2_id
