"""Live status against the fake ComfyUI: the background monitor, the /info cache, offline detection."""

from __future__ import annotations

import asyncio

import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.comfyui.v1 import comfyui_service_pb2 as api

from tests.comfyui.conftest import (
    CONDITION_TIMEOUT_S,
    FAST_PROBES,
    register,
    register_online,
    service_with_online_server,
    wait_for_status,
)
from tests.fakes.comfyui import FakeComfyUI


async def info(stub, server_id: str, refresh: bool = False) -> api.ServerInfo:
    reply = await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server_id, refresh=refresh))
    return reply.server_info


async def test_monitor_reports_online_with_vram_latency_and_queue_depth(comfyui, stub, fake):
    fake.set_system_stats(vram_total=8_000_000_000, vram_free=3_000_000_000, device_name="cuda:0 Test GPU")
    server = await register_online(comfyui, stub, fake.url)
    result = await info(stub, server.id)
    assert result.is_online is True
    assert not result.HasField("status_error")
    assert result.status_checked_at.seconds > 0
    assert result.latency_ms >= 0 and result.HasField("latency_ms")
    assert result.queue_remaining == 0 and result.HasField("queue_remaining")
    assert result.system.comfyui_version == "0.3.64"
    [device] = result.system.devices
    assert (device.name, device.type, device.index) == ("cuda:0 Test GPU", "cuda", 0)
    assert (device.vram_total_bytes, device.vram_free_bytes) == (8_000_000_000, 3_000_000_000)


@pytest.mark.parametrize(("mode", "error"), [("refuse", "Connection"), ("503", "HTTP 503")])
async def test_server_that_stops_answering_is_marked_offline_then_online_again(comfyui, stub, fake, mode,
                                                                               error):
    server = await register_online(comfyui, stub, fake.url)
    await fake.go_offline(mode)
    await wait_for_status(comfyui, server.id, online=False)
    offline = await info(stub, server.id)
    assert offline.is_online is False
    assert error in offline.status_error
    await fake.go_online()
    await wait_for_status(comfyui, server.id, online=True)


async def test_server_that_hangs_is_marked_offline_after_the_probe_timeout(data_dir, fake):
    hang_quickly = {**FAST_PROBES, "probe_timeout_s": 0.2}
    async with service_with_online_server(data_dir, fake.url, **hang_quickly) as (comfyui, stub, server):
        await fake.go_offline("hang")
        await wait_for_status(comfyui, server.id, online=False)
        assert "No answer within 0.2 s" in (await info(stub, server.id)).status_error
        await fake.go_online()


async def test_info_answers_from_the_cache_and_refresh_forces_a_probe(data_dir, fake):
    slow = {"health_interval_s": 600.0, "info_max_age_s": 600.0}
    async with service_with_online_server(data_dir, fake.url, **slow) as (_, stub, server):
        fake.clear_requests()
        await info(stub, server.id)
        assert fake.requests == []
        await info(stub, server.id, refresh=True)
        paths = {r.path for r in fake.requests}
        assert {"/system_stats", "/object_info", "/models/checkpoints"} <= paths


async def test_stale_cache_is_probed_live(data_dir, fake):
    stale = {"health_interval_s": 600.0, "info_max_age_s": 0.0}
    async with service_with_online_server(data_dir, fake.url, **stale) as (_, stub, server):
        await fake.go_offline("refuse")
        assert (await info(stub, server.id)).is_online is False  # no waiting for the next round


async def test_offline_server_never_fails_info_and_keeps_its_last_known_catalog(comfyui, stub, fake):
    server = await register_online(comfyui, stub, fake.url)
    assert (await info(stub, server.id, refresh=True)).models
    await fake.go_offline("refuse")
    result = await info(stub, server.id, refresh=True)
    assert result.is_online is False
    assert [m.name for m in result.models] == ["fake-sd15.safetensors", "fake-sdxl.safetensors"]


async def test_a_server_never_reachable_has_empty_lists_and_no_system(stub):
    server = await register(stub, "http://127.0.0.1:9")  # discard port: nothing listens
    result = await info(stub, server.id)
    assert result.is_online is False
    assert result.status_error
    assert list(result.models) == [] and list(result.node_classes) == []
    assert not result.HasField("system")


async def test_inactive_servers_are_not_probed_in_the_background(comfyui, stub, fake):
    async with FakeComfyUI() as other:
        inactive = await register(stub, other.url, name="parked", is_active=False)
        active = await register(stub, fake.url)
        rounds = 0

        def three_rounds() -> bool:
            nonlocal rounds
            rounds += 1
            return rounds > 3 and comfyui.deps.monitor.status(active.id) is not None

        await asyncio.wait_for(comfyui.deps.monitor.wait_until(three_rounds), CONDITION_TIMEOUT_S)
        assert other.requests == []
        assert comfyui.deps.monitor.status(inactive.id) is None
        statuses = await stub.ListServerStatuses(api.ListServerStatusesRequest())
        by_id = {s.server.id: s for s in statuses.server_statuses}
        assert by_id[inactive.id].is_online is False and not by_id[inactive.id].HasField("status_checked_at")
        assert by_id[active.id].is_online is True


async def test_list_server_statuses_reads_the_cache_and_reports_catalog_time(comfyui, stub, fake):
    server = await register(stub, fake.url)
    await info(stub, server.id, refresh=True)  # the catalog is read by now
    active = await stub.ListServerStatuses(api.ListServerStatusesRequest(is_active=True))
    [status] = active.server_statuses
    assert status.server.id == server.id and status.is_online
    assert status.catalog_update_time.seconds > 0
    assert status.queue_remaining == 0
    inactive = await stub.ListServerStatuses(api.ListServerStatusesRequest(is_active=False))
    assert list(inactive.server_statuses) == []


async def test_changing_the_url_drops_the_old_status(comfyui, stub, fake):
    server = await register_online(comfyui, stub, fake.url)
    await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=server.id, url="http://127.0.0.1:9"),
                                                    update_mask=FieldMask(paths=["url"])))
    await wait_for_status(comfyui, server.id, online=False)
