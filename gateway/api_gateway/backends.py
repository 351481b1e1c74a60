"""One channel and stub per backend service, opened in the lifespan and shared by every request."""

from __future__ import annotations

from dataclasses import dataclass

import grpc
from storyboard.comfyui.v1 import comfyui_service_pb2_grpc
from storyboard.generation.v1 import generation_service_pb2_grpc
from storyboard.media.v1 import media_service_pb2, media_service_pb2_grpc
from storyboard.projects.v1 import projects_service_pb2_grpc
from storyboard_common.rpc.channels import open_channel
from storyboard_common.rpc.chunk_messages import BytesFieldMessage, passing_decoded, passing_encoded

from api_gateway.config import Settings

SERVICE_NAMES = {
    "projects": "storyboard.projects.v1.ProjectsService",
    "comfyui": "storyboard.comfyui.v1.ComfyUIService",
    "generation": "storyboard.generation.v1.GenerationService",
    "media": "storyboard.media.v1.MediaService",
}


@dataclass
class Backends:
    channels: dict[str, grpc.aio.Channel]
    projects: projects_service_pb2_grpc.ProjectsServiceStub
    comfyui: comfyui_service_pb2_grpc.ComfyUIServiceStub
    generation: generation_service_pb2_grpc.GenerationServiceStub
    media: media_service_pb2_grpc.MediaServiceStub

    async def aclose(self) -> None:
        for channel in self.channels.values():
            await channel.close()


def media_stub(channel: grpc.aio.Channel) -> media_service_pb2_grpc.MediaServiceStub:
    """The generated stub, except for the file streams' chunk messages (rpc/chunk_messages.py): UploadMedia
    also takes them in wire form, and ReadMedia returns a chunk as a memoryview of its bytes."""
    pb, prefix = media_service_pb2, f"/{SERVICE_NAMES['media']}"
    stub = media_service_pb2_grpc.MediaServiceStub(channel)
    stub.UploadMedia = channel.stream_unary(
        f"{prefix}/UploadMedia", request_serializer=passing_encoded(pb.UploadMediaRequest.SerializeToString),
        response_deserializer=pb.UploadMediaResponse.FromString, _registered_method=True)
    stub.ReadMedia = channel.unary_stream(
        f"{prefix}/ReadMedia", request_serializer=pb.ReadMediaRequest.SerializeToString,
        response_deserializer=passing_decoded(BytesFieldMessage(pb.ReadMediaResponse, "chunk"),
                                              pb.ReadMediaResponse.FromString),
        _registered_method=True)
    return stub


def open_backends(settings: Settings) -> Backends:
    addrs = {"projects": settings.projects_addr, "comfyui": settings.comfyui_addr,
             "generation": settings.generation_addr, "media": settings.media_addr}
    channels = {name: open_channel(addr, settings.grpc_timeout_s) for name, addr in addrs.items()}
    return Backends(
        channels=channels,
        projects=projects_service_pb2_grpc.ProjectsServiceStub(channels["projects"]),
        comfyui=comfyui_service_pb2_grpc.ComfyUIServiceStub(channels["comfyui"]),
        generation=generation_service_pb2_grpc.GenerationServiceStub(channels["generation"]),
        media=media_stub(channels["media"]),
    )
