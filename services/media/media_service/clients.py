"""gRPC adapters for the ports; a downstream failure becomes a DomainError."""

from __future__ import annotations

import grpc
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.projects.v1 import projects_resources_pb2 as projects_pb
from storyboard.projects.v1 import projects_service_pb2 as projects_api
from storyboard.projects.v1.projects_service_pb2_grpc import ProjectsServiceStub
from storyboard_common.rpc.status import domain_error_from_rpc

from media_service.ports import ProjectRef

_MUSIC_FIELDS = ["music_file_path", "music_duration", "music_media_id"]


class GrpcProjects:
    def __init__(self, stub: ProjectsServiceStub):
        self._stub = stub

    async def get(self, project_id: str) -> ProjectRef:
        try:
            reply = await self._stub.GetProject(projects_api.GetProjectRequest(project_id=project_id))
        except grpc.aio.AioRpcError as exc:
            raise domain_error_from_rpc(exc, "projects") from None
        project = reply.project
        return ProjectRef(project.id, project.music_media_id if project.HasField("music_media_id") else None)

    async def set_music(self, project_id: str, url: str, duration: float, media_id: str) -> None:
        request = projects_api.UpdateProjectRequest(
            project=projects_pb.Project(id=project_id, music_file_path=url, music_duration=duration,
                                        music_media_id=media_id),
            update_mask=FieldMask(paths=_MUSIC_FIELDS))
        try:
            await self._stub.UpdateProject(request)
        except grpc.aio.AioRpcError as exc:
            raise domain_error_from_rpc(exc, "projects") from None
