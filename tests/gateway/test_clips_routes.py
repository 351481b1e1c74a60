"""/clips routes (contract 1.5, 2.3, 2.4, 3.1, 3.5) at both mounts: CRUD, timeline position with the exact
409 body, prompts, gallery and selection in both forms, alternates."""

from __future__ import annotations

import uuid
from typing import Any

from google.protobuf.struct_pb2 import Struct
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard.projects.v1.projects_service_pb2_grpc import ProjectsServiceStub

from tests.conftest import channel_to, gateway_client
from tests.gateway.rest_builders import new_clip, new_project, new_scene, post_ok

CLIP_KEYS = {"id", "scene_id", "project_id", "name", "lyrics", "length", "timeline_position", "order",
             "parent_clip_id", "alternate_number", "is_alternate", "image_prompt", "video_prompt",
             "generated_images", "generated_videos", "selected_image_id", "selected_video_id", "character_id",
             "versions", "active_version", "created_at", "updated_at"}
CONTENT_KEYS = {"id", "content_type", "url", "thumbnail_url", "media_id", "prompt", "negative_prompt",
                "server_id", "server_name", "model_name", "model", "model_type", "generation_params", "loras",
                "seed", "job_id", "source", "is_selected", "created_at"}


async def scene_in_new_project(client, mount) -> dict[str, Any]:
    project = await new_project(client, mount)
    return await new_scene(client, mount, project["id"])


async def generated(stack, clip_id: str, content_type: int = pb.CONTENT_TYPE_IMAGE, **fields: Any) -> str:
    """Adds a gallery entry the way the generation service does, over gRPC."""
    content_id = fields.pop("id", f"job-{uuid.uuid4()}:0")
    async with channel_to(stack.services["projects"].address) as channel:
        await ProjectsServiceStub(channel).AddClipContent(api.AddClipContentRequest(clip_id=clip_id, content=(
            pb.GeneratedContent(id=content_id, content_type=content_type,
                                url=f"/uploads/generated/{content_id.replace(':', '-')}.png", **fields))))
    return content_id


async def test_create_returns_every_clip_field(client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await post_ok(client, f"{mount}/clips", {
        "scene_id": scene["id"], "name": "Intro", "lyrics": "la", "length": 3.5, "timeline_position": 1.005,
        "order": 2, "image_prompt": "a &amp; <b>", "video_prompt": None, "extra": True})
    assert set(clip) == CLIP_KEYS
    assert (clip["project_id"], clip["length"], clip["timeline_position"]) == (scene["project_id"], 3.5, 1.0)
    assert (clip["image_prompt"], clip["video_prompt"]) == ("a &amp; <b>", "")
    assert (clip["versions"], clip["active_version"], clip["generated_images"]) == ([], 1, [])
    assert (await client.get(f"{mount}/clips/{clip['id']}")).json() == clip


async def test_create_checks_the_scene_the_character_and_the_body(client, mount):
    missing = await client.post(f"{mount}/clips", json={"scene_id": "nope", "name": "C"})
    assert missing.status_code == 404 and missing.json()["detail"]["details"]["resource_type"] == "Scene"
    scene = await scene_in_new_project(client, mount)
    ghost = await client.post(f"{mount}/clips", json={"scene_id": scene["id"], "name": "C",
                                                      "character_id": "ghost"})
    assert ghost.status_code == 404 and ghost.json()["detail"]["details"]["resource_type"] == "Character"
    other = await new_project(client, mount, "Other")
    foreign = await post_ok(client, f"{mount}/characters", {"project_id": other["id"], "name": "Hero"})
    cross = await client.post(f"{mount}/clips", json={"scene_id": scene["id"], "name": "C",
                                                      "character_id": foreign["id"]})
    assert cross.status_code == 400 and cross.json()["detail"]["error_code"] == "VALIDATION_ERROR"
    for body in ({"scene_id": scene["id"]}, {"scene_id": scene["id"], "name": "C", "length": 0},
                 {"scene_id": scene["id"], "name": "C", "timeline_position": 10001},
                 {"scene_id": scene["id"], "name": "C", "order": 2**31}):
        assert (await client.post(f"{mount}/clips", json=body)).status_code == 422, body


async def test_update_is_partial_without_overlap_check_and_clears_a_character(client, mount):
    scene = await scene_in_new_project(client, mount)
    hero = await post_ok(client, f"{mount}/characters", {"project_id": scene["project_id"], "name": "Hero"})
    await new_clip(client, mount, scene["id"], "Other", length=5)
    clip = await new_clip(client, mount, scene["id"], "C", lyrics="keep", character_id=hero["id"], length=5,
                          timeline_position=20)
    response = await client.put(f"{mount}/clips/{clip['id']}", json={
        "name": "Renamed", "timeline_position": 1.237, "image_prompt": "new", "video_prompt": None,
        "character_id": ""})
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["lyrics"], body["timeline_position"], body["character_id"]) == (
        "Renamed", "keep", 1.24, None)
    assert (await client.put(f"{mount}/clips/{clip['id']}", json={"bogus": 1})).status_code == 400
    assert (await client.put(f"{mount}/clips/{clip['id']}", json={"length": -1})).status_code == 422
    assert (await client.put(f"{mount}/clips/nope", json={"name": "x"})).status_code == 404


async def test_delete_takes_the_alternates_and_reports_cancelled_jobs(client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"])
    await post_ok(client, f"{mount}/clips/{clip['id']}/create-alternate", {})
    response = await client.delete(f"{mount}/clips/{clip['id']}")
    assert response.status_code == 200
    body = response.json()
    assert (body["message"], body["deleted"]) == ("Clip deleted successfully", {"clips": 2})
    assert isinstance(body["cancelled_jobs"], int)
    assert (await client.get(f"{mount}/scenes/{scene['id']}/clips")).json() == []
    assert (await client.delete(f"{mount}/clips/{clip['id']}")).status_code == 404


async def test_timeline_position_moves_and_returns_the_scene_summary(client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"], length=4)
    await new_clip(client, mount, scene["id"], "Later", length=2, timeline_position=10)
    response = await client.put(f"{mount}/clips/{clip['id']}/timeline-position", json={"position": 2.004})
    assert response.status_code == 200
    assert response.json() == {"message": "Timeline position updated", "clip_id": clip["id"],
                               "new_position": 2.0,
                               "timeline_summary": {"total_clips": 2, "total_duration": 6.0,
                                                    "timeline_end": 12.0,
                                                    "gaps": [{"start": 6.0, "end": 10.0, "duration": 4.0}]}}


async def test_timeline_overlap_is_409_with_exactly_the_contract_body(client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"], "Mover", length=5)
    await new_clip(client, mount, scene["id"], "Chorus 2", length=5, timeline_position=4)
    response = await client.put(f"{mount}/clips/{clip['id']}/timeline-position", json={"position": 5.5},
                                headers={"X-Request-ID": "move-1"})
    assert response.status_code == 409
    assert response.json() == {"detail": {
        "error": "Clip would overlap with 'Chorus 2' by 3.50 seconds. Other clip occupies 4.00s to 9.00s",
        "suggested_position": 9.1, "clip_id": clip["id"], "requested_position": 5.5}}
    assert response.headers["x-request-id"] == "move-1"
    retry = await client.put(f"{mount}/clips/{clip['id']}/timeline-position", json={"position": 9.1})
    assert retry.status_code == 200 and retry.json()["new_position"] == 9.1


async def test_suggestion_past_the_end_of_the_timeline_is_null(client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"], length=5)
    await new_clip(client, mount, scene["id"], "End", length=10, timeline_position=9990)
    response = await client.put(f"{mount}/clips/{clip['id']}/timeline-position", json={"position": 9995})
    assert response.status_code == 409 and response.json()["detail"]["suggested_position"] is None


async def test_check_overlap_false_and_family_members_skip_the_conflict(client, mount):
    scene = await scene_in_new_project(client, mount)
    root = await new_clip(client, mount, scene["id"], length=5)
    alternate = await post_ok(client, f"{mount}/clips/{root['id']}/create-alternate", {})
    other = await new_clip(client, mount, scene["id"], "Other", length=5, timeline_position=10)
    same_slot = await client.put(f"{mount}/clips/{alternate['id']}/timeline-position", json={"position": 1})
    assert same_slot.status_code == 200
    for flag in ("false", "0"):
        forced = await client.put(f"{mount}/clips/{other['id']}/timeline-position?check_overlap={flag}",
                                  json={"position": 2})
        assert forced.status_code == 200 and forced.json()["new_position"] == 2.0


async def test_timeline_position_needs_a_position_in_range(client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"])
    for body in ({}, {"position": -1}, {"position": 10000.5}, {"position": "left"}):
        response = await client.put(f"{mount}/clips/{clip['id']}/timeline-position", json=body)
        assert response.status_code == 422, body
    assert (await client.put(f"{mount}/clips/{clip['id']}/timeline-position?check_overlap=maybe",
                             json={"position": 1})).status_code == 422
    assert (await client.put(f"{mount}/clips/nope/timeline-position",
                             json={"position": 1})).status_code == 404


async def test_prompts_by_query_or_body_leave_an_omitted_prompt_unchanged(client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"], image_prompt="old image", video_prompt="old video")
    by_query = await client.put(f"{mount}/clips/{clip['id']}/prompts", params={"image_prompt": "q <i>&amp;"})
    assert by_query.status_code == 200
    assert by_query.json()["message"] == "Prompts updated successfully"
    assert (by_query.json()["image_prompt"], by_query.json()["video_prompt"]) == ("q <i>&amp;", "old video")
    body_wins = await client.put(f"{mount}/clips/{clip['id']}/prompts", params={"video_prompt": "query"},
                                 json={"video_prompt": "body"})
    assert (body_wins.json()["image_prompt"], body_wins.json()["video_prompt"]) == ("q <i>&amp;", "body")
    assert set(body_wins.json()) == CLIP_KEYS | {"message"}
    assert (await client.put(f"{mount}/clips/{clip['id']}/prompts")).status_code == 400
    assert (await client.put(f"{mount}/clips/{clip['id']}/prompts", json={})).status_code == 400
    assert (await client.put(f"{mount}/clips/nope/prompts", params={"image_prompt": "x"})).status_code == 404


async def test_gallery_lists_entries_oldest_first_with_the_selection(stack, client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"])
    params = Struct()
    params.update({"seed": 42, "cfg": 6.5, "steps": 20})
    first = await generated(stack, clip["id"], prompt="a cat", negative_prompt="blur", server_id="s1",
                            server_name_snapshot="GPU 1", model_name="sdxl.safetensors", model_type="sdxl",
                            generation_params=params, loras=[pb.LoraRef(name="detail", weight=0.8)], seed=42,
                            job_id="job-1", media_id="m1")
    second = await generated(stack, clip["id"])
    video = await generated(stack, clip["id"], pb.CONTENT_TYPE_VIDEO)
    gallery = (await client.get(f"{mount}/clips/{clip['id']}/gallery")).json()
    assert set(gallery) == {"images", "videos", "selected_image_id", "selected_video_id"}
    assert [g["id"] for g in gallery["images"]] == [first, second]
    assert [g["is_selected"] for g in gallery["images"]] == [True, False]
    assert (gallery["selected_image_id"], gallery["selected_video_id"]) == (first, video)
    entry = gallery["images"][0]
    assert set(entry) == CONTENT_KEYS
    assert entry["generation_params"] == {"seed": 42, "cfg": 6.5, "steps": 20}
    assert (entry["model_name"], entry["model"], entry["server_name"], entry["seed"], entry["source"]) == (
        "sdxl.safetensors", "sdxl.safetensors", "GPU 1", 42, "generation")
    assert entry["loras"] == [{"name": "detail", "weight": 0.8}] and entry["created_at"].endswith("Z")
    unknown_model = gallery["images"][1]
    assert (unknown_model["model_name"], unknown_model["model"]) == ("unknown", None)
    read = (await client.get(f"{mount}/clips/{clip['id']}")).json()
    assert [g["id"] for g in read["generated_images"]] == [first, second]
    assert (await client.get(f"{mount}/clips/nope/gallery")).status_code == 404


async def test_gallery_urls_become_absolute_with_a_public_base_url(stack, mount):
    async with gateway_client(stack, public_base_url="http://localhost:8000") as client:
        scene = await scene_in_new_project(client, mount)
        clip = await new_clip(client, mount, scene["id"])
        await generated(stack, clip["id"], id="job-x:0")
        gallery = (await client.get(f"{mount}/clips/{clip['id']}/gallery")).json()
        assert gallery["images"][0]["url"] == "http://localhost:8000/uploads/generated/job-x-0.png"


async def test_select_content_in_every_form(stack, client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"])
    image1, image2 = await generated(stack, clip["id"]), await generated(stack, clip["id"])
    video1, video2 = (await generated(stack, clip["id"], pb.CONTENT_TYPE_VIDEO),
                      await generated(stack, clip["id"], pb.CONTENT_TYPE_VIDEO))
    path = f"{mount}/clips/{clip['id']}/select-content"
    by_type = await client.put(path, params={"content_id": image2, "content_type": "image"})
    assert by_type.status_code == 200
    assert by_type.json() == {"message": "Selected image updated successfully", "clip_id": clip["id"],
                              "selected_image_id": image2, "selected_video_id": video1}
    by_alias = await client.put(path, params={"video_id": video2})
    assert by_alias.json()["message"] == "Selected video updated successfully"
    assert by_alias.json()["selected_video_id"] == video2
    by_body = await client.put(path, params={"image_id": "ignored"}, json={"image_id": image1})
    assert by_body.status_code == 200 and by_body.json()["selected_image_id"] == image1
    gallery = (await client.get(f"{mount}/clips/{clip['id']}/gallery")).json()
    assert [g["is_selected"] for g in gallery["images"]] == [True, False]
    assert [g["is_selected"] for g in gallery["videos"]] == [False, True]


async def test_select_content_refuses_unknown_ids_types_and_empty_requests(stack, client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"])
    image = await generated(stack, clip["id"])
    path = f"{mount}/clips/{clip['id']}/select-content"
    unknown = await client.put(path, params={"image_id": "nope"})
    assert unknown.status_code == 404
    assert unknown.json()["detail"]["details"] == {"resource_type": "Content", "resource_id": "nope"}
    wrong_gallery = await client.put(path, params={"video_id": image})
    assert wrong_gallery.status_code == 404
    bad_type = await client.put(path, params={"content_id": image, "content_type": "audio"})
    assert bad_type.status_code == 400 and bad_type.json()["detail"]["error"] == "Invalid content type"
    assert (await client.put(path)).status_code == 400
    missing_clip = await client.put(f"{mount}/clips/nope/select-content", params={"image_id": image})
    assert missing_clip.status_code == 404
    assert missing_clip.json()["detail"]["details"]["resource_type"] == "Clip"
    assert (await client.get(f"{mount}/clips/{clip['id']}")).json()["selected_image_id"] == image


async def test_create_alternate_copies_the_slot_with_an_empty_gallery(stack, client, mount):
    scene = await scene_in_new_project(client, mount)
    clip = await new_clip(client, mount, scene["id"], "Hook", length=3, timeline_position=4, image_prompt="p")
    await generated(stack, clip["id"])
    alternate = await post_ok(client, f"{mount}/clips/{clip['id']}/create-alternate", {})
    assert set(alternate) == CLIP_KEYS
    assert (alternate["name"], alternate["parent_clip_id"], alternate["alternate_number"],
            alternate["is_alternate"]) == (
        "Hook A1", clip["id"], 1, True)
    assert (alternate["length"], alternate["timeline_position"], alternate["image_prompt"]) == (3.0, 4.0, "p")
    assert alternate["generated_images"] == [] and alternate["selected_image_id"] is None
    assert (await client.post(f"{mount}/clips/nope/create-alternate")).status_code == 404
