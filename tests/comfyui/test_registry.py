"""The server registry over gRPC: create, read, list, update, delete, URL rules and errors."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard_common.rpc.status import error_info

from tests.comfyui.conftest import register


def reason(exc: grpc.aio.AioRpcError) -> str:
    info = error_info(exc.trailing_metadata())
    return info.reason if info else ""


async def test_create_normalises_url_and_applies_defaults(stub):
    server = await register(stub, "HTTP://GPU-Box.LAN:8188/")
    assert server.url == "http://gpu-box.lan:8188"
    assert server.server_type == api.SERVER_TYPE_STANDARD
    assert server.max_concurrent == 1
    assert server.is_active is True
    assert server.has_api_key is False
    assert not server.HasField("endpoint_id")
    assert server.create_time.seconds > 0 and server.create_time == server.update_time


async def test_default_port_and_trailing_slashes_make_the_same_server(stub):
    await register(stub, "http://gpu-box:80/comfy/")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await register(stub, "HTTP://gpu-box/comfy")
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert reason(caught.value) == "DUPLICATE_RESOURCE"
    assert "http://gpu-box/comfy" in caught.value.details()


@pytest.mark.parametrize("url", [
    "ftp://gpu-box/", "file:///etc/passwd", "gpu-box:8188", "http://", "http://user:pw@gpu-box/",
    "http://gpu-box/?x=1", "http://gpu-box/#top", "http://gpu box/", " http://gpu-box",
    "http://" + "a" * 2050,
    "javascript:alert(1)", "http://gpu-box:99999/",
])
async def test_malformed_or_unsupported_urls_are_refused(stub, url):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await register(stub, url)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert reason(caught.value) == "VALIDATION_ERROR"


async def test_runpod_host_forces_type_and_derives_endpoint_id(stub):
    server = await register(stub, "https://api.runpod.ai/v2/abc123/", server_type=api.SERVER_TYPE_STANDARD)
    assert server.server_type == api.SERVER_TYPE_RUNPOD
    assert server.endpoint_id == "abc123"
    assert server.url == "https://api.runpod.ai/v2/abc123"


async def test_runpod_without_endpoint_id_is_refused(stub):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await register(stub, "https://api.runpod.ai/", server_type=api.SERVER_TYPE_RUNPOD)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize("fields", [{"name": ""}, {"name": "x" * 201}, {"max_concurrent": 65},
                                    {"max_concurrent": -1}])
async def test_out_of_range_fields_are_refused(stub, fields):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await register(stub, "http://gpu-box:8188", **fields)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_get_unknown_server_is_not_found_with_contract_message(stub):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetServer(api.GetServerRequest(server_id="nope"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert caught.value.details() == "ComfyUI Server with ID 'nope' not found"
    info = error_info(caught.value.trailing_metadata())
    assert dict(info.metadata) == {"resource_type": "ComfyUI Server", "resource_id": "nope"}


async def test_list_is_oldest_first_filters_on_is_active_and_pages(stub):
    ids = [(await register(stub, f"http://gpu-{i}:8188", name=f"gpu-{i}", is_active=i != 1)).id
           for i in range(3)]
    everything = await stub.ListServers(api.ListServersRequest())
    assert [s.id for s in everything.servers] == ids and everything.total_size == 3
    active = await stub.ListServers(api.ListServersRequest(is_active=True))
    assert [s.id for s in active.servers] == [ids[0], ids[2]]
    first = await stub.ListServers(api.ListServersRequest(page_size=2))
    second = await stub.ListServers(api.ListServersRequest(page_size=2, page_token=first.next_page_token))
    assert [s.id for s in [*first.servers, *second.servers]] == ids and second.next_page_token == ""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.ListServers(api.ListServersRequest(is_active=False, page_token=first.next_page_token))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_update_changes_only_masked_fields_and_renormalises_url(stub):
    server = await register(stub, "http://gpu-box:8188", name="old")
    changed = api.Server(id=server.id, name="new", url="HTTP://Other-Box:8188/", max_concurrent=7)
    reply = await stub.UpdateServer(api.UpdateServerRequest(server=changed,
                                                            update_mask=FieldMask(paths=["name", "url"])))
    assert reply.server.name == "new"
    assert reply.server.url == "http://other-box:8188"
    assert reply.server.max_concurrent == 1
    assert reply.server.update_time.ToNanoseconds() >= server.update_time.ToNanoseconds()


async def test_update_to_another_servers_url_is_a_duplicate(stub):
    await register(stub, "http://gpu-a:8188", name="a")
    b = await register(stub, "http://gpu-b:8188", name="b")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=b.id, url="http://GPU-A:8188/"),
                                                        update_mask=FieldMask(paths=["url"])))
    assert reason(caught.value) == "DUPLICATE_RESOURCE"


async def test_update_refuses_unknown_paths_and_empty_requests(stub):
    server = await register(stub, "http://gpu-box:8188")
    for mask in (["id"], ["has_api_key"], ["bogus"], []):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=server.id),
                                                            update_mask=FieldMask(paths=mask)))
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, mask


async def test_api_key_is_write_only_kept_replaced_and_removed_by_presence(stub):
    server = await register(stub, "http://gpu-box:8188", api_key="first-key")
    assert server.has_api_key is True
    keep = await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=server.id, name="renamed"),
                                                           update_mask=FieldMask(paths=["name"])))
    assert keep.server.has_api_key is True
    creds = await stub.GetServerCredentials(api.GetServerCredentialsRequest(server_id=server.id))
    assert creds.server_credentials.api_key == "first-key"
    await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=server.id), api_key="second-key"))
    creds = await stub.GetServerCredentials(api.GetServerCredentialsRequest(server_id=server.id))
    assert creds.server_credentials.api_key == "second-key"
    removed = await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=server.id), api_key=""))
    assert removed.server.has_api_key is False
    creds = await stub.GetServerCredentials(api.GetServerCredentialsRequest(server_id=server.id))
    assert not creds.server_credentials.HasField("api_key")


@pytest.mark.parametrize("api_key", ["k" * 513, "line\nbreak", "ключ"])
async def test_api_key_that_cannot_travel_in_a_header_is_refused_without_echo(stub, api_key):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await register(stub, "http://gpu-box:8188", api_key=api_key)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert api_key not in caught.value.details()


async def test_delete_removes_the_server_and_a_second_delete_is_not_found(stub):
    server = await register(stub, "http://gpu-box:8188")
    await stub.DeleteServer(api.DeleteServerRequest(server_id=server.id))
    for call in (stub.DeleteServer(api.DeleteServerRequest(server_id=server.id)),
                 stub.GetServer(api.GetServerRequest(server_id=server.id))):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    again = await register(stub, "http://gpu-box:8188")  # the URL is free again
    assert again.id != server.id
