"""build_server(settings, deps) and serve(settings)."""

from __future__ import annotations

from typing import Any

import grpc
from storyboard.media.v1 import media_service_pb2, media_service_pb2_grpc
from storyboard_common.rpc.chunk_messages import passing_decoded, passing_encoded
from storyboard_common.rpc.runner import serve_until_signalled
from storyboard_common.rpc.server import GrpcServer, build_grpc_server

from media_service.bootstrap import Deps, build_deps
from media_service.config import Settings
from media_service.servicer import UPLOAD_CHUNK, MediaServicer

SERVICE_NAME = media_service_pb2.DESCRIPTOR.services_by_name["MediaService"].full_name


class _CollectedHandlers:
    """Stands in for a server to collect the method handlers the generated code registers."""

    def __init__(self) -> None:
        self.handlers: dict[str, grpc.RpcMethodHandler] = {}

    def add_generic_rpc_handlers(self, _: Any) -> None:
        pass

    def add_registered_method_handlers(self, _: str, handlers: dict[str, grpc.RpcMethodHandler]) -> None:
        self.handlers.update(handlers)


def method_handlers(servicer: MediaServicer) -> dict[str, grpc.RpcMethodHandler]:
    """The generated handlers, except for the file streams' chunk messages
    (storyboard_common/rpc/chunk_messages.py): UploadMedia receives a chunk as a view of its bytes, and
    ReadMedia may yield chunks already in wire form."""
    collected = _CollectedHandlers()
    media_service_pb2_grpc.add_MediaServiceServicer_to_server(servicer, collected)
    handlers = collected.handlers
    upload, read = handlers["UploadMedia"], handlers["ReadMedia"]
    # grpc's handlers are named tuples: _replace swaps one (de)serializer and keeps the rest.
    handlers["UploadMedia"] = upload._replace(
        request_deserializer=passing_decoded(UPLOAD_CHUNK, upload.request_deserializer))
    handlers["ReadMedia"] = read._replace(response_serializer=passing_encoded(read.response_serializer))
    return handlers


def build_server(settings: Settings, deps: Deps) -> GrpcServer:
    def register(server: Any) -> None:
        handlers = method_handlers(MediaServicer(deps))
        server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE_NAME, handlers),))
        server.add_registered_method_handlers(SERVICE_NAME, handlers)

    return build_grpc_server("media", SERVICE_NAME, register, settings.grpc_host, settings.grpc_port)


async def serve(settings: Settings) -> None:
    await serve_until_signalled(settings, build_deps, build_server)
