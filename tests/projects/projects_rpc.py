"""The projects service in-process on port 0 with a real gRPC stub, plus small builders for test data."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard.projects.v1.projects_service_pb2_grpc import ProjectsServiceStub

from tests.conftest import channel_to, run_service


@dataclass
class ProjectsRpc:
    stub: ProjectsServiceStub
    deps: Any  # projects_service.bootstrap.Deps: the services behind the stub

    async def project(self, name: str = "Video", **fields: Any) -> pb.Project:
        request = api.CreateProjectRequest(project=pb.Project(name=name, **fields))
        reply = await self.stub.CreateProject(request)
        return reply.project

    async def scene(self, project_id: str, name: str = "Scene", **fields: Any) -> pb.Scene:
        reply = await self.stub.CreateScene(api.CreateSceneRequest(
            scene=pb.Scene(project_id=project_id, name=name, **fields)))
        return reply.scene

    async def clip(self, scene_id: str, name: str = "Clip", **fields: Any) -> pb.Clip:
        fields.setdefault("length", 5.0)
        reply = await self.stub.CreateClip(api.CreateClipRequest(clip=pb.Clip(scene_id=scene_id, name=name,
                                                                               **fields)))
        return reply.clip

    async def add_content(self, clip_id: str, content_type: int, url: str) -> pb.GeneratedContent:
        content = pb.GeneratedContent(id=str(uuid.uuid4()), content_type=content_type, url=url)
        reply = await self.stub.AddClipContent(api.AddClipContentRequest(clip_id=clip_id, content=content))
        return reply.content


@contextlib.asynccontextmanager
async def projects_rpc(data_dir: Path) -> AsyncIterator[ProjectsRpc]:
    async with run_service("projects", data_dir) as service, channel_to(service.address) as channel:
        yield ProjectsRpc(ProjectsServiceStub(channel), service.deps)
