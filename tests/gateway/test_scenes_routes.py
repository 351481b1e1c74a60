"""/scenes routes (contract 1.4) at both mounts: CRUD, both list shapes, alternates, timeline analysis."""

from __future__ import annotations

from tests.gateway.rest_builders import new_clip, new_project, new_scene, post_ok

SCENE_KEYS = {"id", "project_id", "name", "description", "lyrics", "order", "parent_scene_id",
              "alternate_number",
              "is_alternate", "duration", "timeline_start", "created_at", "updated_at"}


async def test_create_returns_a_laid_out_scene(client, mount):
    project = await new_project(client, mount)
    body = {"project_id": project["id"], "name": "Verse", "description": "d", "lyrics": "la", "order": 1,
            "id": "x"}
    scene = await post_ok(client, f"{mount}/scenes", body)
    assert set(scene) == SCENE_KEYS
    assert (scene["order"], scene["duration"], scene["timeline_start"]) == (1, 0.0, 0.0)
    assert scene["is_alternate"] is False
    assert scene["parent_scene_id"] is None and scene["alternate_number"] == 0
    assert (await client.get(f"{mount}/scenes/{scene['id']}")).json() == scene


async def test_create_in_a_missing_project_is_404_and_bad_bodies_are_422(client, mount):
    missing = await client.post(f"{mount}/scenes", json={"project_id": "nope", "name": "S"})
    assert missing.status_code == 404
    assert missing.json()["detail"]["error"] == "Project with ID 'nope' not found"
    project = await new_project(client, mount)
    valid = {"project_id": project["id"], "name": "S"}
    bad = ({"name": "S"}, {"project_id": project["id"]}, {**valid, "order": -1}, {**valid, "duration": "x"})
    for body in bad:
        assert (await client.post(f"{mount}/scenes", json=body)).status_code == 422, body


async def test_update_is_partial_says_so_and_accepts_timeline_start(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"], lyrics="keep")
    response = await client.put(f"{mount}/scenes/{scene['id']}", json={
        "description": "new", "duration": 12.5, "timeline_start": 40, "lyrics": None})
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Scene updated successfully"
    assert (body["description"], body["lyrics"]) == ("new", "keep")
    assert (body["duration"], body["timeline_start"]) == (12.5, 0.0)
    only_start = await client.put(f"{mount}/scenes/{scene['id']}", json={"timeline_start": 3})
    assert only_start.status_code == 200
    empty = await client.put(f"{mount}/scenes/{scene['id']}", json={"nothing": 1})
    assert empty.status_code == 400
    assert (await client.put(f"{mount}/scenes/nope", json={"name": "x"})).status_code == 404
    assert (await client.put(f"{mount}/scenes/{scene['id']}", json={"order": -3})).status_code == 422


async def test_delete_takes_the_alternates_and_clips(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    await new_clip(client, mount, scene["id"])
    await post_ok(client, f"{mount}/scenes/{scene['id']}/create-alternate?copy_clips=true", {})
    response = await client.delete(f"{mount}/scenes/{scene['id']}")
    assert response.status_code == 200
    body = response.json()
    assert (body["message"], body["deleted"]) == ("Scene deleted successfully", {"scenes": 2, "clips": 2})
    assert isinstance(body["cancelled_jobs"], int)
    assert (await client.get(f"{mount}/projects/{project['id']}/scenes")).json() == []
    assert (await client.delete(f"{mount}/scenes/{scene['id']}")).status_code == 404


async def test_scenes_by_project_path_matches_the_project_scenes_route(client, mount):
    project = await new_project(client, mount)
    for i in range(3):
        await new_scene(client, mount, project["id"], f"S{i}", order=2 - i)
    legacy_shape = (await client.get(f"{mount}/scenes/project/{project['id']}")).json()
    assert legacy_shape == (await client.get(f"{mount}/projects/{project['id']}/scenes")).json()
    assert [s["name"] for s in legacy_shape] == ["S2", "S1", "S0"]
    assert (await client.get(f"{mount}/scenes/project/nope")).status_code == 404


async def test_scene_clips_in_both_shapes_are_ordered(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    await new_clip(client, mount, scene["id"], "B", order=1)
    await new_clip(client, mount, scene["id"], "A2", order=0, timeline_position=6)
    await new_clip(client, mount, scene["id"], "A1", order=0, timeline_position=1)
    clips = (await client.get(f"{mount}/scenes/{scene['id']}/clips")).json()
    assert [c["name"] for c in clips] == ["A1", "A2", "B"]
    assert (await client.get(f"{mount}/clips/scene/{scene['id']}")).json() == clips
    assert (await client.get(f"{mount}/scenes/nope/clips")).status_code == 404
    assert (await client.get(f"{mount}/clips/scene/nope")).status_code == 404


async def test_create_alternate_names_after_the_root(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"], "Chorus", duration=4)
    first = await post_ok(client, f"{mount}/scenes/{scene['id']}/create-alternate", {})
    second = await post_ok(client, f"{mount}/scenes/{first['id']}/create-alternate", {})
    made = [(a["name"], a["alternate_number"], a["parent_scene_id"], a["is_alternate"])
            for a in (first, second)]
    assert made == [("Chorus A1", 1, scene["id"], True), ("Chorus A2", 2, scene["id"], True)]
    assert (second["duration"], second["timeline_start"]) == (4.0, 0.0)
    assert (await client.post(f"{mount}/scenes/nope/create-alternate")).status_code == 404


async def test_timeline_analysis_reports_overlaps_and_gaps(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    a = await new_clip(client, mount, scene["id"], "A", length=5)
    b = await new_clip(client, mount, scene["id"], "B", length=5, timeline_position=4)
    c = await new_clip(client, mount, scene["id"], "C", length=1, timeline_position=12)
    analysis = (await client.get(f"{mount}/scenes/{scene['id']}/timeline-analysis")).json()
    assert analysis["scene_id"] == scene["id"] and analysis["has_issues"] is True
    assert analysis["overlaps"] == [{
        "clip1_id": a["id"], "clip1_name": "A", "clip2_id": b["id"], "clip2_name": "B",
        "overlap_duration": 1.0,
        "error": "Clip would overlap with 'B' by 1.00 seconds. Other clip occupies 4.00s to 9.00s"}]
    assert analysis["gaps"] == [{"after_clip_id": b["id"], "after_clip_name": "B", "before_clip_id": c["id"],
                                 "before_clip_name": "C", "gap_start": 9.0, "gap_end": 12.0,
                                 "gap_duration": 3.0}]
    assert analysis["summary"] == {"total_clips": 3, "total_duration": 11.0, "timeline_end": 13.0,
                                   "gaps": [{"start": 9.0, "end": 12.0, "duration": 3.0}]}
    assert (analysis["total_clips"], analysis["alternate_clips"]) == (3, 0)
    assert (await client.get(f"{mount}/scenes/nope/timeline-analysis")).status_code == 404
