"""/characters routes at both mounts (rest-contract 1.6, 2.6, 3.3; checklist rows 20, 47-49)."""

from __future__ import annotations

from tests.conftest import gateway_client
from tests.gateway.rest_builders import new_clip, new_project, new_scene, post_ok

CHARACTER_FIELDS = {"id", "project_id", "name", "description", "reference_images", "lora", "trigger_words",
                    "style_notes", "generation_method", "face_image", "generation_params", "created_at",
                    "updated_at"}


async def new_character(client, mount, project_id, **fields):
    return await post_ok(client, f"{mount}/characters", {"project_id": project_id, "name": "Hero", **fields})


async def test_character_manager_create_sends_the_full_form_and_reads_it_back(client, mount):
    project = await new_project(client, mount)
    body = {"name": "Hero", "description": "tall", "reference_images": ["/uploads/faces/a.png"], "lora": "",
            "trigger_words": "hro", "style_notes": "noir", "generation_method": "reactor",
            "face_image": "/uploads/faces/f.png", "generation_params": {"strength": 0.8, "steps": 20},
            "project_id": project["id"], "id": "ignored", "unknown": {"x": 1}}
    response = await client.post(f"{mount}/characters", json=body)
    assert response.status_code == 200
    created = response.json()
    assert set(created) == CHARACTER_FIELDS
    assert created["id"] != "ignored" and created["lora"] is None
    assert created["generation_params"] == {"strength": 0.8, "steps": 20}
    assert created["created_at"].endswith("Z") and len(created["created_at"]) == 24
    fetched = await client.get(f"{mount}/characters/{created['id']}")
    assert fetched.json() == created


async def test_empty_face_image_means_none_and_defaults_fill_nulls(client, mount):
    project = await new_project(client, mount)
    created = await new_character(client, mount, project["id"], face_image="", description=None,
                                  generation_method=None, reference_images=None)
    assert created["face_image"] is None and created["description"] == ""
    assert created["generation_method"] == "ip_adapter" and created["reference_images"] == []


async def test_create_for_a_missing_project_is_404(client, mount):
    response = await client.post(f"{mount}/characters", json={"project_id": "nope", "name": "Hero"})
    assert response.status_code == 404
    assert response.json()["detail"] == {
        "error": "Project with ID 'nope' not found", "error_code": "RESOURCE_NOT_FOUND", "status_code": 404,
        "details": {"resource_type": "Project", "resource_id": "nope"}}


async def test_schema_violations_and_unsafe_urls_are_422(client, mount):
    project = await new_project(client, mount)
    bad_bodies = [
        {"project_id": project["id"]},
        {"project_id": project["id"], "name": "H", "face_image": "javascript:alert(1)"},
        {"project_id": project["id"], "name": "H", "face_image": "file:///etc/passwd"},
        {"project_id": project["id"], "name": "H", "reference_images": ["data:image/png;base64,AA"]},
        {"project_id": project["id"], "name": "H", "reference_images": ["/uploads/../etc/passwd"]},
        {"project_id": project["id"], "name": "H", "generation_method": "magic"},
        {"project_id": project["id"], "name": "H", "reference_images": ["/uploads/faces/a.png"] * 21},
    ]
    for body in bad_bodies:
        response = await client.post(f"{mount}/characters", json=body)
        assert response.status_code == 422, body
        assert isinstance(response.json()["detail"], list)


async def test_list_is_a_bare_array_by_name_with_paging_headers(client, mount):
    project, other = await new_project(client, mount), await new_project(client, mount, "Other")
    for name in ("Zed", "Amy", "Bob"):
        await new_character(client, mount, project["id"], name=name)
    await new_character(client, mount, other["id"], name="Elsewhere")
    response = await client.get(f"{mount}/characters", params={"project_id": project["id"]})
    assert response.status_code == 200
    assert [c["name"] for c in response.json()] == ["Amy", "Bob", "Zed"]
    assert response.headers["x-total-count"] == "3" and "link" not in response.headers
    page = await client.get(f"{mount}/characters", params={"project_id": project["id"], "limit": 2})
    assert [c["name"] for c in page.json()] == ["Amy", "Bob"]
    assert "offset=2" in page.headers["link"] and page.headers["link"].endswith('rel="next"')
    everyone = await client.get(f"{mount}/characters")
    assert everyone.headers["x-total-count"] == "4"


async def test_put_is_a_full_replace_that_keeps_the_project(client, mount):
    project, other = await new_project(client, mount), await new_project(client, mount, "Other")
    created = await new_character(client, mount, project["id"], description="d", lora="hero.safetensors",
                                  face_image="/uploads/faces/f.png")
    response = await client.put(f"{mount}/characters/{created['id']}",
                                json={"name": "Renamed", "project_id": other["id"], "trigger_words": "rn"})
    assert response.status_code == 200
    replaced = response.json()
    assert (replaced["name"], replaced["trigger_words"]) == ("Renamed", "rn")
    assert replaced["project_id"] == project["id"]
    assert replaced["description"] == "" and replaced["lora"] is None and replaced["face_image"] is None
    assert replaced["created_at"] == created["created_at"]
    missing = await client.put(f"{mount}/characters/nope", json={"name": "X"})
    assert missing.status_code == 404


async def test_delete_answers_the_message_and_unsets_the_character_on_clips(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    hero = await new_character(client, mount, project["id"])
    clip = await new_clip(client, mount, scene["id"], character_id=hero["id"])
    assert clip["character_id"] == hero["id"]
    response = await client.delete(f"{mount}/characters/{hero['id']}")
    assert (response.status_code, response.json()) == (200, {"message": "Character deleted successfully"})
    assert (await client.get(f"{mount}/clips/{clip['id']}")).json()["character_id"] is None
    again = await client.delete(f"{mount}/characters/{hero['id']}")
    assert again.status_code == 404
    assert again.json()["detail"]["error"] == f"Character with ID '{hero['id']}' not found"


async def test_apply_prepends_the_character_text_once(client, mount):
    project = await new_project(client, mount)
    scene = await new_scene(client, mount, project["id"])
    clip = await new_clip(client, mount, scene["id"], image_prompt="cat")
    hero = await new_character(client, mount, project["id"], trigger_words="hro", description="tall",
                               style_notes="noir")
    expected = {"message": "Character applied to clip", "clip_id": clip["id"], "character_id": hero["id"],
                "image_prompt": "hro Hero, tall. Style: noir. cat",
                "video_prompt": "hro Hero, tall. Style: noir."}
    for _ in range(2):
        response = await client.post(f"{mount}/characters/{hero['id']}/apply/{clip['id']}")
        assert (response.status_code, response.json()) == (200, expected)
    stored = (await client.get(f"{mount}/clips/{clip['id']}")).json()
    assert stored["image_prompt"] == expected["image_prompt"] and stored["character_id"] == hero["id"]


async def test_apply_across_projects_is_400_and_unknown_ids_are_404(client, mount):
    project, other = await new_project(client, mount), await new_project(client, mount, "Other")
    clip = await new_clip(client, mount, (await new_scene(client, mount, project["id"]))["id"])
    stranger = await new_character(client, mount, other["id"])
    cross = await client.post(f"{mount}/characters/{stranger['id']}/apply/{clip['id']}")
    assert cross.status_code == 400 and cross.json()["detail"]["error_code"] == "VALIDATION_ERROR"
    no_clip = await client.post(f"{mount}/characters/{stranger['id']}/apply/nope")
    assert no_clip.status_code == 404 and no_clip.json()["detail"]["details"]["resource_type"] == "Clip"
    no_character = await client.post(f"{mount}/characters/nope/apply/{clip['id']}")
    assert no_character.json()["detail"]["details"]["resource_type"] == "Character"


async def test_media_urls_become_absolute_with_a_public_base_url(stack, mount):
    async with gateway_client(stack, public_base_url="http://localhost:8000") as client:
        project = await new_project(client, mount)
        created = await new_character(client, mount, project["id"], face_image="/uploads/faces/f.png",
                                      reference_images=["/uploads/faces/a.png", "https://cdn.example/b.png"])
        assert created["face_image"] == "http://localhost:8000/uploads/faces/f.png"
        assert created["reference_images"] == ["http://localhost:8000/uploads/faces/a.png",
                                               "https://cdn.example/b.png"]
