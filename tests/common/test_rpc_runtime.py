"""The shared gRPC runtime, exercised through a real service: errors, request ids, deadlines, health."""

from __future__ import annotations

import contextlib
import logging

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from storyboard.comfyui.v1 import comfyui_service_pb2 as comfyui_api
from storyboard.comfyui.v1 import comfyui_service_pb2_grpc
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard.projects.v1 import projects_service_pb2_grpc
from storyboard_common.context import request_id_var
from storyboard_common.rpc.server import PortInUseError, build_grpc_server
from storyboard_common.rpc.status import domain_error_from_rpc, error_info

from tests.conftest import channel_to, run_service


class _ExplodingServicer(projects_service_pb2_grpc.ProjectsServiceServicer):
    """A handler that fails unexpectedly, and one that checks what the interceptor bound."""

    async def GetProject(self, request, context):
        raise RuntimeError("secret database password in a stack frame")

    async def ListProjects(self, request, context):
        remaining = context.time_remaining()
        return api.ListProjectsResponse(next_page_token=f"{request_id_var.get()}|{remaining is not None}")


@contextlib.asynccontextmanager
async def exploding_server():
    server = build_grpc_server(
        "projects", "storyboard.projects.v1.ProjectsService",
        lambda s: projects_service_pb2_grpc.add_ProjectsServiceServicer_to_server(_ExplodingServicer(), s),
        "127.0.0.1", 0)
    await server.start()
    try:
        yield f"127.0.0.1:{server.port}"
    finally:
        await server.stop(None)


async def test_domain_error_becomes_status_with_error_info(data_dir):
    async with run_service("projects", data_dir) as svc, channel_to(svc.address) as channel:
        stub = projects_service_pb2_grpc.ProjectsServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.GetProject(api.GetProjectRequest(project_id="nope"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    info = error_info(caught.value.trailing_metadata())
    assert info.reason == "RESOURCE_NOT_FOUND"
    assert info.domain == "projects.storyboard"
    assert dict(info.metadata) == {"resource_type": "Project", "resource_id": "nope"}
    converted = domain_error_from_rpc(caught.value, "projects")
    assert (converted.reason, converted.message) == ("RESOURCE_NOT_FOUND", "Project with ID 'nope' not found")


async def test_unexpected_error_is_internal_without_details_and_logged_with_request_id(caplog):
    async with exploding_server() as address, channel_to(address) as channel:
        stub = projects_service_pb2_grpc.ProjectsServiceStub(channel)
        request_id_var.set("req-42")
        with caplog.at_level(logging.ERROR), pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.GetProject(api.GetProjectRequest(project_id="p"))
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert caught.value.details() == "internal error (request id req-42)"
    assert "secret" not in str(caught.value.trailing_metadata())
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and "secret database password" in str(logged[0].exc_info[1])
    assert "req-42" in logged[0].getMessage()


async def test_request_id_and_default_deadline_travel_with_every_call():
    async with exploding_server() as address, channel_to(address, timeout=3.0) as channel:
        stub = projects_service_pb2_grpc.ProjectsServiceStub(channel)
        request_id_var.set("trace-7")
        reply = await stub.ListProjects(api.ListProjectsRequest())
    assert reply.next_page_token == "trace-7|True"


async def test_rpc_without_an_implementation_answers_unimplemented():
    async with exploding_server() as address, channel_to(address) as channel:
        stub = projects_service_pb2_grpc.ProjectsServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.DeleteProject(api.DeleteProjectRequest(project_id="p"))
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED


async def test_health_serves_overall_and_named_service(data_dir):
    async with run_service("comfyui", data_dir) as svc, channel_to(svc.address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        for name in ("", "storyboard.comfyui.v1.ComfyUIService"):
            reply = await health.Check(health_pb2.HealthCheckRequest(service=name))
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
        await svc.server.stop(0.1)


async def test_invalid_page_size_is_invalid_argument(data_dir):
    async with run_service("comfyui", data_dir) as svc, channel_to(svc.address) as channel:
        stub = comfyui_service_pb2_grpc.ComfyUIServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.ListServers(comfyui_api.ListServersRequest(page_size=-1))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(caught.value.trailing_metadata()).reason == "INVALID_PARAMETER"


async def test_binding_a_busy_port_raises_a_clear_error(data_dir):
    async with run_service("projects", data_dir) as svc:
        with pytest.raises(PortInUseError, match=f"{svc.port}.*already in use"):
            build_grpc_server("x", "x.v1.X", lambda server: None, "127.0.0.1", svc.port)
