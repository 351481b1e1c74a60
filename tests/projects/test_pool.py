"""The generation pool over in-process gRPC: CRUD, filters, and applying an item to a clip's gallery."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.rpc.status import error_info

from tests.conftest import rpc_error

IMAGE, VIDEO = pb.CONTENT_TYPE_IMAGE, pb.CONTENT_TYPE_VIDEO


def item_message(project_id: str, **fields) -> pb.PoolItem:
    params = fields.pop("generation_params", None)
    item = pb.PoolItem(project_id=project_id, **{"name": "Shot", "content_type": IMAGE,
                                                 "media_url": "/uploads/generated/a.png", **fields})
    if params is not None:
        item.generation_params.update(params)
    return item


async def create(rpc, project_id: str, **fields) -> pb.PoolItem:
    request = api.CreatePoolItemRequest(pool_item=item_message(project_id, **fields))
    reply = await rpc.stub.CreatePoolItem(request)
    return reply.pool_item


async def test_created_item_has_defaults_and_null_objects(rpc):
    project = await rpc.project()
    item = await create(rpc, project.id, tags=["hero", "night"])
    assert item.source_type == pb.POOL_SOURCE_TYPE_MANUAL_UPLOAD
    assert not item.HasField("generation_params") and not item.HasField("metadata")
    assert not item.HasField("source_clip_id") and list(item.tags) == ["hero", "night"]
    read = await rpc.stub.GetPoolItem(api.GetPoolItemRequest(pool_item_id=item.id))
    assert read.pool_item == item


async def test_create_checks_the_project_and_the_source_clip(rpc):
    missing_project = await rpc_error(create(rpc, "missing"))
    assert missing_project.details() == "Project with ID 'missing' not found"
    project = await rpc.project()
    missing_clip = await rpc_error(create(rpc, project.id, source_clip_id="gone"))
    assert missing_clip.details() == "Clip with ID 'gone' not found"
    clip = await rpc.clip((await rpc.scene(project.id)).id)
    item = await create(rpc, project.id, source_clip_id=clip.id,
                        source_type=pb.POOL_SOURCE_TYPE_CLIP_GENERATION)
    assert item.source_clip_id == clip.id


@pytest.mark.parametrize("fields", [
    {"media_url": "file:///etc/passwd"},
    {"media_url": "javascript:alert(1)"},
    {"media_url": "data:image/png;base64,AAAA"},
    {"media_url": "/uploads/generated/../../etc/passwd"},
    {"media_url": ""},
    {"thumbnail_url": "ftp://host/x.png"},
    {"content_type": pb.CONTENT_TYPE_UNSPECIFIED},
    {"name": ""},
    {"tags": ["t"] * 51},
    {"tags": ["t" * 101]},
])
async def test_invalid_items_are_refused(rpc, fields):
    project = await rpc.project()
    error = await rpc_error(create(rpc, project.id, **fields))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(error.trailing_metadata()).reason == "VALIDATION_ERROR"


async def test_list_is_newest_first_and_filters_by_type_and_any_tag(rpc):
    project, other = await rpc.project(), await rpc.project("Other")
    first = await create(rpc, project.id, name="first", tags=["a"])
    second = await create(rpc, project.id, name="second", content_type=VIDEO,
                          media_url="/uploads/generated/v.mp4", tags=["b", "c"])
    third = await create(rpc, project.id, name="third", tags=["c"])
    await create(rpc, other.id, name="elsewhere", tags=["a"])

    def names(reply):
        return [i.name for i in reply.pool_items]

    everything = await rpc.stub.ListPoolItems(api.ListPoolItemsRequest(project_id=project.id))
    assert names(everything) == ["third", "second", "first"] and everything.total_size == 3
    images = await rpc.stub.ListPoolItems(api.ListPoolItemsRequest(project_id=project.id, content_type=IMAGE))
    assert [i.id for i in images.pool_items] == [third.id, first.id]
    any_tag = await rpc.stub.ListPoolItems(api.ListPoolItemsRequest(project_id=project.id, tags=["a", "b"]))
    assert [i.id for i in any_tag.pool_items] == [second.id, first.id] and any_tag.total_size == 2
    both = await rpc.stub.ListPoolItems(api.ListPoolItemsRequest(project_id=project.id, content_type=VIDEO,
                                                                 tags=["c"]))
    assert [i.id for i in both.pool_items] == [second.id]


async def test_tag_filtered_list_pages_through_every_match(rpc):
    project = await rpc.project()
    for i in range(7):
        await create(rpc, project.id, name=f"item{i}", tags=["keep"] if i % 2 == 0 else ["drop"])
    seen, token = [], ""
    while True:
        page = await rpc.stub.ListPoolItems(api.ListPoolItemsRequest(project_id=project.id, tags=["keep"],
                                                                     page_size=2, page_token=token))
        seen += [i.name for i in page.pool_items]
        assert page.total_size == 4
        if not (token := page.next_page_token):
            break
    assert seen == ["item6", "item4", "item2", "item0"]


async def test_list_of_a_missing_project_is_not_found(rpc):
    error = await rpc_error(rpc.stub.ListPoolItems(api.ListPoolItemsRequest(project_id="missing")))
    assert error.code() == grpc.StatusCode.NOT_FOUND


async def test_update_changes_only_name_description_and_tags(rpc):
    project = await rpc.project()
    item = await create(rpc, project.id, tags=["old"])
    reply = await rpc.stub.UpdatePoolItem(api.UpdatePoolItemRequest(
        pool_item=pb.PoolItem(id=item.id, name="Renamed", tags=["new", "tags"],
                              media_url="/uploads/generated/x.png"),
        update_mask=FieldMask(paths=["name", "tags", "media_url"])))
    updated = reply.pool_item
    assert (updated.name, list(updated.tags)) == ("Renamed", ["new", "tags"])
    assert updated.media_url == item.media_url
    empty = await rpc_error(rpc.stub.UpdatePoolItem(api.UpdatePoolItemRequest(
        pool_item=pb.PoolItem(id=item.id, name="x"), update_mask=FieldMask(paths=[]))))
    assert empty.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_deleted_item_is_gone(rpc):
    project = await rpc.project()
    item = await create(rpc, project.id)
    await rpc.stub.DeletePoolItem(api.DeletePoolItemRequest(pool_item_id=item.id))
    error = await rpc_error(rpc.stub.GetPoolItem(api.GetPoolItemRequest(pool_item_id=item.id)))
    assert error.details() == f"Pool Item with ID '{item.id}' not found"


async def test_applied_item_becomes_a_proper_gallery_entry(rpc):
    project = await rpc.project()
    clip = await rpc.clip((await rpc.scene(project.id)).id)
    item = await create(rpc, project.id, thumbnail_url="/uploads/generated/t.png", generation_params={
        "prompt": "a <cat>", "negative_prompt": "blurry", "model": "sdxl.safetensors", "seed": 42,
        "steps": 20})
    reply = await rpc.stub.ApplyPoolItemToClip(api.ApplyPoolItemToClipRequest(pool_item_id=item.id,
                                                                              clip_id=clip.id))
    content = reply.content
    assert content.id and content.id != item.id
    assert (content.content_type, content.url) == (IMAGE, item.media_url)
    assert content.thumbnail_url == item.thumbnail_url
    assert (content.prompt, content.negative_prompt) == ("a <cat>", "blurry")
    assert content.model_name == "sdxl.safetensors"
    assert content.seed == 42 and content.generation_params["steps"] == 20
    assert (content.server_id, content.server_name_snapshot) == ("pool", "Generation pool")
    assert content.source == pb.CONTENT_SOURCE_POOL and content.is_selected
    stored = await rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id))
    assert [c.id for c in stored.clip.generated_images] == [content.id]
    assert stored.clip.selected_image_id == content.id


async def test_each_apply_adds_a_new_entry_and_keeps_the_first_selected(rpc):
    project = await rpc.project()
    clip = await rpc.clip((await rpc.scene(project.id)).id)
    bare = await create(rpc, project.id, content_type=VIDEO, media_url="https://cdn.example/v.mp4")
    request = api.ApplyPoolItemToClipRequest(pool_item_id=bare.id, clip_id=clip.id)
    first, second = await rpc.stub.ApplyPoolItemToClip(request), await rpc.stub.ApplyPoolItemToClip(request)
    assert first.content.id != second.content.id and not second.content.is_selected
    assert (second.content.prompt, second.content.model_name) == ("", "unknown")
    assert not second.content.HasField("seed")
    gallery = await rpc.stub.GetClipGallery(api.GetClipGalleryRequest(clip_id=clip.id))
    assert [v.id for v in gallery.videos] == [first.content.id, second.content.id]
    assert gallery.selected_video_id == first.content.id and list(gallery.images) == []


async def test_apply_across_projects_or_to_missing_resources_fails_cleanly(rpc):
    project, other = await rpc.project(), await rpc.project("Other")
    clip = await rpc.clip((await rpc.scene(project.id)).id)
    foreign = await create(rpc, other.id)
    cross = await rpc_error(rpc.stub.ApplyPoolItemToClip(api.ApplyPoolItemToClipRequest(
        pool_item_id=foreign.id, clip_id=clip.id)))
    assert cross.code() == grpc.StatusCode.INVALID_ARGUMENT
    missing_item = await rpc_error(rpc.stub.ApplyPoolItemToClip(api.ApplyPoolItemToClipRequest(
        pool_item_id="nope", clip_id=clip.id)))
    assert missing_item.details() == "Pool Item with ID 'nope' not found"
    missing_clip = await rpc_error(rpc.stub.ApplyPoolItemToClip(api.ApplyPoolItemToClipRequest(
        pool_item_id=foreign.id, clip_id="nope")))
    assert missing_clip.details() == "Clip with ID 'nope' not found"
    stored = await rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id))
    assert list(stored.clip.generated_images) == []


async def test_project_delete_removes_its_pool_items_and_characters_and_reports_their_media(rpc):
    project, other = await rpc.project(), await rpc.project("Other")
    doomed = await create(rpc, project.id, media_url="/uploads/generated/m1.png",
                          thumbnail_url="/uploads/generated/t1.png")
    kept = await create(rpc, other.id)
    await rpc.stub.CreateCharacter(api.CreateCharacterRequest(character=pb.Character(
        project_id=project.id, name="Hero", face_image="/uploads/faces/f1.png")))
    reply = await rpc.stub.DeleteProject(api.DeleteProjectRequest(project_id=project.id))
    assert (reply.deleted_pool_items, reply.deleted_characters) == (1, 1)
    assert {"m1", "t1", "f1"} <= set(reply.media_ids)
    gone = await rpc_error(rpc.stub.GetPoolItem(api.GetPoolItemRequest(pool_item_id=doomed.id)))
    assert gone.code() == grpc.StatusCode.NOT_FOUND
    assert (await rpc.stub.GetPoolItem(api.GetPoolItemRequest(pool_item_id=kept.id))).pool_item == kept
    characters = await rpc.stub.ListCharacters(api.ListCharactersRequest(project_id=project.id))
    assert list(characters.characters) == []
