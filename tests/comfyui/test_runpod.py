"""RunPod serverless servers: endpoint id, health with the bearer key, and the configured catalog."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1.comfyui_service_pb2_grpc import ComfyUIServiceStub

from tests.comfyui.conftest import FAST_PROBES, register, wait_for_status
from tests.comfyui.fake_runpod import FakeRunPod
from tests.conftest import RunningService, channel_to, run_service

KEY = "rp-key-51b8e0"
CATALOGS = {"ep-video": {"diffusion_models": ["wan2.2_t2v.safetensors"], "loras": ["motion.safetensors"]},
            "*": {"checkpoints": ["sd_xl_base_1.0.safetensors"]}}


@pytest.fixture
async def runpod() -> AsyncIterator[FakeRunPod]:
    async with FakeRunPod(api_key=KEY, endpoints={"ep-video", "ep-image"}) as fake:
        yield fake


@pytest.fixture
async def service(data_dir, runpod) -> AsyncIterator[tuple[RunningService, ComfyUIServiceStub]]:
    async with run_service("comfyui", data_dir, runpod_api_base=runpod.api_base, runpod_catalogs=CATALOGS,
                           **FAST_PROBES) as comfyui, channel_to(comfyui.address) as channel:
        yield comfyui, ComfyUIServiceStub(channel)


async def test_runpod_health_uses_the_endpoint_and_bearer_key(service, runpod):
    comfyui, stub = service
    runpod.in_queue, runpod.in_progress = 2, 1
    server = await register(stub, "https://api.runpod.ai/v2/ep-video", api_key=KEY)
    await wait_for_status(comfyui, server.id, online=True)
    info = (await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server.id, refresh=True))).server_info
    assert info.server.server_type == api.SERVER_TYPE_RUNPOD and info.server.endpoint_id == "ep-video"
    assert info.queue_remaining == 3
    assert set(runpod.authorizations) == {f"Bearer {KEY}"}
    assert list(info.diffusion_models) == ["wan2.2_t2v.safetensors"]
    assert [lora.name for lora in info.loras] == ["motion.safetensors"]
    assert list(info.models) == [] and list(info.node_classes) == []


async def test_runpod_endpoint_without_its_own_catalog_gets_the_default_one(service, runpod):
    comfyui, stub = service
    server = await register(stub, "https://api.runpod.ai/v2/ep-image", api_key=KEY)
    info = (await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server.id, refresh=True))).server_info
    assert info.is_online
    assert [(m.name, m.model_type) for m in info.models] == [("sd_xl_base_1.0.safetensors", "sdxl")]


async def test_runpod_with_a_wrong_key_or_unknown_endpoint_is_offline(service):
    comfyui, stub = service
    wrong_key = await register(stub, "https://api.runpod.ai/v2/ep-video", api_key="nope")
    unknown = await register(stub, "https://api.runpod.ai/v2/ep-gone", api_key=KEY)
    await wait_for_status(comfyui, wrong_key.id, online=False)
    await wait_for_status(comfyui, unknown.id, online=False)
    assert comfyui.deps.monitor.status(wrong_key.id).error == "HTTP 401: the API key was refused"
    assert comfyui.deps.monitor.status(unknown.id).error == "HTTP 404"


async def test_default_runpod_catalog_is_the_contract_list(data_dir, runpod):
    async with run_service("comfyui", data_dir, runpod_api_base=runpod.api_base) as comfyui, \
            channel_to(comfyui.address) as channel:
        stub = ComfyUIServiceStub(channel)
        server = await register(stub, "https://api.runpod.ai/v2/ep-image", api_key=KEY)
        request = api.GetServerInfoRequest(server_id=server.id, refresh=True)
        info = (await stub.GetServerInfo(request)).server_info
    assert [m.name for m in info.models] == ["realisticVisionV60B1_v60B1VAE.safetensors",
                                             "sd_xl_base_1.0.safetensors", "sd_xl_refiner_1.0.safetensors",
                                             "v1-5-pruned-emaonly.ckpt"]
    assert [lora.name for lora in info.loras] == ["lcm-lora-sdxl.safetensors",
                                                  "pytorch_lora_weights.safetensors"]
