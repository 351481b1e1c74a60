"""MediaServicer: translates gRPC requests into service calls and back, nothing else."""

from __future__ import annotations

import grpc

from storyboard.media.v1 import media_service_pb2 as api
from storyboard.media.v1 import media_service_pb2_grpc

from media_service.bootstrap import Deps
from media_service.mappers import to_proto


class MediaServicer(media_service_pb2_grpc.MediaServiceServicer):
    def __init__(self, deps: Deps):
        self._media = deps.media

    async def ListMedia(self, request: api.ListMediaRequest, context: grpc.aio.ServicerContext) -> api.ListMediaResponse:
        docs, token, total = await self._media.list(request.page_size, request.page_token, request.offset)
        return api.ListMediaResponse(media=[to_proto(d) for d in docs], next_page_token=token, total_size=total)
