"""The model library routes (REST contract 1.14, section 5 row 61) over the real gateway and comfyui service,
against the fake ComfyUI and a fake CivitAI, on both mounts."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest

from tests.fakes.civitai import FakeCivitai, FakeFile, FakeModel, FakeVersion
from tests.fakes.comfyui import FakeComfyUI

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
MODEL_KEYS = {"id", "name", "display_name", "type", "model_type", "filename", "filepath", "hash", "server_source",
              "server_name", "civitai_info", "configuration_presets", "metadata", "is_active", "created_at",
              "updated_at", "last_synced_at"}
CIVITAI_KEYS = {"civitai_model_id", "civitai_version_id", "name", "version_name", "base_model", "trained_words",
                "thumbnail_url", "page_url", "synced_at"}
MODELS = {"checkpoints": ["ponyDiffusionV6XL.safetensors", "sd15/dreamshaper_8.safetensors"],
          "loras": ["detail-tweaker.safetensors"], "vae": [], "text_encoders": [], "diffusion_models": [],
          "upscale_models": []}
SHA = "d" * 64


@pytest.fixture
async def civitai() -> AsyncIterator[FakeCivitai]:
    async with FakeCivitai() as fake:
        fake.add_model(FakeModel(257749, "Pony Diffusion V6 XL", "Checkpoint", 500_000, [
            FakeVersion(290640, "V6 (start with this one)", "Pony", ["score_9"],
                        [FakeFile("ponyDiffusionV6XL_v6StartWithThisOne.safetensors", SHA)],
                        ["https://img.example/pony.jpeg"])]))
        fake.add_model(FakeModel(58390, "Detail Tweaker LoRA", "LORA", 9000, [
            FakeVersion(62833, "v1.0", "SD 1.5", [], [FakeFile("detail-tweaker.safetensors", "e" * 64)])]))
        yield fake


@pytest.fixture
def service_overrides(civitai: FakeCivitai) -> dict:
    return {"comfyui": {"health_interval_s": 0.05, "health_max_backoff_s": 0.2, "probe_timeout_s": 2.0,
                        "civitai_base_url": civitai.url, "civitai_timeout_s": 2.0}}


@pytest.fixture
async def fake() -> AsyncIterator[FakeComfyUI]:
    async with FakeComfyUI(models=MODELS) as server:
        server.set_model_metadata("checkpoints", "ponyDiffusionV6XL.safetensors", {"sshs_model_hash": SHA})
        yield server


def error_code(body: dict) -> str:
    """Both error shapes: `{"detail": {"error_code": ...}}` and the top-level `error_code`."""
    detail = body.get("detail")
    return detail["error_code"] if isinstance(detail, dict) else body["error_code"]


def error_details(body: dict) -> dict:
    detail = body.get("detail")
    return detail["details"] if isinstance(detail, dict) else body["details"]


async def online_server(client, stack, mount: str, url: str, name: str = "gpu-1") -> dict:
    """Registers a server through REST and waits until its first catalog refresh has reached the library."""
    r = await client.post(f"{mount}/comfyui/servers", json={"name": name, "url": url})
    assert r.status_code == 200, r.text
    server = r.json()
    deps = stack.services["comfyui"].deps
    await asyncio.wait_for(deps.monitor.wait_until(lambda: deps.library_sync.runs(server["id"]) >= 1), 10)
    return server


async def models_by_name(client, mount: str, **params) -> dict[str, dict]:
    r = await client.get(f"{mount}/models", params=params)
    assert r.status_code == 200, r.text
    return {m["name"]: m for m in r.json()}


async def test_model_browser_reads_active_models_with_every_field(client, stack, mount, fake):
    server = await online_server(client, stack, mount, fake.url)
    r = await client.get(f"{mount}/models", params={"is_active": "true"})
    assert r.status_code == 200 and r.headers["X-Total-Count"] == "3"
    models = r.json()
    assert [m["name"] for m in models] == ["detail-tweaker.safetensors", "ponyDiffusionV6XL.safetensors",
                                           "sd15/dreamshaper_8.safetensors"]
    assert all(set(m) == MODEL_KEYS for m in models)
    pony = models[1]
    assert (pony["type"], pony["model_type"], pony["server_source"], pony["server_name"], pony["is_active"]) == (
        "checkpoint", "pony", server["id"], "gpu-1", True)
    assert (pony["filename"], pony["filepath"], pony["hash"], pony["display_name"]) == (
        "ponyDiffusionV6XL.safetensors", "checkpoints/ponyDiffusionV6XL.safetensors", SHA, "ponyDiffusionV6XL")
    assert pony["civitai_info"] is None and pony["configuration_presets"] == [] and pony["metadata"] == {}
    assert all(TIMESTAMP.match(pony[k]) for k in ("created_at", "updated_at", "last_synced_at"))
    assert models[0]["model_type"] is None and models[0]["type"] == "lora"

    loras = (await client.get(f"{mount}/models", params={"type": "lora", "server_source": server["id"]})).json()
    assert [m["name"] for m in loras] == ["detail-tweaker.safetensors"]
    assert (await client.get(f"{mount}/models", params={"search": "DREAM"})).json()[0]["filename"] == \
        "dreamshaper_8.safetensors"
    page = await client.get(f"{mount}/models", params={"limit": 1, "offset": 1})
    assert [m["name"] for m in page.json()] == ["ponyDiffusionV6XL.safetensors"]
    assert 'rel="next"' in page.headers["Link"] and "offset=2" in page.headers["Link"]
    r = await client.get(f"{mount}/models", params={"type": "embedding"})
    assert r.status_code == 400 and error_code(r.json()) == "INVALID_PARAMETER"
    assert isinstance(r.json()["detail"] if isinstance(r.json()["detail"], str) else r.json()["detail"]["error"],
                      str)

    one = await client.get(f"{mount}/models/{pony['id']}")
    assert one.status_code == 200 and one.json() == pony


async def test_the_older_models_routes_are_not_shadowed(client, mount):
    assert "sdxl" in (await client.get(f"{mount}/models/types")).json()["supported_models"]
    r = await client.get(f"{mount}/models/defaults/ponyDiffusionV6XL.safetensors")
    assert r.json()["detected_type"] == "pony"
    assert (await client.get(f"{mount}/models/presets/flux1-dev.safetensors")).json()["model_type"] == "flux_dev"
    assert (await client.get(f"{mount}/models/parameters/x.safetensors")).json()["preset"] == "fast"
    r = await client.get(f"{mount}/models/no-such-model")
    assert r.status_code == 404 and error_code(r.json()) == "RESOURCE_NOT_FOUND"
    assert error_details(r.json()) == {"resource_type": "Model", "resource_id": "no-such-model"}


async def test_partial_edits_and_delete_then_the_record_returns_at_sync(client, stack, mount, fake):
    server = await online_server(client, stack, mount, fake.url)
    lora = (await models_by_name(client, mount))["detail-tweaker.safetensors"]
    url = f"{mount}/models/{lora['id']}"

    r = await client.put(url, json={"display_name": "Detail+", "metadata": {"strength": 0.7, "tags": ["faces"]}})
    assert r.status_code == 200 and r.json()["display_name"] == "Detail+"
    assert r.json()["metadata"] == {"strength": 0.7, "tags": ["faces"]}
    r = await client.put(url, json={"display_name": None, "civitai_info": {"civitai_model_id": 58390,
                                                                          "name": "Detail Tweaker", "x": 1}})
    body = r.json()
    assert r.status_code == 200 and body["display_name"] == "Detail+"  # null leaves it unchanged
    assert set(body["civitai_info"]) == CIVITAI_KEYS
    assert (body["civitai_info"]["civitai_model_id"], body["civitai_info"]["name"],
            body["civitai_info"]["synced_at"]) == (58390, "Detail Tweaker", None)
    assert (await client.put(url, json={"civitai_info": {}})).json()["civitai_info"] is None
    r = await client.put(url, json={"is_active": False})
    assert r.json()["is_active"] is False
    assert "detail-tweaker.safetensors" not in await models_by_name(client, mount, is_active="true")

    for bad, status in (({}, 400), ({"display_name": None}, 400), ({"display_name": ""}, 422),
                        ({"metadata": "x"}, 422), ({"civitai_info": {"civitai_model_id": -1}}, 422)):
        r = await client.put(url, json=bad)
        assert r.status_code == status, (bad, r.text)
    r = await client.put(f"{mount}/models/missing", json={"is_active": True})
    assert r.status_code == 404 and error_code(r.json()) == "RESOURCE_NOT_FOUND"

    r = await client.delete(url)
    assert r.status_code == 200 and r.json() == {"message": "Model deleted successfully"}
    assert (await client.get(url)).status_code == 404
    assert (await client.delete(url)).status_code == 404
    r = await client.post(f"{mount}/servers/{server['id']}/sync-models")
    assert r.status_code == 200
    assert r.json() == {"message": "Models synced", "server_id": server["id"], "added": 1, "updated": 0,
                        "deactivated": 0, "total": 3}
    back = (await client.get(url)).json()
    assert back["is_active"] is True and back["display_name"] == "detail-tweaker"  # a fresh record


async def test_sync_models_follows_the_server_and_says_why_it_cannot(client, stack, mount, fake):
    server = await online_server(client, stack, mount, fake.url)
    fake.add_models("loras", ["new.safetensors"])
    fake.remove_models("checkpoints", ["sd15/dreamshaper_8.safetensors"])
    r = await client.post(f"{mount}/servers/{server['id']}/sync-models")
    assert (r.status_code, r.json()["added"], r.json()["deactivated"], r.json()["total"]) == (200, 1, 1, 3)
    assert (await models_by_name(client, mount))["sd15/dreamshaper_8.safetensors"]["is_active"] is False

    r = await client.post(f"{mount}/servers/nope/sync-models")
    assert r.status_code == 404 and error_details(r.json())["resource_type"] == "ComfyUI Server"
    await fake.go_offline()
    r = await client.post(f"{mount}/servers/{server['id']}/sync-models")
    assert r.status_code == 503 and error_code(r.json()) == "SERVICE_UNAVAILABLE"
    detail = r.json()["detail"]
    assert (detail if isinstance(detail, str) else detail["error"]) == "Server is offline"


async def test_active_models_and_backends(client, stack, mount, fake):
    async with FakeComfyUI(models={"checkpoints": ["ponyDiffusionV6XL.safetensors"], "loras": []}) as second:
        one = await online_server(client, stack, mount, fake.url, name="alpha")
        two = await online_server(client, stack, mount, second.url, name="beta")
        r = await client.get(f"{mount}/active-models")
        assert r.status_code == 200
        active = {m["name"]: m for m in r.json()}
        assert set(active["ponyDiffusionV6XL.safetensors"]) == {"name", "type", "model_type", "servers"}
        assert active["ponyDiffusionV6XL.safetensors"]["servers"] == [
            {"server_id": one["id"], "server_name": "alpha", "is_online": True},
            {"server_id": two["id"], "server_name": "beta", "is_online": True}]
        assert active["ponyDiffusionV6XL.safetensors"]["model_type"] == "pony"
        loras = (await client.get(f"{mount}/active-models", params={"type": "lora"})).json()
        assert [m["name"] for m in loras] == ["detail-tweaker.safetensors"]
        assert (await client.get(f"{mount}/active-models", params={"type": "x"})).status_code == 400

        backends = (await client.get(f"{mount}/backends")).json()
        assert backends == [
            {"id": one["id"], "name": "alpha", "url": fake.url, "server_type": "standard", "is_online": True,
             "model_count": 2, "lora_count": 1},
            {"id": two["id"], "name": "beta", "url": second.url, "server_type": "standard", "is_online": True,
             "model_count": 1, "lora_count": 0}]
        r = await client.get(f"{mount}/backends/{two['id']}/models")
        assert [(m["name"], m["server_source"]) for m in r.json()] == [("ponyDiffusionV6XL.safetensors", two["id"])]
        assert (await client.get(f"{mount}/backends/{one['id']}/models", params={"type": "lora"})).json()[0][
            "name"] == "detail-tweaker.safetensors"
        r = await client.get(f"{mount}/backends/nope/models")
        assert r.status_code == 404 and error_details(r.json())["resource_type"] == "ComfyUI Server"


async def test_civitai_sync_search_and_link(client, stack, mount, fake, civitai):
    server = await online_server(client, stack, mount, fake.url)
    models = await models_by_name(client, mount)
    pony, lora = models["ponyDiffusionV6XL.safetensors"], models["detail-tweaker.safetensors"]

    r = await client.post(f"{mount}/models/{pony['id']}/sync-civitai")
    assert r.status_code == 200, r.text
    info = r.json()["civitai_info"]
    assert set(info) == CIVITAI_KEYS
    assert (info["civitai_model_id"], info["civitai_version_id"], info["base_model"], info["trained_words"]) == (
        257749, 290640, "Pony", ["score_9"])
    assert info["page_url"] == f"{civitai.url}/models/257749?modelVersionId=290640"
    assert TIMESTAMP.match(info["synced_at"])
    assert (await client.get(f"{mount}/models/{pony['id']}")).json()["civitai_info"] == info

    r = await client.post(f"{mount}/models/{lora['id']}/sync-civitai")  # no hash: by its exact file name
    assert r.status_code == 200 and r.json()["civitai_info"]["civitai_version_id"] == 62833

    r = await client.post(f"{mount}/models/{lora['id']}/search-civitai")
    assert r.status_code == 200
    assert r.json() == {"results": [{
        "civitai_model_id": 58390, "civitai_version_id": 62833, "name": "Detail Tweaker LoRA",
        "version_name": "v1.0", "type": "LORA", "base_model": "SD 1.5", "download_count": 9000,
        "thumbnail_url": None}]}
    r = await client.post(f"{mount}/models/{pony['id']}/search-civitai", json={"query": "pony", "limit": 2})
    assert [x["civitai_model_id"] for x in r.json()["results"]] == [257749]
    assert (await client.post(f"{mount}/models/{pony['id']}/search-civitai", json={"limit": 21})).status_code == 422

    dream = models["sd15/dreamshaper_8.safetensors"]
    r = await client.post(f"{mount}/models/{dream['id']}/sync-civitai")
    assert r.status_code == 404 and error_details(r.json())["civitai"] == "not found"
    r = await client.post(f"{mount}/models/{dream['id']}/link-civitai", json={"civitai_model_id": "257749"})
    assert r.status_code == 200 and r.json()["civitai_info"]["civitai_version_id"] == 290640
    r = await client.post(f"{mount}/models/{dream['id']}/link-civitai", json={"civitai_model_id": 1})
    assert r.status_code == 404 and error_details(r.json())["civitai"] == "not found"
    assert (await client.post(f"{mount}/models/{dream['id']}/link-civitai", json={})).status_code == 422
    assert (await client.post(f"{mount}/models/nope/sync-civitai")).status_code == 404

    fake.add_models("checkpoints", ["fresh.safetensors"])  # a record CivitAI was never asked about
    await client.post(f"{mount}/servers/{server['id']}/sync-models")
    fresh = (await models_by_name(client, mount))["fresh.safetensors"]
    await civitai.go_offline()
    for path, body in (("sync-civitai", None), ("search-civitai", {"query": "other"}),
                       ("link-civitai", {"civitai_model_id": 4242})):
        r = await client.post(f"{mount}/models/{fresh['id']}/{path}", json=body)
        assert r.status_code == 503 and error_code(r.json()) == "SERVICE_UNAVAILABLE", r.text
        assert error_details(r.json()) == {"service": "civitai"}
    assert (await client.get(f"{mount}/models")).status_code == 200  # the library itself is unaffected
