"""CivitAI enrichment of the model library over real in-process gRPC, against a fake CivitAI on 127.0.0.1."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from comfyui_service.config import Settings
from pydantic import ValidationError
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1.comfyui_service_pb2_grpc import ComfyUIServiceStub
from storyboard_common.rpc.status import error_info

from tests.comfyui.conftest import FAST_PROBES, register, wait_for_status
from tests.comfyui.test_model_library import wait_for_library
from tests.conftest import RunningService, channel_to, rpc_error, run_service
from tests.fakes.civitai import FakeCivitai, FakeFile, FakeModel, FakeVersion
from tests.fakes.comfyui import FakeComfyUI

SHA = "c0ffee" + "1" * 58
API_KEY = "civ-secret-7f3a9b"


@pytest.fixture
async def civitai() -> AsyncIterator[FakeCivitai]:
    async with FakeCivitai() as fake:
        fake.add_model(FakeModel(7, "Juggernaut XL", "Checkpoint", 1234, [
            FakeVersion(70, "v10", "SDXL 1.0", ["cinematic"], [FakeFile("juggernautXL_v10.safetensors", SHA)],
                        ["https://img.example/j10.jpeg"]),
            FakeVersion(69, "v9", "SDXL 1.0", [], [FakeFile("juggernautXL_v9.safetensors", "9" * 64)])]))
        fake.add_model(FakeModel(8, "Ink Style", "LORA", 50, [
            FakeVersion(81, "v2", "SDXL 1.0", ["inkstyle"], [FakeFile("ink_style_v2.safetensors", "2" * 64)])]))
        fake.add_model(FakeModel(9, "Ink Style Classic", "LORA", 10, [
            FakeVersion(91, "v1", "SD 1.5", ["ink"], [FakeFile("ink_style.safetensors", "3" * 64)],
                        ["https://img.example/ink.png"])]))
        yield fake


@pytest.fixture
async def comfy() -> AsyncIterator[FakeComfyUI]:
    models = {"checkpoints": ["juggernautXL_v10.safetensors", "private-merge.safetensors"],
              "loras": ["ink_style.safetensors"]}
    async with FakeComfyUI(models=models) as fake:
        fake.set_model_metadata("checkpoints", "juggernautXL_v10.safetensors", {"modelspec.hash_sha256": SHA})
        yield fake


@contextlib.asynccontextmanager
async def library(data_dir: Path, comfy: FakeComfyUI, **settings) -> AsyncIterator[tuple]:
    async with run_service("comfyui", data_dir, **FAST_PROBES, **settings) as service:
        async with channel_to(service.address) as channel:
            stub = ComfyUIServiceStub(channel)
            server = await register(stub, comfy.url)
            await wait_for_status(service, server.id, online=True)
            await wait_for_library(service, server.id)
            models = (await stub.ListModels(api.ListModelsRequest())).models
            yield service, stub, {m.name: m for m in models}


@pytest.fixture
async def running(data_dir, comfy, civitai) -> AsyncIterator[tuple[RunningService, ComfyUIServiceStub, dict]]:
    async with library(data_dir, comfy, civitai_base_url=civitai.url, civitai_api_key=API_KEY,
                       civitai_timeout_s=2.0) as value:
        yield value


def reason(error: grpc.aio.AioRpcError) -> tuple[str, dict[str, str]]:
    info = error_info(error.trailing_metadata())
    return info.reason, dict(info.metadata)


async def test_sync_by_hash_fills_civitai_info(running, civitai):
    _, stub, models = running
    model = (await stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(
        model_id=models["juggernautXL_v10.safetensors"].id))).model
    info = model.civitai_info
    assert (info.civitai_model_id, info.civitai_version_id, info.name, info.version_name, info.base_model) == (
        7, 70, "Juggernaut XL", "v10", "SDXL 1.0")
    assert list(info.trained_words) == ["cinematic"] and info.thumbnail_url == "https://img.example/j10.jpeg"
    assert info.page_url == f"{civitai.url}/models/7?modelVersionId=70" and info.sync_time.seconds > 0
    assert [r.path for r in civitai.requests] == [f"/api/v1/model-versions/by-hash/{SHA}"]
    stored = (await stub.GetModel(api.GetModelRequest(model_id=model.id))).model
    assert stored.civitai_info == info


async def test_sync_by_name_needs_a_file_of_exactly_that_name(running, civitai):
    _, stub, models = running
    model = (await stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(
        model_id=models["ink_style.safetensors"].id))).model
    assert (model.civitai_info.civitai_model_id, model.civitai_info.civitai_version_id) == (9, 91)
    search = civitai.requests[-1]
    assert search.path == "/api/v1/models" and "query=ink_style" in search.query and "types=LORA" in search.query


async def test_a_file_civitai_does_not_know_is_a_typed_not_found(running, civitai):
    _, stub, models = running
    model_id = models["private-merge.safetensors"].id
    error = await rpc_error(stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(model_id=model_id)))
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert reason(error) == ("RESOURCE_NOT_FOUND", {"resource_type": "Model", "resource_id": model_id,
                                                    "civitai": "not found"})
    error = await rpc_error(stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(model_id="nope")))
    assert reason(error) == ("RESOURCE_NOT_FOUND", {"resource_type": "Model", "resource_id": "nope"})


async def test_an_unknown_hash_falls_back_to_the_file_name(running, civitai):
    _, stub, models = running
    civitai.models[7].versions[0].files[0].sha256 = "f" * 64  # CivitAI no longer knows our hash
    model = (await stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(
        model_id=models["juggernautXL_v10.safetensors"].id))).model
    assert model.civitai_info.civitai_version_id == 70
    assert [r.path for r in civitai.requests] == [f"/api/v1/model-versions/by-hash/{SHA}", "/api/v1/models"]


async def test_search_defaults_to_the_file_name_and_honours_the_limit(running, civitai):
    _, stub, models = running
    ink = models["ink_style.safetensors"].id
    results = (await stub.SearchCivitaiModels(api.SearchCivitaiModelsRequest(model_id=ink))).results
    assert "query=ink_style" in civitai.requests[-1].query and "limit=5" in civitai.requests[-1].query
    assert [(r.civitai_model_id, r.civitai_version_id, r.name, r.version_name, r.type, r.base_model,
             r.download_count, r.thumbnail_url) for r in results] == [
        (8, 81, "Ink Style", "v2", "LORA", "SDXL 1.0", 50, ""),
        (9, 91, "Ink Style Classic", "v1", "LORA", "SD 1.5", 10, "https://img.example/ink.png")]
    assert not results[0].HasField("thumbnail_url")
    results = (await stub.SearchCivitaiModels(api.SearchCivitaiModelsRequest(model_id=ink, query="Juggernaut",
                                                                              limit=1))).results
    assert results == []  # the search is for the record's type (LoRAs)
    assert "query=Juggernaut" in civitai.requests[-1].query and "limit=1" in civitai.requests[-1].query
    for limit in (21, -1):
        error = await rpc_error(stub.SearchCivitaiModels(api.SearchCivitaiModelsRequest(model_id=ink, limit=limit)))
        assert error.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_link_takes_the_chosen_or_newest_version(running, civitai):
    _, stub, models = running
    merge = models["private-merge.safetensors"].id
    linked = (await stub.LinkModelToCivitai(api.LinkModelToCivitaiRequest(
        model_id=merge, civitai_model_id=7, civitai_version_id=69))).model
    assert (linked.civitai_info.civitai_version_id, linked.civitai_info.version_name) == (69, "v9")
    newest = (await stub.LinkModelToCivitai(api.LinkModelToCivitaiRequest(model_id=merge, civitai_model_id=7))).model
    assert newest.civitai_info.civitai_version_id == 70
    for request in (api.LinkModelToCivitaiRequest(model_id=merge, civitai_model_id=999),
                    api.LinkModelToCivitaiRequest(model_id=merge, civitai_model_id=7, civitai_version_id=1)):
        error = await rpc_error(stub.LinkModelToCivitai(request))
        assert reason(error)[1].get("civitai") == "not found"
    error = await rpc_error(stub.LinkModelToCivitai(api.LinkModelToCivitaiRequest(model_id=merge)))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_answers_are_cached_and_the_key_travels_only_as_a_bearer_token(running, civitai, caplog):
    caplog.set_level(logging.DEBUG)
    _, stub, models = running
    jugg = models["juggernautXL_v10.safetensors"].id
    for _ in range(3):
        await stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(model_id=jugg))
    assert len(civitai.requests) == 1
    assert civitai.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    assert API_KEY not in civitai.requests[0].query
    assert API_KEY not in caplog.text


@pytest.mark.parametrize("fault", ["500", "429", "401", "offline", "hang"])
async def test_civitai_trouble_is_a_clear_503_and_nothing_else_breaks(data_dir, comfy, civitai, fault):
    async with library(data_dir, comfy, civitai_base_url=civitai.url, civitai_timeout_s=0.5) as (_, stub, models):
        if fault == "offline":
            await civitai.go_offline()
        elif fault == "hang":
            civitai.hang()
        else:
            civitai.fail_with(int(fault))
        jugg = models["juggernautXL_v10.safetensors"].id
        for call in (stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(model_id=jugg)),
                     stub.SearchCivitaiModels(api.SearchCivitaiModelsRequest(model_id=jugg)),
                     stub.LinkModelToCivitai(api.LinkModelToCivitaiRequest(model_id=jugg, civitai_model_id=7))):
            error = await rpc_error(call)
            assert error.code() == grpc.StatusCode.UNAVAILABLE, error.details()
            assert reason(error) == ("SERVICE_UNAVAILABLE", {"service": "civitai"})
            assert "CivitAI" in error.details()
        civitai.clear_faults()
        assert len((await stub.ListModels(api.ListModelsRequest())).models) == 3
        assert not (await stub.GetModel(api.GetModelRequest(model_id=jugg))).model.HasField("civitai_info")


async def test_disabled_civitai_is_a_503_without_a_call(data_dir, comfy, civitai):
    async with library(data_dir, comfy, civitai_base_url=civitai.url, civitai_enabled=False) as (_, stub, models):
        error = await rpc_error(stub.SyncModelWithCivitai(api.SyncModelWithCivitaiRequest(
            model_id=models["ink_style.safetensors"].id)))
        assert error.code() == grpc.StatusCode.UNAVAILABLE and "COMFYUI_CIVITAI_ENABLED" in error.details()
        assert civitai.requests == []


def test_the_base_url_must_be_https_except_on_loopback():
    assert Settings(civitai_base_url="https://civitai.example/").civitai_base_url == "https://civitai.example"
    assert Settings(civitai_base_url="http://127.0.0.1:9000").civitai_base_url == "http://127.0.0.1:9000"
    for url in ("http://civitai.example", "ftp://civitai.example", "civitai.com"):
        with pytest.raises(ValidationError):
            Settings(civitai_base_url=url)

