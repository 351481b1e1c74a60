"""The cross-service half of deletes (contract 3.11): after projects removed its data, media releases the
project's files and generation cancels the jobs of what was removed.

The projects data is already gone when these run, so a failure here must not turn the DELETE into an error a
client would retry (a retry answers 404). Failures are logged with the ids needed to finish by hand; an RPC
that is not implemented yet counts as 0.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Iterable

import grpc
from storyboard.generation.v1 import generation_service_pb2 as gen_api
from storyboard.generation.v1.generation_service_pb2_grpc import GenerationServiceStub
from storyboard.media.v1 import media_service_pb2 as media_api
from storyboard.media.v1.media_service_pb2_grpc import MediaServiceStub

log = logging.getLogger(__name__)


async def _count(call: Awaitable[int], what: str) -> int:
    try:
        return await call
    except grpc.aio.AioRpcError as exc:
        if exc.code() == grpc.StatusCode.UNIMPLEMENTED:
            log.warning("%s: not implemented by the backend yet; counted as 0", what)
        else:
            log.error("%s failed (%s): %s", what, exc.code().name, exc.details())
        return 0


async def release_project_media(media: MediaServiceStub, project_id: str) -> int:
    """Drops every media file tagged with the project; returns how many media records went."""

    async def call() -> int:
        reply = await media.ReleaseProjectMedia(media_api.ReleaseProjectMediaRequest(project_id=project_id))
        return reply.deleted_media_count

    return await _count(call(), f"ReleaseProjectMedia(project_id={project_id})")


async def cancel_jobs(generation: GenerationServiceStub, scope: str, ids: Iterable[str]) -> int:
    """Cancels the non-terminal jobs of each project, scene or clip id (`scope`); returns how many."""

    async def call(one: str) -> int:
        request = gen_api.CancelGenerationJobsRequest(**{scope: one})
        return (await generation.CancelGenerationJobs(request)).cancelled_count

    counts = await asyncio.gather(*(_count(call(i), f"CancelGenerationJobs({scope}={i})") for i in ids))
    return sum(counts)
