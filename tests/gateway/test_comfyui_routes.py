"""/comfyui/servers routes over the real gateway and services, against the fake ComfyUI, on both mounts."""

from __future__ import annotations

import asyncio
import logging
import re
import runpy
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from api_gateway.fallback_workflows import snapshot

from tests.fakes.comfyui import FakeComfyUI

SECRET = "sk-gw-9d1e77c4b2"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
SERVER_KEYS = {"id", "name", "url", "server_type", "endpoint_id", "is_active", "max_concurrent",
               "has_api_key", "created_at", "updated_at"}


@pytest.fixture
def service_overrides() -> dict:
    return {"comfyui": {"health_interval_s": 0.05, "health_max_backoff_s": 0.2, "probe_timeout_s": 2.0}}


@pytest.fixture
async def fake() -> AsyncIterator[FakeComfyUI]:
    async with FakeComfyUI() as server:
        yield server


async def wait_for_status(stack, server_id: str, online: bool) -> None:
    monitor = stack.services["comfyui"].deps.monitor

    def reached() -> bool:
        status = monitor.status(server_id)
        return status is not None and status.is_online == online

    await asyncio.wait_for(monitor.wait_until(reached), 10)


async def create(client, mount: str, url: str, **body) -> dict:
    r = await client.post(f"{mount}/comfyui/servers", json={"name": "gpu-1", "url": url, **body})
    assert r.status_code == 200, r.text
    return r.json()


def assert_typed_error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert detail["error_code"] == code and detail["status_code"] == status
    assert isinstance(detail["details"], dict)
    return detail


async def test_create_returns_the_normalised_server_without_its_key(client, mount):
    body = await create(client, mount, "HTTP://GPU-Box.Local:8188/", api_key=SECRET, id="ignored", extra="x")
    assert set(body) == SERVER_KEYS
    assert body["url"] == "http://gpu-box.local:8188"
    assert (body["server_type"], body["endpoint_id"], body["is_active"], body["max_concurrent"]) == (
        "standard", None, True, 1)
    assert body["has_api_key"] is True and body["id"] != "ignored"
    assert TIMESTAMP.match(body["created_at"]) and TIMESTAMP.match(body["updated_at"])


async def test_create_runpod_url_forces_type_and_endpoint(client, mount):
    body = await create(client, mount, "https://api.runpod.ai/v2/ep42", server_type="standard")
    assert (body["server_type"], body["endpoint_id"]) == ("runpod", "ep42")


async def test_refused_urls_get_400_validation_error(client, mount):
    for url in ("http://169.254.169.254/latest", "http://metadata.google.internal/", "http://[fe80::1]:8188",
                "ftp://gpu-box/", "http://u:p@gpu-box/", "not a url"):
        r = await client.post(f"{mount}/comfyui/servers", json={"name": "x", "url": url})
        assert_typed_error(r, 400, "VALIDATION_ERROR")


async def test_duplicate_normalised_url_gets_409(client, mount):
    await create(client, mount, "http://gpu-box:8188")
    r = await client.post(f"{mount}/comfyui/servers", json={"name": "again", "url": "HTTP://GPU-BOX:8188/"})
    detail = assert_typed_error(r, 409, "DUPLICATE_RESOURCE")
    assert "already registered" in detail["error"]


async def test_invalid_create_bodies_get_422_without_echoing_the_key(client, mount):
    for body in ({"url": "http://gpu-box", "api_key": SECRET}, {"name": "", "url": "http://gpu-box"},
                 {"name": "x", "url": "http://gpu-box", "max_concurrent": 65},
                 {"name": "x", "url": "http://gpu-box", "server_type": "cloud"},
                 {"name": "x", "url": "http://gpu-box", "api_key": SECRET * 40}):
        r = await client.post(f"{mount}/comfyui/servers", json=body)
        assert r.status_code == 422, body
        assert isinstance(r.json()["detail"], list)
        assert SECRET not in r.text


async def test_list_is_a_bare_array_oldest_first_with_paging_headers(client, mount):
    ids = [(await create(client, mount, f"http://gpu-{i}:8188", name=f"gpu-{i}", is_active=i != 2))["id"]
           for i in range(3)]
    r = await client.get(f"{mount}/comfyui/servers")
    assert r.status_code == 200 and [s["id"] for s in r.json()] == ids
    assert r.headers["x-total-count"] == "3" and "link" not in r.headers
    assert all(set(s) == SERVER_KEYS for s in r.json())
    page = await client.get(f"{mount}/comfyui/servers", params={"limit": 2})
    assert [s["id"] for s in page.json()] == ids[:2]
    assert 'rel="next"' in page.headers["link"] and "offset=2" in page.headers["link"]
    inactive = await client.get(f"{mount}/comfyui/servers", params={"is_active": "0"})
    assert [s["id"] for s in inactive.json()] == [ids[2]] and inactive.headers["x-total-count"] == "1"
    assert (await client.get(f"{mount}/comfyui/servers", params={"limit": 0})).status_code == 422


async def test_get_server_shows_cached_status_and_models(client, mount, stack, fake):
    server = await create(client, mount, fake.url)
    await wait_for_status(stack, server["id"], online=True)
    r = await client.get(f"{mount}/comfyui/servers/{server['id']}")
    body = r.json()
    assert r.status_code == 200
    assert set(body) == SERVER_KEYS | {"is_online", "status_checked_at", "models", "loras"}
    assert body["is_online"] is True and TIMESTAMP.match(body["status_checked_at"])
    assert body["models"] == [{"name": "fake-sd15.safetensors", "type": "checkpoint", "model_type": "sd15"},
                              {"name": "fake-sdxl.safetensors", "type": "checkpoint", "model_type": "sdxl"}]
    assert body["loras"] == [{"name": "fake-style-lora.safetensors", "type": "lora"}]


async def test_info_has_every_list_and_system_figures(client, mount, stack, fake):
    fake.set_system_stats(vram_total=1000, vram_free=400)
    server = await create(client, mount, fake.url)
    r = await client.get(f"{mount}/comfyui/servers/{server['id']}/info", params={"refresh": "true"})
    body = r.json()
    assert r.status_code == 200
    assert body["server"]["id"] == server["id"] and set(body["server"]) == SERVER_KEYS
    assert body["is_online"] is True and body["status_error"] is None
    assert body["vaes"] == ["fake-vae.safetensors"]
    assert body["diffusion_models"] == ["fake-flux-dev.safetensors"]
    assert body["text_encoders"] == ["fake-clip-l.safetensors", "fake-t5xxl.safetensors"]
    assert body["upscale_models"] == ["fake-2x-upscaler.pth"]
    assert "euler_ancestral" in body["samplers"] and "karras" in body["schedulers"]
    assert body["system"]["comfyui_version"] == "0.3.64"
    assert body["system"]["devices"] == [{"name": "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync",
                                          "type": "cuda", "vram_total": 1000, "vram_free": 400}]
    assert body["queue_remaining"] == 0 and body["latency_ms"] >= 0


async def test_offline_server_info_is_200_with_empty_lists(client, mount, stack, fake):
    server = await create(client, mount, fake.url)
    await wait_for_status(stack, server["id"], online=True)
    await fake.go_offline("refuse")
    await wait_for_status(stack, server["id"], online=False)
    r = await client.get(f"{mount}/comfyui/servers/{server['id']}/info")
    body = r.json()
    assert r.status_code == 200
    assert body["is_online"] is False and body["status_error"]
    assert body["models"] == [] and body["loras"] == [] and body["samplers"] == [] and body["system"] is None
    detail = (await client.get(f"{mount}/comfyui/servers/{server['id']}")).json()
    assert detail["is_online"] is False and detail["models"] == []


async def test_unknown_server_gets_404_on_every_route(client, mount):
    for method, suffix in (("GET", ""), ("GET", "/info"), ("PUT", ""), ("DELETE", ""), ("GET", "/workflows")):
        r = await client.request(method, f"{mount}/comfyui/servers/missing{suffix}",
                                 json={"name": "x"} if method == "PUT" else None)
        detail = assert_typed_error(r, 404, "RESOURCE_NOT_FOUND")
        assert detail["error"] == "ComfyUI Server with ID 'missing' not found"
        assert detail["details"] == {"resource_type": "ComfyUI Server", "resource_id": "missing"}


async def test_update_is_partial_and_api_key_follows_presence(client, mount):
    server = await create(client, mount, "http://gpu-box:8188", api_key=SECRET, max_concurrent=3)
    path = f"{mount}/comfyui/servers/{server['id']}"
    renamed = (await client.put(path, json={"name": "renamed", "api_key": None, "url": None})).json()
    assert (renamed["name"], renamed["url"], renamed["max_concurrent"], renamed["has_api_key"]) == (
        "renamed", "http://gpu-box:8188", 3, True)
    moved = (await client.put(path, json={"url": "HTTP://New-Box:8188/", "is_active": False})).json()
    assert (moved["url"], moved["is_active"]) == ("http://new-box:8188", False)
    removed = (await client.put(path, json={"api_key": ""})).json()
    assert removed["has_api_key"] is False
    assert (await client.get(path)).json()["name"] == "renamed"


async def test_update_without_a_usable_field_gets_400(client, mount):
    server = await create(client, mount, "http://gpu-box:8188")
    for body in ({}, {"name": None, "api_key": None}, {"unknown": 1}):
        r = await client.put(f"{mount}/comfyui/servers/{server['id']}", json=body)
        detail = assert_typed_error(r, 400, "VALIDATION_ERROR")
        assert detail["error"] == "No valid fields provided for update"


async def test_update_to_a_refused_or_taken_url_fails(client, mount):
    await create(client, mount, "http://gpu-a:8188", name="a")
    b = await create(client, mount, "http://gpu-b:8188", name="b")
    path = f"{mount}/comfyui/servers/{b['id']}"
    assert_typed_error(await client.put(path, json={"url": "http://gpu-a:8188/"}), 409, "DUPLICATE_RESOURCE")
    refused = await client.put(path, json={"url": "http://169.254.169.254"})
    assert_typed_error(refused, 400, "VALIDATION_ERROR")
    assert (await client.put(path, json={"max_concurrent": 0})).status_code == 422


async def test_delete_answers_failed_jobs_and_then_404(client, mount):
    server = await create(client, mount, "http://gpu-box:8188")
    r = await client.delete(f"{mount}/comfyui/servers/{server['id']}")
    assert r.status_code == 200
    assert r.json() == {"message": "Server deleted successfully", "failed_jobs": 0}
    assert (await client.delete(f"{mount}/comfyui/servers/{server['id']}")).status_code == 404
    assert (await client.get(f"{mount}/comfyui/servers")).json() == []


async def test_workflows_are_listed_and_unavailable_while_the_server_is_offline(client, mount, stack, fake):
    server = await create(client, mount, fake.url)
    await wait_for_status(stack, server["id"], online=True)
    online = await client.get(f"{mount}/comfyui/servers/{server['id']}/workflows")
    workflows = online.json()["workflows"]
    assert online.status_code == 200 and workflows
    for w in workflows:
        assert set(w) == {"id", "name", "generation_type", "model_types", "available"}
        assert w["generation_type"] in ("image", "video") and w["model_types"]
    await fake.go_offline("refuse")
    await wait_for_status(stack, server["id"], online=False)
    offline = (await client.get(f"{mount}/comfyui/servers/{server['id']}/workflows")).json()["workflows"]
    assert offline and not any(w["available"] for w in offline)


def test_the_gateway_template_snapshot_is_generations_current_list():
    """The gateway lists generation's templates from a snapshot; regenerate it with scripts/workflow_templates.py."""
    script = runpy.run_path(str(Path(__file__).parents[2] / "scripts/workflow_templates.py"))
    assert snapshot() == script["snapshot"]()


async def test_workflow_availability_follows_node_classes_and_models(client, mount, stack, fake):
    """The templates are generation's; one is available only when the server has its nodes and model files."""
    server = await create(client, mount, fake.url)
    await wait_for_status(stack, server["id"], online=True)
    assert (await client.get(f"{mount}/comfyui/servers/{server['id']}/info", params={"refresh": "true"})).json()
    workflows = {w["id"]: w for w in
                 (await client.get(f"{mount}/comfyui/servers/{server['id']}/workflows")).json()["workflows"]}
    assert {"sd_txt2img", "flux_txt2img", "wan_txt2video", "face_reactor", "upscale"} <= set(workflows)
    assert workflows["sd_txt2img"]["available"] is True  # stock nodes; its only model is the job's own
    assert workflows["sd_txt2img"]["model_types"] == ["sd15", "sdxl", "pony", "illustrious"]
    assert workflows["flux_txt2img"]["available"] is False  # the fake lists no clip_l / t5xxl / ae files
    assert workflows["upscale"]["available"] is False  # RealESRGAN_x4plus.pth is not in upscale_models
    assert workflows["wan_txt2video"]["generation_type"] == "video"


async def test_api_key_never_appears_in_any_response_or_log_line(client, mount, stack, fake, caplog):
    caplog.set_level(logging.DEBUG)
    server = await create(client, mount, fake.url, api_key=SECRET)
    sid = server["id"]
    await wait_for_status(stack, sid, online=True)
    responses = [
        await client.get(f"{mount}/comfyui/servers"),
        await client.get(f"{mount}/comfyui/servers/{sid}"),
        await client.get(f"{mount}/comfyui/servers/{sid}/info", params={"refresh": "true"}),
        await client.get(f"{mount}/comfyui/servers/{sid}/workflows"),
        await client.put(f"{mount}/comfyui/servers/{sid}", json={"api_key": SECRET + "x", "name": "n"}),
        await client.post(f"{mount}/comfyui/servers", json={"name": "d", "url": fake.url, "api_key": SECRET}),
        await client.post(f"{mount}/comfyui/servers", json={"url": fake.url, "api_key": SECRET}),
        await client.delete(f"{mount}/comfyui/servers/{sid}"),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 200, 409, 422, 200]
    for r in responses:
        assert SECRET not in r.text, r.request.url
    assert fake.requests
    assert all(r.headers.get("authorization", "").startswith("Bearer ") for r in fake.requests)
    for record in caplog.records:
        assert SECRET not in record.getMessage() + repr(record.__dict__), record.name
