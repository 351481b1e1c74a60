"""/projects routes (contract 1.3) at both mounts: CRUD, partial updates, the delete cascade, child
collections."""

from __future__ import annotations

import time

from projects_service.domain import Clip

from tests.conftest import gateway_client
from tests.gateway.rest_builders import new_clip, new_project, new_scene, post_ok
from tests.media import samples

PROJECT_KEYS = {"id", "name", "description", "music_file_path", "music_file", "music_duration",
                "music_media_id",
                "created_at", "updated_at"}


async def test_create_returns_every_project_field_and_ignores_unknown_keys(client, mount):
    project = await post_ok(client, f"{mount}/projects", {"name": "Video", "id": "mine", "colour": "red"})
    assert set(project) == PROJECT_KEYS
    assert project["id"] != "mine" and project["description"] == ""
    assert project["music_file_path"] is None and project["music_file"] is None


async def test_create_with_a_bad_body_is_422(client, mount):
    too_long = {"name": "ok", "description": "d" * 2001}
    for body in ({}, {"name": ""}, {"name": "x" * 201}, too_long, {"name": 3}):
        response = await client.post(f"{mount}/projects", json=body)
        assert response.status_code == 422, body
        assert isinstance(response.json()["detail"], list)


async def test_get_unknown_project_is_a_typed_404(client, mount):
    response = await client.get(f"{mount}/projects/nope")
    assert response.status_code == 404
    assert response.json()["detail"]["details"] == {"resource_type": "Project", "resource_id": "nope"}


async def test_update_is_partial_and_music_file_is_an_alias(client, mount):
    project = await new_project(client, mount, "Old")
    response = await client.put(f"{mount}/projects/{project['id']}",
                                json={"name": "New", "description": None,
                                      "music_file": "/uploads/music/m1.mp3"})
    assert response.status_code == 200
    updated = response.json()
    assert (updated["name"], updated["description"]) == ("New", "")
    assert updated["music_file_path"] == updated["music_file"] == "/uploads/music/m1.mp3"
    assert updated["updated_at"] >= project["updated_at"]
    duration = (await client.put(f"{mount}/projects/{project['id']}", json={"music_duration": 61.5})).json()
    assert (duration["music_duration"], duration["music_file_path"]) == (61.5, "/uploads/music/m1.mp3")
    cleared = (await client.put(f"{mount}/projects/{project['id']}", json={"music_file_path": ""})).json()
    assert cleared["music_file_path"] is None and cleared["music_file"] is None
    assert cleared["music_duration"] is None


async def test_update_without_a_recognised_field_is_400(client, mount):
    project = await new_project(client, mount)
    for body in ({}, {"unknown": 1}, {"name": None}):
        response = await client.put(f"{mount}/projects/{project['id']}", json=body)
        assert response.status_code == 400, body
        assert response.json()["detail"]["error"] == "No valid fields provided for update"
        assert response.json()["detail"]["error_code"] == "VALIDATION_ERROR"


async def test_update_refuses_unsafe_music_urls_and_bad_values_with_422(client, mount):
    project = await new_project(client, mount)
    for body in ({"music_file": "file:///etc/passwd"}, {"music_file_path": "javascript:alert(1)"},
                 {"music_file_path": "/uploads/../x.mp3"}, {"music_duration": -1}, {"name": ""}):
        response = await client.put(f"{mount}/projects/{project['id']}", json=body)
        assert response.status_code == 422, body
    missing = await client.put(f"{mount}/projects/nope", json={"name": "x"})
    assert missing.status_code == 404


async def test_music_urls_become_absolute_with_a_public_base_url(stack, mount):
    async with gateway_client(stack, public_base_url="http://localhost:8000") as client:
        project = await new_project(client, mount)
        updated = (await client.put(f"{mount}/projects/{project['id']}",
                                    json={"music_file_path": "/uploads/music/m.mp3"})).json()
        assert updated["music_file_path"] == updated["music_file"] == "http://localhost:8000/uploads/music/m.mp3"


async def test_delete_cascades_and_reports_what_went(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    clip = await new_clip(client, mount, scene["id"])
    await client.post(f"{mount}/clips/{clip['id']}/create-alternate")
    await post_ok(client, f"{mount}/characters", {"project_id": project["id"], "name": "Hero"})
    response = await client.delete(f"{mount}/projects/{project['id']}")
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Project deleted successfully"
    assert {k: body["deleted"][k] for k in ("scenes", "clips", "characters", "pool_items")} == {
        "scenes": 1, "clips": 2, "characters": 1, "pool_items": 0}
    assert isinstance(body["deleted"]["media_files"], int) and isinstance(body["cancelled_jobs"], int)
    for path in (f"/projects/{project['id']}", f"/scenes/{scene['id']}", f"/clips/{clip['id']}"):
        assert (await client.get(mount + path)).status_code == 404, path
    again = await client.delete(f"{mount}/projects/{project['id']}")
    assert again.status_code == 404


async def test_delete_releases_the_projects_media_files(client, mount):
    project = await new_project(client, mount)
    music = (await client.post(f"{mount}/projects/{project['id']}/upload-music",
                               files={"file": ("song.wav", samples.wav(1.0))})).json()
    assert (await client.get(music["file_path"])).status_code == 200
    body = (await client.delete(f"{mount}/projects/{project['id']}")).json()
    assert body["deleted"]["media_files"] == 1
    assert (await client.get(music["file_path"])).status_code == 404


async def test_with_scenes_and_scenes_list_every_scene_in_order(client, mount):
    project = await new_project(client, mount)
    second = await new_scene(client, mount, project["id"], "Second", order=2)
    first = await new_scene(client, mount, project["id"], "First", order=1)
    alternate = await post_ok(client, f"{mount}/scenes/{first['id']}/create-alternate", {})
    expected = [first["id"], alternate["id"], second["id"]]
    with_scenes = (await client.get(f"{mount}/projects/{project['id']}/with-scenes")).json()
    assert set(with_scenes) == PROJECT_KEYS | {"scenes"}
    assert [s["id"] for s in with_scenes["scenes"]] == expected
    assert "clips" not in with_scenes["scenes"][0]
    scenes = (await client.get(f"{mount}/projects/{project['id']}/scenes")).json()
    assert [s["id"] for s in scenes] == expected
    for path in ("with-scenes", "scenes", "clips", "timeline"):
        assert (await client.get(f"{mount}/projects/nope/{path}")).status_code == 404, path


async def test_project_clips_are_complete_past_one_page(stack, client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    now = time.time()
    many = [Clip(id=f"clip-{i:04d}", scene_id=scene["id"], project_id=project["id"], name=f"C{i}",
                 created_at=now,
                 updated_at=now, order=i) for i in range(1205)]
    await stack.services["projects"].deps.repositories.clips.add_many(many)  # seeded below the API, for speed
    clips = (await client.get(f"{mount}/projects/{project['id']}/clips")).json()
    assert [c["id"] for c in clips] == [c.id for c in many]
    scene_clips = (await client.get(f"{mount}/scenes/{scene['id']}/clips")).json()
    assert len(scene_clips) == 1205


async def test_timeline_nests_clips_in_scenes_with_computed_figures(client, mount):
    project = await new_project(client, mount)
    first = await new_scene(client, mount, project["id"], "First", order=0, duration=3)
    second = await new_scene(client, mount, project["id"], "Second", order=1)
    root = await new_clip(client, mount, first["id"], "Root", length=4, timeline_position=2)
    alternate = await post_ok(client, f"{mount}/clips/{root['id']}/create-alternate", {})
    await new_clip(client, mount, second["id"], "Tail", length=2)
    timeline = (await client.get(f"{mount}/projects/{project['id']}/timeline")).json()
    assert set(timeline) == {"project", "scenes", "total_duration"}
    assert timeline["project"]["id"] == project["id"]
    assert [(s["name"], s["duration"], s["timeline_start"]) for s in timeline["scenes"]] == [
        ("First", 6.0, 0.0), ("Second", 2.0, 6.0)]
    clips = timeline["scenes"][0]["clips"]
    family = [(c["id"], c["parent_clip_id"]) for c in clips]
    assert family == [(root["id"], None), (alternate["id"], root["id"])]
    assert {"is_alternate", "alternate_number", "timeline_position", "length"} <= set(clips[1])
    assert timeline["total_duration"] == 8.0
