"""GenerationServicer: translates gRPC requests into service calls and back, nothing else."""

from __future__ import annotations

import grpc
from storyboard.generation.v1 import generation_service_pb2 as api
from storyboard.generation.v1 import generation_service_pb2_grpc

from generation_service.bootstrap import Deps
from generation_service.mappers import STATE_NAMES, to_proto


class GenerationServicer(generation_service_pb2_grpc.GenerationServiceServicer):
    def __init__(self, deps: Deps):
        self._jobs = deps.jobs

    async def ListGenerationJobs(self, request: api.ListGenerationJobsRequest,
                                 context: grpc.aio.ServicerContext) -> api.ListGenerationJobsResponse:
        filters = {"state": [STATE_NAMES[s] for s in request.states if s in STATE_NAMES],
                   "project_id": request.project_id, "scene_id": request.scene_id, "clip_id": request.clip_id,
                   "batch_id": request.batch_id, "server_id": request.server_id}
        page = await self._jobs.list(filters, request.page_size, request.page_token, request.offset)
        return api.ListGenerationJobsResponse(generation_jobs=[to_proto(d) for d in page.items],
                                              next_page_token=page.next_page_token,
                                              total_size=page.total_size)

    async def CancelGenerationJobs(self, request: api.CancelGenerationJobsRequest,
                                   context: grpc.aio.ServicerContext) -> api.CancelGenerationJobsResponse:
        scope = request.WhichOneof("scope") or ""
        cancelled = await self._jobs.cancel_for(scope, getattr(request, scope) if scope else "")
        return api.CancelGenerationJobsResponse(cancelled_count=cancelled)

    async def ReleaseServerJobs(self, request: api.ReleaseServerJobsRequest,
                                context: grpc.aio.ServicerContext) -> api.ReleaseServerJobsResponse:
        return api.ReleaseServerJobsResponse(failed_count=await self._jobs.release_server(request.server_id))
