"""Cascading deletes (contract 3.11) over gRPC, and the start-up sweep that finishes an interrupted delete."""

from __future__ import annotations

import grpc
import pytest
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from tests.projects.projects_rpc import projects_rpc


async def not_found(call) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_project_delete_removes_everything_under_it_and_names_its_media(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        kept = await rpc.project("Kept")
        kept_clip = await rpc.clip((await rpc.scene(kept.id)).id)
        scene = await rpc.scene(project.id)
        await rpc.stub.CreateSceneAlternate(api.CreateSceneAlternateRequest(scene_id=scene.id,
                                                                            copy_clips=False))
        clip = await rpc.clip(scene.id)
        await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=clip.id))
        await rpc.stub.AddClipContent(api.AddClipContentRequest(clip_id=clip.id, content=pb.GeneratedContent(
            id="job:0", content_type=pb.CONTENT_TYPE_IMAGE, url="/uploads/generated/out1.png",
            media_id="out1")))
        await rpc.stub.CreateCharacter(api.CreateCharacterRequest(character=pb.Character(
            project_id=project.id, name="Hero", face_image="/uploads/faces/face1.jpg")))
        await rpc.stub.CreatePoolItem(api.CreatePoolItemRequest(pool_item=pb.PoolItem(
            project_id=project.id, name="Shot", content_type=pb.CONTENT_TYPE_VIDEO,
            media_url="/uploads/generated/pool1.mp4")))
        removed = await rpc.stub.DeleteProject(api.DeleteProjectRequest(project_id=project.id))
        assert (removed.deleted_scenes, removed.deleted_clips, removed.deleted_characters,
                removed.deleted_pool_items) == (2, 2, 1, 1)
        assert sorted(removed.media_ids) == ["face1", "out1", "pool1"]
        await not_found(rpc.stub.GetProject(api.GetProjectRequest(project_id=project.id)))
        await not_found(rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id)))
        await not_found(rpc.stub.GetScene(api.GetSceneRequest(scene_id=scene.id)))
        await not_found(rpc.stub.DeleteProject(api.DeleteProjectRequest(project_id=project.id)))
        assert (await rpc.stub.GetClip(api.GetClipRequest(clip_id=kept_clip.id))).clip.id == kept_clip.id
        assert await rpc.deps.repositories.gallery.by_clip(project_id=project.id) == {}


async def test_root_scene_delete_takes_its_alternates_and_all_their_clips(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        root = await rpc.scene(project.id, "S1")
        await rpc.clip(root.id)
        alternate = (await rpc.stub.CreateSceneAlternate(api.CreateSceneAlternateRequest(
            scene_id=root.id, copy_clips=True))).scene
        other = await rpc.scene(project.id, "S2")
        removed = await rpc.stub.DeleteScene(api.DeleteSceneRequest(scene_id=root.id))
        assert (removed.deleted_scenes, removed.deleted_clips) == (2, 2)
        assert set(removed.deleted_scene_ids) == {root.id,
                                                  alternate.id} and len(removed.deleted_clip_ids) == 2
        scenes = await rpc.stub.ListScenes(api.ListScenesRequest(project_id=project.id))
        assert [s.id for s in scenes.scenes] == [other.id]
        await not_found(rpc.stub.DeleteScene(api.DeleteSceneRequest(scene_id=root.id)))


async def test_alternate_scene_delete_keeps_its_root(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        root = await rpc.scene(project.id, "S1")
        alternate = (await rpc.stub.CreateSceneAlternate(
            api.CreateSceneAlternateRequest(scene_id=root.id))).scene
        removed = await rpc.stub.DeleteScene(api.DeleteSceneRequest(scene_id=alternate.id))
        assert list(removed.deleted_scene_ids) == [alternate.id]
        assert (await rpc.stub.GetScene(api.GetSceneRequest(scene_id=root.id))).scene.id == root.id


async def test_root_clip_delete_takes_its_alternates_but_an_alternate_goes_alone(data_dir):
    async with projects_rpc(data_dir) as rpc:
        scene = await rpc.scene((await rpc.project()).id)
        root = await rpc.clip(scene.id)
        first = (await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=root.id))).clip
        second = (await rpc.stub.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=root.id))).clip
        alone = await rpc.stub.DeleteClip(api.DeleteClipRequest(clip_id=first.id))
        assert list(alone.deleted_clip_ids) == [first.id]
        removed = await rpc.stub.DeleteClip(api.DeleteClipRequest(clip_id=root.id))
        assert removed.deleted_clips == 2 and set(removed.deleted_clip_ids) == {root.id, second.id}
        await not_found(rpc.stub.GetClip(api.GetClipRequest(clip_id=second.id)))


async def test_an_interrupted_project_delete_reads_as_gone_and_is_finished_at_start_up(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        scene = await rpc.scene(project.id)
        clip = await rpc.clip(scene.id)
        # The process dies right after marking the project: the children are still stored.
        assert await rpc.deps.repositories.projects.mark_deleting(project.id) is not None
        await not_found(rpc.stub.GetProject(api.GetProjectRequest(project_id=project.id)))
        listed = await rpc.stub.ListProjects(api.ListProjectsRequest())
        assert project.id not in {p.id for p in listed.projects}
        await not_found(rpc.stub.DeleteProject(api.DeleteProjectRequest(project_id=project.id)))
    async with projects_rpc(data_dir) as restarted:
        await not_found(restarted.stub.GetClip(api.GetClipRequest(clip_id=clip.id)))
        await not_found(restarted.stub.GetScene(api.GetSceneRequest(scene_id=scene.id)))
        assert await restarted.deps.repositories.projects.deleting() == []


async def test_interrupted_scene_and_clip_deletes_are_finished_at_start_up(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        scene = await rpc.scene(project.id)
        clip_in_scene = await rpc.clip(scene.id)
        other_scene = await rpc.scene(project.id, "Other")
        clip = await rpc.clip(other_scene.id)
        await rpc.deps.repositories.scenes.mark_deleting(scene.id)
        await rpc.deps.repositories.clips.mark_deleting(clip.id)
        await not_found(rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id)))
    async with projects_rpc(data_dir) as restarted:
        await not_found(restarted.stub.GetClip(api.GetClipRequest(clip_id=clip_in_scene.id)))
        assert await restarted.deps.repositories.clips.deleting() == []
        assert await restarted.deps.repositories.scenes.deleting() == []
        remaining = await restarted.stub.ListClips(api.ListClipsRequest(project_id=project.id))
        assert list(remaining.clips) == []
