"""The media service in-process on port 0, with the real projects service it records music on."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import pytest
from storyboard.media.v1 import media_service_pb2 as pb
from storyboard.media.v1.media_service_pb2_grpc import MediaServiceStub
from storyboard.projects.v1 import projects_resources_pb2 as projects_pb
from storyboard.projects.v1 import projects_service_pb2 as projects_api
from storyboard.projects.v1.projects_service_pb2_grpc import ProjectsServiceStub
from storyboard_common.chunks import CHUNK_SIZE
from storyboard_common.rpc.status import error_info

from tests.conftest import RunningService, channel_to, run_service


@dataclass
class MediaEnv:
    media: MediaServiceStub
    projects: ProjectsServiceStub
    service: RunningService
    files: Path

    def stored_files(self) -> list[Path]:
        return sorted(p for p in (self.files / "blobs").rglob("*") if p.is_file())

    def incoming_files(self) -> list[Path]:
        return sorted((self.files / "incoming").iterdir())

    async def new_project(self, name: str = "Video") -> str:
        reply = await self.projects.CreateProject(projects_api.CreateProjectRequest(
            project=projects_pb.Project(name=name)))
        return reply.project.id

    async def project(self, project_id: str) -> projects_pb.Project:
        return (await self.projects.GetProject(projects_api.GetProjectRequest(project_id=project_id))).project


@contextlib.asynccontextmanager
async def media_env(data_dir: Path, **settings: Any) -> AsyncIterator[MediaEnv]:
    async with (run_service("projects", data_dir) as projects,
                run_service("media", data_dir, projects_addr=projects.address, **settings) as media,
                channel_to(media.address) as media_channel, channel_to(projects.address) as projects_channel):
        yield MediaEnv(MediaServiceStub(media_channel), ProjectsServiceStub(projects_channel), media,
                       data_dir / "media")


@pytest.fixture
async def env(data_dir: Path) -> AsyncIterator[MediaEnv]:
    async with media_env(data_dir) as e:
        yield e


def upload_messages(data: bytes, kind: int = pb.MEDIA_KIND_FACE, chunk_size: int = CHUNK_SIZE,
                    **header: Any) -> list[pb.UploadMediaRequest]:
    messages = [pb.UploadMediaRequest(header=pb.UploadMediaHeader(kind=kind, **header))]
    messages += [pb.UploadMediaRequest(chunk=data[i:i + chunk_size]) for i in range(0, len(data), chunk_size)]
    return messages


async def upload(stub: MediaServiceStub, data: bytes, kind: int = pb.MEDIA_KIND_FACE,
                 **header: Any) -> pb.Media:
    return (await stub.UploadMedia(iter(upload_messages(data, kind, **header)))).media


@dataclass
class Rejection:
    code: grpc.StatusCode
    reason: str
    message: str
    metadata: dict[str, str]


async def rejected(awaitable: Any) -> Rejection:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await awaitable
    info = error_info(caught.value.trailing_metadata())
    return Rejection(caught.value.code(), info.reason if info else "", caught.value.details(),
                     dict(info.metadata) if info else {})


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def read_all(stub: MediaServiceStub, **request: Any) -> tuple[pb.ReadMediaHeader, list[bytes]]:
    header, chunks = None, []
    async for message in stub.ReadMedia(pb.ReadMediaRequest(**request)):
        if message.WhichOneof("payload") == "header":
            header = message.header
        else:
            chunks.append(message.chunk)
    assert header is not None
    return header, chunks
