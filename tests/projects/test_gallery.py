"""Clip galleries at the service level and over gRPC: atomic, idempotent adds and selection (contract 3.5)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from projects_service.bootstrap import Deps, build_deps
from projects_service.config import Settings
from projects_service.domain import Clip, GeneratedContent
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.errors import AlreadyExistsError, InvalidArgumentError, NotFoundError
from storyboard_common.rpc.status import error_info

from tests.projects.projects_rpc import projects_rpc


def settings_for(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, store_uri=f"sqlite:///{data_dir / 'projects.sqlite3'}")


@pytest.fixture
async def deps(data_dir: Path) -> AsyncIterator[Deps]:
    built = await build_deps(settings_for(data_dir))
    try:
        yield built
    finally:
        await built.aclose()


async def new_clip(deps: Deps) -> Clip:
    project = await deps.projects.create("Video", "")
    scene = await deps.scenes.create(project.id, {"name": "Scene"})
    return await deps.clips.create(scene.scene.id, {"name": "Clip"})


def entry(content_id: str, content_type: str = "image") -> GeneratedContent:
    return GeneratedContent(id=content_id, content_type=content_type,
                            url=f"/uploads/generated/{content_id}.png",
                            prompt="a cat", model_name="sdxl.safetensors", seed=7)


async def test_first_entry_of_a_type_is_selected_and_later_ones_are_not(deps):
    clip = await new_clip(deps)
    first = await deps.gallery.add_content(clip.id, entry("i1"))
    second = await deps.gallery.add_content(clip.id, entry("i2"))
    video = await deps.gallery.add_content(clip.id, entry("v1", "video"))
    assert (first.added, first.is_selected) == (True, True)
    assert (second.is_selected, video.is_selected) == (False, True)
    stored = await deps.clips.get(clip.id)
    assert [g.id for g in stored.generated_images] == ["i1", "i2"]
    assert [g.id for g in stored.generated_videos] == ["v1"]
    assert (stored.selected_image_id, stored.selected_video_id) == ("i1", "v1")


async def test_a_replayed_add_changes_nothing_and_returns_the_stored_entry(deps):
    clip = await new_clip(deps)
    await deps.gallery.add_content(clip.id, entry("job-1:0"))
    replay = await deps.gallery.add_content(clip.id, GeneratedContent(
        id="job-1:0", content_type="image", url="/uploads/generated/other.png"))
    assert not replay.added
    assert replay.content.url == "/uploads/generated/job-1:0.png"
    assert [g.id for g in (await deps.clips.get(clip.id)).generated_images] == ["job-1:0"]


async def test_a_content_id_of_another_clip_is_refused(deps):
    first, second = await new_clip(deps), await new_clip(deps)
    await deps.gallery.add_content(first.id, entry("c1"))
    with pytest.raises(AlreadyExistsError):
        await deps.gallery.add_content(second.id, entry("c1"))


async def test_entries_need_a_type_and_a_safe_url(deps):
    clip = await new_clip(deps)
    with pytest.raises(InvalidArgumentError, match="Invalid content type"):
        await deps.gallery.add_content(clip.id, GeneratedContent(id="x", content_type="",
                                                                 url="/uploads/a.png"))
    with pytest.raises(InvalidArgumentError, match="url"):
        await deps.gallery.add_content(clip.id, GeneratedContent(id="x", content_type="image",
                                                                 url="file:///etc"))


async def test_fifty_concurrent_adds_keep_every_entry_and_one_selection_per_type(deps):
    clip = await new_clip(deps)
    adds = [deps.gallery.add_content(clip.id, entry(f"c{i}",
                                                    "image" if i % 2 else "video")) for i in range(50)]
    results = await asyncio.gather(*adds)
    stored = await deps.clips.get(clip.id)
    assert len(stored.generated_images) == 25 and len(stored.generated_videos) == 25
    assert sum(r.is_selected for r in results) == 2
    assert stored.selected_image_id in {g.id for g in stored.generated_images}
    assert stored.selected_video_id in {g.id for g in stored.generated_videos}


async def test_a_lost_compare_and_set_is_retried_and_keeps_both_writes(deps, data_dir):
    clip = await new_clip(deps)
    other_replica = sqlite3.connect(data_dir / "projects.sqlite3", isolation_level=None)
    interfered = False

    def change(current: Clip) -> dict[str, str]:
        nonlocal interfered
        if not interfered:  # another process writes the clip between this read and this write
            interfered = True
            other_replica.execute(
                "UPDATE clips SET doc = json_set(doc, '$.revision', json_extract(doc, '$.revision') + 1, "
                "'$.video_prompt', 'theirs') WHERE id = ?", (clip.id,))
        return {"image_prompt": "mine"}

    try:
        updated = await deps.clips.modify(clip.id, change)
    finally:
        other_replica.close()
    assert (updated.image_prompt, updated.video_prompt) == ("mine", "theirs")


async def test_adds_from_two_replicas_sharing_one_store_all_survive(data_dir):
    """Two processes' worth of writers (own connections, own event loops, real threads) on one SQLite file."""
    setup = await build_deps(settings_for(data_dir))
    clip = await new_clip(setup)
    await setup.aclose()

    def replica(offset: int) -> None:
        async def run() -> None:
            replica_deps = await build_deps(settings_for(data_dir))
            try:
                for i in range(25):
                    await replica_deps.gallery.add_content(clip.id, entry(f"r{offset}-{i}"))
            finally:
                await replica_deps.aclose()

        asyncio.run(run())

    threads = [threading.Thread(target=replica, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check = await build_deps(settings_for(data_dir))
    try:
        stored = await check.clips.get(clip.id)
        assert len(stored.generated_images) == 50
        assert stored.selected_image_id in {g.id for g in stored.generated_images}
    finally:
        await check.aclose()


async def test_select_sets_one_entry_and_refuses_unknown_or_mistyped_ids(deps):
    clip = await new_clip(deps)
    await deps.gallery.add_content(clip.id, entry("i1"))
    await deps.gallery.add_content(clip.id, entry("i2"))
    await deps.gallery.add_content(clip.id, entry("v1", "video"))
    selected = await deps.gallery.select(clip.id, "i2", "image")
    assert selected.selected_image_id == "i2"
    for content_id, content_type in (("nope", "image"), ("v1", "image")):
        with pytest.raises(NotFoundError, match=f"Content with ID '{content_id}' not found"):
            await deps.gallery.select(clip.id, content_id, content_type)
    assert (await deps.clips.get(clip.id)).selected_image_id == "i2"
    with pytest.raises(InvalidArgumentError, match="Invalid content type"):
        await deps.gallery.select(clip.id, "i1", "audio")


async def test_fifty_concurrent_add_clip_content_calls_over_grpc_keep_every_entry(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        scene = await rpc.scene(project.id)
        clip = await rpc.clip(scene.id)
        replies = await asyncio.gather(*(rpc.stub.AddClipContent(api.AddClipContentRequest(
            clip_id=clip.id, content=pb.GeneratedContent(
                id=f"job-{i}:0", content_type=pb.CONTENT_TYPE_IMAGE if i % 2 else pb.CONTENT_TYPE_VIDEO,
                url=f"/uploads/generated/{i}.png"))) for i in range(50)))
        gallery = await rpc.stub.GetClipGallery(api.GetClipGalleryRequest(clip_id=clip.id))
        assert len(gallery.images) == 25 and len(gallery.videos) == 25
        assert sum(r.content.is_selected for r in replies) == 2
        assert [g.is_selected for g in gallery.images].count(True) == 1
        assert [g.is_selected for g in gallery.videos].count(True) == 1
        assert {g.id for g in gallery.images if g.is_selected} == {gallery.selected_image_id}


async def test_gallery_rpcs_report_domain_errors_with_their_reasons(data_dir):
    async with projects_rpc(data_dir) as rpc:
        project = await rpc.project()
        clip = await rpc.clip((await rpc.scene(project.id)).id)
        content = await rpc.add_content(clip.id, pb.CONTENT_TYPE_IMAGE, "/uploads/generated/a.png")
        replay = await rpc.stub.AddClipContent(api.AddClipContentRequest(clip_id=clip.id, content=content))
        assert not replay.added and replay.content.is_selected
        with pytest.raises(grpc.aio.AioRpcError) as missing:
            await rpc.stub.SelectClipContent(api.SelectClipContentRequest(
                clip_id=clip.id, content_id="nope", content_type=pb.CONTENT_TYPE_IMAGE))
        assert missing.value.code() == grpc.StatusCode.NOT_FOUND
        info = error_info(missing.value.trailing_metadata())
        assert info is not None and dict(info.metadata) == {"resource_type": "Content", "resource_id": "nope"}
        with pytest.raises(grpc.aio.AioRpcError) as untyped:
            await rpc.stub.SelectClipContent(api.SelectClipContentRequest(clip_id=clip.id,
                                                                          content_id=content.id))
        assert untyped.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert untyped.value.details() == "Invalid content type"
        with pytest.raises(grpc.aio.AioRpcError) as no_clip:
            await rpc.stub.GetClipGallery(api.GetClipGalleryRequest(clip_id="missing"))
        assert no_clip.value.code() == grpc.StatusCode.NOT_FOUND
