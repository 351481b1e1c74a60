"""/pool routes at both mounts (rest-contract 1.8, 2.8, 3.5; checklist rows 37, 55, 56)."""

from __future__ import annotations

from tests.conftest import gateway_client
from tests.gateway.rest_builders import new_clip, new_pool_item, new_project, new_scene, post_ok

POOL_FIELDS = {"id", "project_id", "name", "description", "content_type", "source_type", "source_clip_id",
               "media_url", "thumbnail_url", "generation_params", "tags", "metadata", "created_at",
               "updated_at"}


async def test_send_to_pool_body_from_the_generation_dialog_is_accepted(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    clip = await new_clip(client, mount, scene["id"], name="Opening")
    body = {"project_id": project["id"], "name": "Opening take", "description": "from the dialog",
            "content_type": "image", "source_type": "clip_generation", "source_clip_id": clip["id"],
            "media_url": "/uploads/generated/take.png", "thumbnail_url": "/uploads/generated/take.png",
            "generation_params": {"prompt": "a cat", "seed": 7, "model": "sdxl.safetensors", "steps": 20},
            "tags": ["hero"], "metadata": {"clip_id": clip["id"], "clip_name": "Opening",
                                           "generated_at": "2025-10-10T12:53:49.137Z"}}
    response = await client.post(f"{mount}/pool", json=body)
    assert response.status_code == 200
    item = response.json()
    assert set(item) == POOL_FIELDS
    assert item["generation_params"] == body["generation_params"] and item["metadata"] == body["metadata"]
    assert (item["source_type"], item["source_clip_id"]) == ("clip_generation", clip["id"])
    assert (await client.get(f"{mount}/pool/item/{item['id']}")).json() == item


async def test_create_defaults_and_missing_parents(client, mount):
    project = await new_project(client, mount)
    item = await new_pool_item(client, mount, project["id"])
    assert (item["source_type"], item["generation_params"], item["metadata"], item["tags"]) == (
        "manual_upload", None, None, [])
    no_project = await client.post(f"{mount}/pool", json={
        "project_id": "nope", "name": "x", "content_type": "image", "media_url": "/uploads/generated/a.png"})
    assert no_project.status_code == 404
    assert no_project.json()["detail"]["details"]["resource_type"] == "Project"
    no_clip = await client.post(f"{mount}/pool", json={"project_id": project["id"], "name": "x",
                                                       "content_type": "image", "source_clip_id": "nope",
                                                       "media_url": "/uploads/generated/a.png"})
    assert no_clip.status_code == 404 and no_clip.json()["detail"]["details"]["resource_type"] == "Clip"


async def test_unsafe_media_urls_and_bad_fields_are_422(client, mount):
    project = await new_project(client, mount)
    base = {"project_id": project["id"], "name": "x", "content_type": "image",
            "media_url": "/uploads/generated/a.png"}
    for change in ({"media_url": "file:///etc/passwd"}, {"media_url": "javascript:alert(1)"},
                   {"media_url": "data:image/png;base64,AA"}, {"media_url": "/uploads/generated/../../x"},
                   {"media_url": "/uploads\\generated\\a.png"}, {"thumbnail_url": "gopher://h/x"},
                   {"content_type": "audio"}, {"media_url": None}, {"tags": ["t" * 101]},
                   {"tags": ["t"] * 51}):
        response = await client.post(f"{mount}/pool", json={**base, **change})
        assert response.status_code == 422, change


async def test_list_is_newest_first_with_type_and_any_tag_filters(client, mount):
    project = await new_project(client, mount)
    first = await new_pool_item(client, mount, project["id"], name="first", tags=["a"])
    second = await new_pool_item(client, mount, project["id"], name="second", content_type="video",
                                 media_url="/uploads/generated/v.mp4", tags=["b"])
    third = await new_pool_item(client, mount, project["id"], name="third", tags=["c"])
    listed = await client.get(f"{mount}/pool/{project['id']}")
    assert [i["id"] for i in listed.json()] == [third["id"], second["id"], first["id"]]
    assert listed.headers["x-total-count"] == "3"
    images = await client.get(f"{mount}/pool/{project['id']}", params={"content_type": "image"})
    assert [i["name"] for i in images.json()] == ["third", "first"]
    tagged = await client.get(f"{mount}/pool/{project['id']}", params={"tags": "a, b"})
    assert [i["name"] for i in tagged.json()] == ["second", "first"]
    assert tagged.headers["x-total-count"] == "2"
    page = await client.get(f"{mount}/pool/{project['id']}", params={"limit": 2})
    assert len(page.json()) == 2 and "offset=2" in page.headers["link"]


async def test_list_of_a_missing_project_is_404_and_a_bad_type_is_400(client, mount):
    missing = await client.get(f"{mount}/pool/nope")
    assert missing.status_code == 404
    assert missing.json()["detail"]["error"] == "Project with ID 'nope' not found"
    project = await new_project(client, mount)
    bad = await client.get(f"{mount}/pool/{project['id']}", params={"content_type": "audio"})
    assert bad.status_code == 400 and bad.json()["detail"]["error_code"] == "INVALID_PARAMETER"


async def test_update_takes_query_or_body_and_the_body_wins(client, mount):
    project = await new_project(client, mount)
    item = await new_pool_item(client, mount, project["id"], tags=["old"])
    by_query = await client.put(f"{mount}/pool/item/{item['id']}", params={"name": "Q", "tags": "x, y"})
    assert by_query.status_code == 200
    assert (by_query.json()["name"], by_query.json()["tags"]) == ("Q", ["x", "y"])
    assert by_query.json()["message"] == "Pool item updated successfully"
    both = await client.put(f"{mount}/pool/item/{item['id']}", params={"name": "Q2", "description": "qd"},
                            json={"name": "B", "tags": ["z"]})
    assert (both.json()["name"], both.json()["description"], both.json()["tags"]) == ("B", "qd", ["z"])
    assert both.json()["media_url"] == item["media_url"]


async def test_update_without_fields_is_400_and_unknown_item_is_404(client, mount):
    project = await new_project(client, mount)
    item = await new_pool_item(client, mount, project["id"])
    empty = await client.put(f"{mount}/pool/item/{item['id']}",
                             json={"media_url": "/uploads/generated/x.png"})
    assert empty.status_code == 400
    assert empty.json()["detail"]["error"] == "No valid fields provided for update"
    bad_query = await client.put(f"{mount}/pool/item/{item['id']}", params={"name": ""})
    assert bad_query.status_code == 422
    missing = await client.put(f"{mount}/pool/item/nope", json={"name": "x"})
    assert missing.status_code == 404
    assert missing.json()["detail"]["error"] == "Pool Item with ID 'nope' not found"


async def test_delete_answers_the_message(client, mount):
    project = await new_project(client, mount)
    item = await new_pool_item(client, mount, project["id"])
    deleted = await client.delete(f"{mount}/pool/item/{item['id']}")
    assert (deleted.status_code, deleted.json()) == (200, {"message": "Pool item deleted successfully"})
    assert (await client.get(f"{mount}/pool/item/{item['id']}")).status_code == 404
    assert (await client.delete(f"{mount}/pool/item/{item['id']}")).status_code == 404


async def test_apply_to_clip_adds_a_well_formed_gallery_entry(client, mount):
    project = await new_project(client, mount)
    clip = await new_clip(client, mount, (await new_scene(client, mount, project["id"]))["id"])
    item = await new_pool_item(client, mount, project["id"], thumbnail_url="/uploads/generated/t.png",
                               generation_params={"prompt": "a cat", "negative_prompt": "dog", "seed": 9,
                                                  "model": "flux1-dev.safetensors"})
    response = await client.post(f"{mount}/pool/item/{item['id']}/apply-to-clip/{clip['id']}")
    assert response.status_code == 200
    body = response.json()
    content = body["content"]
    assert body["message"] == "Pool item applied to clip" and body["content_id"] == content["id"]
    assert (content["url"], content["thumbnail_url"], content["prompt"], content["negative_prompt"]) == (
        "/uploads/generated/shot.png", "/uploads/generated/t.png", "a cat", "dog")
    assert (content["model_name"], content["model"], content["seed"]) == ("flux1-dev.safetensors",
                                                                          "flux1-dev.safetensors", 9)
    assert (content["server_id"], content["server_name"]) == ("pool", "Generation pool")
    assert content["source"] == "pool"
    assert content["is_selected"] and content["content_type"] == "image"
    stored = await client.get(f"{mount}/clips/{clip['id']}")
    assert stored.status_code == 200
    assert stored.json()["generated_images"] == [content]
    assert stored.json()["selected_image_id"] == content["id"]
    gallery = await client.get(f"{mount}/clips/{clip['id']}/gallery")
    assert gallery.status_code == 200 and [i["id"] for i in gallery.json()["images"]] == [content["id"]]


async def test_apply_without_params_uses_the_defaults_and_each_apply_adds_an_entry(client, mount):
    project = await new_project(client, mount)
    clip = await new_clip(client, mount, (await new_scene(client, mount, project["id"]))["id"])
    item = await new_pool_item(client, mount, project["id"], content_type="video", media_url="https://cdn.example/v.mp4")
    first = await post_ok(client, f"{mount}/pool/item/{item['id']}/apply-to-clip/{clip['id']}", {})
    second = await post_ok(client, f"{mount}/pool/item/{item['id']}/apply-to-clip/{clip['id']}", {})
    assert (second["content"]["model_name"], second["content"]["model"], second["content"]["prompt"]) == (
        "unknown", None, "")
    assert first["content_id"] != second["content_id"] and not second["content"]["is_selected"]
    videos = (await client.get(f"{mount}/clips/{clip['id']}")).json()["generated_videos"]
    assert [v["id"] for v in videos] == [first["content_id"], second["content_id"]]


async def test_apply_across_projects_is_400_and_unknown_ids_are_404(client, mount):
    project, other = await new_project(client, mount), await new_project(client, mount, "Other")
    clip = await new_clip(client, mount, (await new_scene(client, mount, project["id"]))["id"])
    foreign = await new_pool_item(client, mount, other["id"])
    cross = await client.post(f"{mount}/pool/item/{foreign['id']}/apply-to-clip/{clip['id']}")
    assert cross.status_code == 400
    missing_item = await client.post(f"{mount}/pool/item/nope/apply-to-clip/{clip['id']}")
    assert missing_item.json()["detail"]["details"] == {"resource_type": "Pool Item", "resource_id": "nope"}
    missing_clip = await client.post(f"{mount}/pool/item/{foreign['id']}/apply-to-clip/nope")
    assert missing_clip.json()["detail"]["details"] == {"resource_type": "Clip", "resource_id": "nope"}


async def test_pool_urls_become_absolute_with_a_public_base_url(stack, mount):
    async with gateway_client(stack, public_base_url="http://localhost:8000") as client:
        project = await new_project(client, mount)
        item = await new_pool_item(client, mount, project["id"], thumbnail_url="/uploads/generated/t.png")
        assert item["media_url"] == "http://localhost:8000/uploads/generated/shot.png"
        assert item["thumbnail_url"] == "http://localhost:8000/uploads/generated/t.png"
