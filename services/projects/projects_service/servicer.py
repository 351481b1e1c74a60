"""ProjectsServicer: translates gRPC requests into service calls and back, nothing else."""

from __future__ import annotations

import grpc

from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard.projects.v1 import projects_service_pb2_grpc

from projects_service.bootstrap import Deps
from projects_service.mappers import project_to_proto


class ProjectsServicer(projects_service_pb2_grpc.ProjectsServiceServicer):
    def __init__(self, deps: Deps):
        self._projects = deps.projects

    async def CreateProject(self, request: api.CreateProjectRequest,
                            context: grpc.aio.ServicerContext) -> api.CreateProjectResponse:
        project = await self._projects.create(request.project.name, request.project.description)
        return api.CreateProjectResponse(project=project_to_proto(project))

    async def GetProject(self, request: api.GetProjectRequest,
                         context: grpc.aio.ServicerContext) -> api.GetProjectResponse:
        return api.GetProjectResponse(project=project_to_proto(await self._projects.get(request.project_id)))

    async def ListProjects(self, request: api.ListProjectsRequest,
                           context: grpc.aio.ServicerContext) -> api.ListProjectsResponse:
        page = await self._projects.list(request.page_size, request.page_token, request.offset)
        return api.ListProjectsResponse(projects=[project_to_proto(p) for p in page.projects],
                                        next_page_token=page.next_page_token, total_size=page.total_size)
