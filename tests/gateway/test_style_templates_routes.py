"""/style-templates routes at both mounts (rest-contract 1.7, 2.7, 3.4; checklist rows 52-54)."""

from __future__ import annotations

import asyncio

from tests.conftest import gateway_client
from tests.gateway.rest_builders import post_ok

TEMPLATE_FIELDS = {"id", "name", "description", "category", "model", "negative_prompt", "loras", "params",
                   "preview_url", "is_public", "created_by", "use_count", "created_at", "updated_at"}


async def new_template(client, mount, **fields):
    return await post_ok(client, f"{mount}/style-templates", {"name": "Noir", **fields})


async def test_library_form_creates_a_template_with_every_field(client, mount):
    body = {"name": "Noir", "description": "dark", "category": "film", "model": "sdxl.safetensors",
            "negative_prompt": "blurry", "loras": [{"name": "grain", "weight": 0.6}, {"name": "light"}],
            "params": {"steps": 30, "cfg": 6.5, "sampler": "euler"}, "is_public": False, "extra": True}
    response = await client.post(f"{mount}/style-templates", json=body)
    assert response.status_code == 200
    created = response.json()
    assert set(created) == TEMPLATE_FIELDS
    assert created["loras"] == [{"name": "grain", "weight": 0.6}, {"name": "light", "weight": 1.0}]
    assert created["params"] == {"steps": 30, "cfg": 6.5, "sampler": "euler"}
    assert (created["use_count"], created["created_by"], created["preview_url"]) == (0, None, None)
    assert (await client.get(f"{mount}/style-templates/{created['id']}")).json() == created


async def test_defaults_fill_omitted_and_null_fields(client, mount):
    created = await new_template(client, mount, category=None, loras=None, params=None, preview_url="")
    assert (created["category"], created["loras"], created["params"], created["preview_url"]) == (
        "custom", [], {}, None)


async def test_schema_violations_are_422(client, mount):
    for body in ({"name": ""}, {"name": "T", "preview_url": "file:///x.png"},
                 {"name": "T", "loras": [{"weight": 1}]},
                 {"name": "T", "loras": [{"name": "l", "weight": 9}]},
                 {"name": "T", "params": {f"k{i}": i for i in range(65)}},
                 {"name": "T", "category": "c" * 101}):
        response = await client.post(f"{mount}/style-templates", json=body)
        assert response.status_code == 422, body


async def test_list_sorts_by_use_count_then_name_and_filters(client, mount):
    alpha = await new_template(client, mount, name="Alpha", category="film")
    beta = await new_template(client, mount, name="Beta", category="film", is_public=True)
    gamma = await new_template(client, mount, name="Gamma", category="anime", is_public=True)
    for template, uses in ((gamma, 2), (beta, 1)):
        for _ in range(uses):
            await client.post(f"{mount}/style-templates/{template['id']}/use")
    listed = await client.get(f"{mount}/style-templates")
    assert [t["name"] for t in listed.json()] == ["Gamma", "Beta", "Alpha"]
    assert listed.headers["x-total-count"] == "3"
    film = await client.get(f"{mount}/style-templates", params={"category": "film"})
    assert [t["id"] for t in film.json()] == [beta["id"], alpha["id"]]
    public = await client.get(f"{mount}/style-templates", params={"public_only": "1"})
    assert [t["id"] for t in public.json()] == [gamma["id"], beta["id"]]
    page = await client.get(f"{mount}/style-templates", params={"limit": 1, "offset": 1})
    assert [t["name"] for t in page.json()] == ["Beta"] and "offset=2" in page.headers["link"]


async def test_use_counts_every_concurrent_call(client, mount):
    template = await new_template(client, mount)
    responses = await asyncio.gather(*(client.post(f"{mount}/style-templates/{template['id']}/use")
                                       for _ in range(30)))
    assert all(r.status_code == 200 for r in responses)
    assert sorted(r.json()["use_count"] for r in responses) == list(range(1, 31))
    assert responses[0].json()["message"] == "Use count incremented"
    assert (await client.get(f"{mount}/style-templates/{template['id']}")).json()["use_count"] == 30


async def test_put_replaces_fields_and_keeps_use_count_and_creation(client, mount):
    template = await new_template(client, mount, category="film", model="m.safetensors",
                                  loras=[{"name": "a"}])
    await client.post(f"{mount}/style-templates/{template['id']}/use")
    response = await client.put(f"{mount}/style-templates/{template['id']}",
                                json={"name": "Renamed", "use_count": 50, "is_public": True})
    assert response.status_code == 200
    replaced = response.json()
    assert (replaced["name"], replaced["category"], replaced["model"], replaced["loras"]) == (
        "Renamed", "custom", None, [])
    assert replaced["is_public"] and replaced["use_count"] == 1
    assert replaced["created_at"] == template["created_at"]


async def test_delete_and_unknown_ids(client, mount):
    template = await new_template(client, mount)
    deleted = await client.delete(f"{mount}/style-templates/{template['id']}")
    assert (deleted.status_code, deleted.json()) == (200, {"message": "Template deleted successfully"})
    for response in (await client.get(f"{mount}/style-templates/{template['id']}"),
                     await client.post(f"{mount}/style-templates/{template['id']}/use"),
                     await client.put(f"{mount}/style-templates/{template['id']}", json={"name": "x"}),
                     await client.delete(f"{mount}/style-templates/{template['id']}")):
        assert response.status_code == 404
        assert response.json()["detail"]["error"] == f"Template with ID '{template['id']}' not found"
        assert response.json()["detail"]["details"]["resource_type"] == "Template"


async def test_preview_url_becomes_absolute_with_a_public_base_url(stack, mount):
    async with gateway_client(stack, public_base_url="http://localhost:8000") as client:
        created = await new_template(client, mount, preview_url="/uploads/generated/p.png")
        assert created["preview_url"] == "http://localhost:8000/uploads/generated/p.png"
