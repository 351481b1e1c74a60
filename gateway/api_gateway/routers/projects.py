"""/projects routes."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.deps import ProjectsStub, SettingsDep
from api_gateway.mappers.projects import project_public
from api_gateway.paging import DEFAULT_LIMIT, Limit, Offset, set_list_headers
from api_gateway.schemas.projects import ProjectCreate, ProjectPublic, ProjectsPublic


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["projects"])

    @router.post("/projects", response_model=ProjectPublic)
    async def create_project(body: ProjectCreate, projects: ProjectsStub, settings: SettingsDep) -> ProjectPublic:
        reply = await projects.CreateProject(api.CreateProjectRequest(
            project=pb.Project(name=body.name, description=body.description)))
        return project_public(reply.project, settings.public_base_url)

    if surface == "v1":
        @router.get("/projects", response_model=ProjectsPublic)
        async def list_projects(projects: ProjectsStub, settings: SettingsDep, limit: Limit = DEFAULT_LIMIT,
                                offset: Offset = 0) -> ProjectsPublic:
            """Newest first, as {projects, total}."""
            reply = await projects.ListProjects(api.ListProjectsRequest(page_size=limit, offset=offset))
            return ProjectsPublic(projects=[project_public(p, settings.public_base_url) for p in reply.projects],
                                  total=reply.total_size)
    else:
        @router.get("/projects", response_model=list[ProjectPublic])
        async def list_projects_array(request: Request, response: Response, projects: ProjectsStub,
                                      settings: SettingsDep, limit: Limit = DEFAULT_LIMIT,
                                      offset: Offset = 0) -> list[ProjectPublic]:
            """Newest first, as a bare array with X-Total-Count and Link."""
            reply = await projects.ListProjects(api.ListProjectsRequest(page_size=limit, offset=offset))
            set_list_headers(request, response, reply.total_size, limit, offset)
            return [project_public(p, settings.public_base_url) for p in reply.projects]

    @router.get("/projects/{project_id}", response_model=ProjectPublic)
    async def get_project(project_id: str, projects: ProjectsStub, settings: SettingsDep) -> ProjectPublic:
        reply = await projects.GetProject(api.GetProjectRequest(project_id=project_id))
        return project_public(reply.project, settings.public_base_url)

    return router
