"""The model library over real in-process gRPC, against the fake ComfyUI (REST contract 1.14)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1 import model_library_pb2 as lib
from storyboard.comfyui.v1.comfyui_service_pb2_grpc import ComfyUIServiceStub
from storyboard_common.rpc.status import error_info

from tests.comfyui.conftest import CONDITION_TIMEOUT_S, FAST_PROBES, register, wait_for_status
from tests.conftest import RunningService, channel_to, rpc_error, run_service
from tests.fakes.comfyui import FakeComfyUI

MODELS = {"checkpoints": ["sdxl/juggernautXL.safetensors", "v1-5-pruned-emaonly.ckpt"],
          "loras": ["style.safetensors"], "vae": ["sdxl_vae.safetensors"],
          "diffusion_models": ["flux1-dev.safetensors"], "text_encoders": ["t5xxl.safetensors"],
          "upscale_models": ["4x-ultrasharp.pth"]}
SHA = "ab" * 32


@pytest.fixture
async def comfyui(data_dir: Path) -> AsyncIterator[RunningService]:
    async with run_service("comfyui", data_dir, **FAST_PROBES, civitai_enabled=False) as service:
        yield service


@pytest.fixture
async def stub(comfyui: RunningService) -> AsyncIterator[ComfyUIServiceStub]:
    async with channel_to(comfyui.address) as channel:
        yield ComfyUIServiceStub(channel)


@pytest.fixture
async def fake() -> AsyncIterator[FakeComfyUI]:
    async with FakeComfyUI(models=MODELS) as server:
        server.set_model_metadata("checkpoints", "sdxl/juggernautXL.safetensors",
                                  {"modelspec.hash_sha256": "0x" + SHA.upper(), "modelspec.title": "Juggernaut"})
        yield server


async def wait_for_library(service: RunningService, server_id: str, runs: int = 1) -> None:
    """Until the background refresh has reconciled the library `runs` times for the server."""
    sync, monitor = service.deps.library_sync, service.deps.monitor
    await asyncio.wait_for(monitor.wait_until(lambda: sync.runs(server_id) >= runs), CONDITION_TIMEOUT_S)


async def online_server(service: RunningService, stub: ComfyUIServiceStub, url: str, name: str = "gpu-1"):
    server = await register(stub, url, name=name)
    await wait_for_status(service, server.id, online=True)
    await wait_for_library(service, server.id)
    return server


async def models_of(stub: ComfyUIServiceStub, **filters) -> list[lib.Model]:
    return list((await stub.ListModels(api.ListModelsRequest(**filters))).models)


def by_name(models: list[lib.Model]) -> dict[str, lib.Model]:
    return {m.name: m for m in models}


def reason(error: grpc.aio.AioRpcError) -> tuple[str, dict[str, str]]:
    info = error_info(error.trailing_metadata())
    return info.reason, dict(info.metadata)


async def test_an_online_server_gets_one_record_per_file_without_being_asked(comfyui, stub, fake):
    server = await online_server(comfyui, stub, fake.url)
    models = by_name(await models_of(stub))
    assert set(models) == {n for names in MODELS.values() for n in names}
    jugg = models["sdxl/juggernautXL.safetensors"]
    assert (jugg.type, jugg.model_type, jugg.filename, jugg.filepath) == (
        lib.MODEL_FILE_TYPE_CHECKPOINT, "sdxl", "juggernautXL.safetensors", "checkpoints/sdxl/juggernautXL.safetensors")
    assert (jugg.display_name, jugg.server_id, jugg.server_name, jugg.is_active) == (
        "juggernautXL", server.id, "gpu-1", True)
    assert jugg.hash == SHA  # from /view_metadata, normalised
    sd15 = models["v1-5-pruned-emaonly.ckpt"]
    assert sd15.model_type == "sd15" and not sd15.HasField("hash")  # not a safetensors file: never asked
    assert not models["style.safetensors"].HasField("hash")  # no metadata on the server: unknown
    assert models["flux1-dev.safetensors"].model_type == "flux_dev"
    assert not models["style.safetensors"].HasField("model_type")
    assert models["sdxl_vae.safetensors"].filepath == "vae/sdxl_vae.safetensors"
    assert models["4x-ultrasharp.pth"].type == lib.MODEL_FILE_TYPE_UPSCALE_MODEL
    assert not jugg.HasField("civitai_info") and dict(jugg.metadata) == {}
    assert jugg.create_time.seconds > 0 and jugg.last_sync_time.seconds > 0
    # the id is stable: a function of server, folder and file only
    assert uuid.UUID(jugg.id).version == 5


async def test_records_follow_catalog_refreshes_and_keep_their_ids(comfyui, stub, fake):
    server = await online_server(comfyui, stub, fake.url)
    before = by_name(await models_of(stub))
    fake.add_models("checkpoints", ["new-model.safetensors"])
    fake.remove_models("loras", ["style.safetensors"])
    await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server.id, refresh=True))  # a catalog refresh
    after = by_name(await models_of(stub))
    assert after["new-model.safetensors"].is_active
    assert after["style.safetensors"].is_active is False
    assert after["style.safetensors"].id == before["style.safetensors"].id
    assert [m.name for m in await models_of(stub, is_active=False)] == ["style.safetensors"]

    fake.add_models("loras", ["style.safetensors"])
    result = await stub.SyncServerModels(api.SyncServerModelsRequest(server_id=server.id))
    assert (result.added, result.updated, result.deactivated, result.total) == (0, 1, 0, 8)
    back = by_name(await models_of(stub))["style.safetensors"]
    assert back.is_active and back.id == before["style.safetensors"].id


async def test_sync_models_reports_what_it_changed(comfyui, stub, fake):
    server = await online_server(comfyui, stub, fake.url)
    fake.add_models("loras", ["a.safetensors", "b.safetensors"])
    fake.remove_models("upscale_models", ["4x-ultrasharp.pth"])
    result = await stub.SyncServerModels(api.SyncServerModelsRequest(server_id=server.id))
    assert (result.added, result.updated, result.deactivated, result.total) == (2, 0, 1, 8)
    again = await stub.SyncServerModels(api.SyncServerModelsRequest(server_id=server.id))
    assert (again.added, again.updated, again.deactivated, again.total) == (0, 0, 0, 8)


async def test_sync_models_of_an_unknown_or_offline_server(comfyui, stub, fake):
    error = await rpc_error(stub.SyncServerModels(api.SyncServerModelsRequest(server_id="nope")))
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert reason(error) == ("RESOURCE_NOT_FOUND", {"resource_type": "ComfyUI Server", "resource_id": "nope"})
    server = await online_server(comfyui, stub, fake.url)
    await fake.go_offline()
    error = await rpc_error(stub.SyncServerModels(api.SyncServerModelsRequest(server_id=server.id)))
    assert error.code() == grpc.StatusCode.UNAVAILABLE and error.details() == "Server is offline"
    assert reason(error)[0] == "SERVICE_UNAVAILABLE"
    assert all(m.is_active for m in await models_of(stub))  # an outage is not a deletion


async def test_a_deleted_server_leaves_inactive_records_with_its_last_name(comfyui, stub, fake):
    server = await online_server(comfyui, stub, fake.url, name="old box")
    await stub.DeleteServer(api.DeleteServerRequest(server_id=server.id))
    models = await models_of(stub)
    assert models and not any(m.is_active for m in models)
    assert {m.server_name for m in models} == {"old box"}
    assert await models_of(stub, is_active=True) == []


async def test_filters_search_and_paging(comfyui, stub, fake):
    server = await online_server(comfyui, stub, fake.url)
    assert [m.name for m in await models_of(stub, type=lib.MODEL_FILE_TYPE_CHECKPOINT)] == [
        "sdxl/juggernautXL.safetensors", "v1-5-pruned-emaonly.ckpt"]
    assert [m.name for m in await models_of(stub, search="XL")] == [
        "sdxl/juggernautXL.safetensors", "sdxl_vae.safetensors", "t5xxl.safetensors"]
    assert [m.name for m in await models_of(stub, search="jugger", type=lib.MODEL_FILE_TYPE_LORA)] == []
    assert len(await models_of(stub, server_id=server.id)) == 7
    assert await models_of(stub, server_id="another") == []
    page = await stub.ListModels(api.ListModelsRequest(page_size=3, offset=2))
    everything = [m.name for m in await models_of(stub)]
    assert [m.name for m in page.models] == everything[2:5] and page.total_size == 7
    assert everything == sorted(everything, key=lambda n: (n.lower(), n))
    error = await rpc_error(stub.ListModels(api.ListModelsRequest(page_size=-1)))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_partial_edits_touch_only_the_named_fields(comfyui, stub, fake):
    await online_server(comfyui, stub, fake.url)
    lora = by_name(await models_of(stub))["style.safetensors"]
    model = lib.Model(id=lora.id, display_name="House style", is_active=False)
    model.metadata.update({"rating": 5, "tags": ["ink"]})
    updated = (await stub.UpdateModel(api.UpdateModelRequest(
        model=model, update_mask=FieldMask(paths=["display_name", "metadata", "is_active"])))).model
    assert (updated.display_name, updated.is_active, dict(updated.metadata)["rating"]) == ("House style", False, 5)
    assert updated.name == "style.safetensors"
    assert updated.update_time.ToNanoseconds() >= lora.update_time.ToNanoseconds()

    civitai = lib.CivitaiInfo(civitai_model_id=42, name="Ink", trained_words=["inkstyle"])
    linked = (await stub.UpdateModel(api.UpdateModelRequest(
        model=lib.Model(id=lora.id, civitai_info=civitai), update_mask=FieldMask(paths=["civitai_info"])))).model
    assert linked.civitai_info.civitai_model_id == 42 and list(linked.civitai_info.trained_words) == ["inkstyle"]
    assert linked.display_name == "House style"  # untouched
    cleared = (await stub.UpdateModel(api.UpdateModelRequest(
        model=lib.Model(id=lora.id), update_mask=FieldMask(paths=["civitai_info"])))).model
    assert not cleared.HasField("civitai_info")

    # a disabled record stays disabled through syncs; enabling it again makes it active
    result = await stub.SyncServerModels(api.SyncServerModelsRequest(server_id=lora.server_id))
    assert result.updated == 0 and not (await stub.GetModel(api.GetModelRequest(model_id=lora.id))).model.is_active
    enabled = (await stub.UpdateModel(api.UpdateModelRequest(
        model=lib.Model(id=lora.id, is_active=True), update_mask=FieldMask(paths=["is_active"])))).model
    assert enabled.is_active


async def test_bad_edits_are_refused(comfyui, stub, fake):
    await online_server(comfyui, stub, fake.url)
    some = (await models_of(stub))[0]
    for paths, model in ((["name"], lib.Model(id=some.id, name="x")), ([], lib.Model(id=some.id)),
                         (["display_name"], lib.Model(id=some.id, display_name=" "))):
        error = await rpc_error(stub.UpdateModel(api.UpdateModelRequest(model=model,
                                                                        update_mask=FieldMask(paths=paths))))
        assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    error = await rpc_error(stub.UpdateModel(api.UpdateModelRequest(
        model=lib.Model(id="missing", is_active=True), update_mask=FieldMask(paths=["is_active"]))))
    assert reason(error) == ("RESOURCE_NOT_FOUND", {"resource_type": "Model", "resource_id": "missing"})


async def test_a_deleted_record_comes_back_at_the_next_sync_while_the_file_is_there(comfyui, stub, fake):
    server = await online_server(comfyui, stub, fake.url)
    jugg = by_name(await models_of(stub))["sdxl/juggernautXL.safetensors"]
    await stub.DeleteModel(api.DeleteModelRequest(model_id=jugg.id))
    error = await rpc_error(stub.GetModel(api.GetModelRequest(model_id=jugg.id)))
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert (await rpc_error(stub.DeleteModel(api.DeleteModelRequest(model_id=jugg.id)))).code() == \
        grpc.StatusCode.NOT_FOUND
    result = await stub.SyncServerModels(api.SyncServerModelsRequest(server_id=server.id))
    assert result.added == 1
    back = (await stub.GetModel(api.GetModelRequest(model_id=jugg.id))).model
    assert back.is_active and back.hash == SHA


async def test_active_models_and_backends_span_servers(comfyui, stub, fake):
    async with FakeComfyUI(models={"checkpoints": ["sdxl/juggernautXL.safetensors", "solo.safetensors"],
                                   "loras": []}) as second:
        one = await online_server(comfyui, stub, fake.url, name="b-box")
        two = await online_server(comfyui, stub, second.url, name="a-box")
        active = {(m.name, m.type): m for m in
                  (await stub.ListActiveModels(api.ListActiveModelsRequest())).active_models}
        shared = active[("sdxl/juggernautXL.safetensors", lib.MODEL_FILE_TYPE_CHECKPOINT)]
        assert [(s.server_name, s.is_online) for s in shared.servers] == [("a-box", True), ("b-box", True)]
        assert shared.model_type == "sdxl"
        loras = (await stub.ListActiveModels(api.ListActiveModelsRequest(type=lib.MODEL_FILE_TYPE_LORA)))
        assert [m.name for m in loras.active_models] == ["style.safetensors"]

        backends = (await stub.ListBackends(api.ListBackendsRequest())).backends
        assert [(b.server.name, b.is_online, b.model_count, b.lora_count) for b in backends] == [
            ("b-box", True, 3, 1), ("a-box", True, 2, 0)]

        # a deactivated server no longer offers its models
        await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=two.id, is_active=False),
                                                        update_mask=FieldMask(paths=["is_active"])))
        active = {m.name: m for m in (await stub.ListActiveModels(api.ListActiveModelsRequest())).active_models}
        assert "solo.safetensors" not in active
        assert [s.server_id for s in active["sdxl/juggernautXL.safetensors"].servers] == [one.id]


async def test_hash_lookups_are_bounded_and_retried_at_the_next_refresh(data_dir, fake):
    fake.add_http_fault(r"/view_metadata/.*", hang=True)
    async with run_service("comfyui", data_dir, **FAST_PROBES, catalog_timeout_s=0.5) as service:
        async with channel_to(service.address) as channel:
            stub = ComfyUIServiceStub(channel)
            server = await online_server(service, stub, fake.url)  # the refresh finished despite the hang
            jugg = by_name(await models_of(stub))["sdxl/juggernautXL.safetensors"]
            assert jugg.is_active and not jugg.HasField("hash")
            fake.clear_http_faults()
            result = await stub.SyncServerModels(api.SyncServerModelsRequest(server_id=server.id))
            assert (result.added, result.updated) == (0, 1)
            assert (await stub.GetModel(api.GetModelRequest(model_id=jugg.id))).model.hash == SHA
