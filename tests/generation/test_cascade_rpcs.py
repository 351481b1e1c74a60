"""The generation RPCs other services' deletes rely on: cancel a deleted target's jobs, release a server."""

from __future__ import annotations

import grpc
import pytest
from storyboard.generation.v1 import generation_service_pb2 as api
from storyboard.generation.v1 import generation_service_pb2_grpc
from storyboard_common.rpc.status import error_info

from tests.conftest import channel_to, run_service


def job(job_id: str, state: str, **fields) -> dict:
    return {"id": job_id, "state": state, "project_id": "p1", "scene_id": "s1", "clip_id": "c1",
            "created_at": 1.0, "updated_at": 1.0, **fields}


@pytest.fixture
async def generation(data_dir):
    async with run_service("generation", data_dir) as svc, channel_to(svc.address) as channel:
        jobs = svc.deps.store.collection("jobs")
        yield generation_service_pb2_grpc.GenerationServiceStub(channel), jobs


async def test_cancelling_a_projects_jobs_cancels_queued_and_flags_running_ones(generation):
    stub, jobs = generation
    await jobs.insert_many([job("q", "queued"), job("r", "running"), job("done", "succeeded"),
                            job("other", "queued", project_id="p2")])
    reply = await stub.CancelGenerationJobs(api.CancelGenerationJobsRequest(project_id="p1"))
    assert reply.cancelled_count == 2
    assert (await jobs.get("q"))["state"] == "cancelled"
    running = await jobs.get("r")
    assert (running["state"], running["cancel_requested"]) == ("canceling", True)
    assert (await jobs.get("done"))["state"] == "succeeded"
    assert (await jobs.get("other"))["state"] == "queued"
    again = await stub.CancelGenerationJobs(api.CancelGenerationJobsRequest(project_id="p1"))
    assert again.cancelled_count == 0  # idempotent: cancelled stays cancelled, canceling is not re-flagged


async def test_cancel_needs_a_scope(generation):
    stub, _ = generation
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.CancelGenerationJobs(api.CancelGenerationJobsRequest())
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_releasing_a_server_fails_its_pinned_queued_jobs(generation):
    stub, jobs = generation
    await jobs.insert_many([job("a", "queued", server_id="srv"), job("b", "queued", server_id="other")])
    reply = await stub.ReleaseServerJobs(api.ReleaseServerJobsRequest(server_id="srv"))
    assert reply.failed_count == 1
    failed = await jobs.get("a")
    assert (failed["state"], failed["error_code"]) == ("failed", "SERVER_DELETED")
    assert (await jobs.get("b"))["state"] == "queued"


async def test_releasing_a_server_with_a_running_job_is_a_conflict(generation):
    stub, jobs = generation
    await jobs.insert_many([job("a", "running", server_id="srv"), job("b", "queued", server_id="srv")])
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.ReleaseServerJobs(api.ReleaseServerJobsRequest(server_id="srv"))
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_info(caught.value.trailing_metadata()).reason == "CONFLICT"
    assert (await jobs.get("b"))["state"] == "queued"
