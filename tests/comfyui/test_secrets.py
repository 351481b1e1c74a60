"""API keys: encrypted at rest, sent only as a bearer token to their server, never logged or returned."""

from __future__ import annotations

import logging
import sqlite3

import grpc
import pytest
from comfyui_service.bootstrap import build_deps
from comfyui_service.config import Settings
from comfyui_service.crypto import KEY_FILE_NAME, SecretKeyError
from cryptography.fernet import Fernet
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1.comfyui_service_pb2_grpc import ComfyUIServiceStub

from tests.comfyui.conftest import FAST_PROBES, register, wait_for_status
from tests.conftest import channel_to, run_service

SECRET = "sk-live-4f9c2b7e81d3a6c0"


def stored_documents(data_dir) -> str:
    with sqlite3.connect(data_dir / "comfyui.sqlite3") as db:
        return "\n".join(row[0] for row in db.execute("SELECT doc FROM servers"))


async def credentials(stub, server_id: str) -> api.ServerCredentials:
    reply = await stub.GetServerCredentials(api.GetServerCredentialsRequest(server_id=server_id))
    return reply.server_credentials


async def test_api_key_is_stored_encrypted_and_only_has_api_key_is_returned(comfyui, stub, data_dir):
    server = await register(stub, "http://gpu-box:8188", api_key=SECRET)
    assert SECRET not in str(server) and server.has_api_key
    assert SECRET not in stored_documents(data_dir)
    assert "api_key_encrypted" in stored_documents(data_dir)
    assert (await credentials(stub, server.id)).api_key == SECRET


async def test_generated_development_key_is_persisted_and_reused_across_restarts(data_dir, caplog):
    caplog.set_level(logging.INFO)
    async with run_service("comfyui", data_dir) as comfyui, channel_to(comfyui.address) as channel:
        server = await register(ComfyUIServiceStub(channel), "http://gpu-box:8188", api_key=SECRET)
    key = (data_dir / KEY_FILE_NAME).read_bytes()
    assert (data_dir / KEY_FILE_NAME).stat().st_mode & 0o077 == 0
    assert any("generated a development key" in r.getMessage() for r in caplog.records)
    assert not any(key.decode() in r.getMessage() for r in caplog.records)
    async with run_service("comfyui", data_dir) as comfyui, channel_to(comfyui.address) as channel:
        assert (await credentials(ComfyUIServiceStub(channel), server.id)).api_key == SECRET
    assert (data_dir / KEY_FILE_NAME).read_bytes() == key


async def test_production_without_a_secret_key_refuses_to_start(data_dir):
    settings = Settings(data_dir=data_dir, store_uri=f"sqlite:///{data_dir}/c.sqlite3",
                        environment="production")
    with pytest.raises(SecretKeyError, match="COMFYUI_SECRET_KEY"):
        await build_deps(settings)
    assert not (data_dir / KEY_FILE_NAME).exists()


async def test_configured_keys_rotate_and_a_foreign_key_cannot_decrypt(data_dir):
    old, new = Fernet.generate_key().decode(), "a shared passphrase of sufficient length"
    async with run_service("comfyui", data_dir, secret_key=old) as comfyui, \
            channel_to(comfyui.address) as channel:
        server = await register(ComfyUIServiceStub(channel), "http://127.0.0.1:9", api_key=SECRET)
    async with run_service("comfyui", data_dir, secret_key=f"{new},{old}") as comfyui, \
            channel_to(comfyui.address) as channel:
        assert (await credentials(ComfyUIServiceStub(channel), server.id)).api_key == SECRET
    async with run_service("comfyui", data_dir, secret_key=new, **FAST_PROBES) as comfyui, \
            channel_to(comfyui.address) as channel:
        stub = ComfyUIServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await credentials(stub, server.id)
        assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert SECRET not in caught.value.details()
        info = (await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server.id))).server_info
        assert info.is_online is False and "cannot be decrypted" in info.status_error


async def test_short_secret_key_is_refused(data_dir):
    settings = Settings(data_dir=data_dir, store_uri=f"sqlite:///{data_dir}/c.sqlite3", secret_key="short")
    with pytest.raises(SecretKeyError):
        await build_deps(settings)


async def test_api_key_goes_to_the_server_as_a_bearer_token_on_every_call(comfyui, stub, fake):
    server = await register(stub, fake.url, api_key=SECRET)
    await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server.id, refresh=True))
    paths = {r.path for r in fake.requests}
    assert {"/system_stats", "/queue", "/object_info", "/models/loras"} <= paths
    assert all(r.headers.get("authorization") == f"Bearer {SECRET}" for r in fake.requests)


async def test_server_without_a_key_gets_no_authorization_header(comfyui, stub, fake):
    server = await register(stub, fake.url)
    await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server.id, refresh=True))
    assert fake.requests and all("authorization" not in r.headers for r in fake.requests)


async def test_api_key_never_appears_in_any_log_line_or_reply(comfyui, stub, fake, caplog):
    caplog.set_level(logging.DEBUG)
    replies = []
    server = await register(stub, fake.url, api_key=SECRET)
    replies.append(server)
    await wait_for_status(comfyui, server.id, online=True)
    replies.append(await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server.id, refresh=True)))
    replies.append(await stub.UpdateServer(api.UpdateServerRequest(server=api.Server(id=server.id),
                                                                   api_key=SECRET + "-2")))
    replies.append(await stub.GetServer(api.GetServerRequest(server_id=server.id)))
    replies.append(await stub.ListServers(api.ListServersRequest()))
    replies.append(await stub.ListServerStatuses(api.ListServerStatusesRequest()))
    await fake.go_offline("503")
    await wait_for_status(comfyui, server.id, online=False)
    with pytest.raises(grpc.aio.AioRpcError):
        await register(stub, fake.url, api_key=SECRET)  # duplicate: the error must not echo the key
    assert all(SECRET not in str(reply) for reply in replies)
    assert caplog.records
    for record in caplog.records:
        text = record.getMessage() + repr(record.__dict__)
        assert SECRET not in text, record.name
