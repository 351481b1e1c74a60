"""/projects routes (contract 1.3): CRUD with the delete cascade, and the project's scenes, clips and
timeline."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request, Response
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.cleanup import cancel_jobs, release_project_media
from api_gateway.deps import GenerationStub, MediaStub, ProjectsStub, SettingsDep
from api_gateway.mappers.clips import clip_json
from api_gateway.mappers.projects import project_public, project_with_scenes, timeline_json
from api_gateway.mappers.requests import update_project_request
from api_gateway.mappers.scenes import scene_public
from api_gateway.paging import DEFAULT_LIMIT, Limit, Offset, every_page, set_list_headers
from api_gateway.responses import json_response
from api_gateway.schemas.clips import ClipPublic
from api_gateway.schemas.projects import (
    ProjectCreate,
    ProjectDeleted,
    ProjectDeleteResult,
    ProjectPublic,
    ProjectsPublic,
    ProjectUpdate,
    ProjectWithScenes,
    TimelinePublic,
)
from api_gateway.schemas.scenes import ScenePublic


async def all_scenes(projects: ProjectsStub, project_id: str) -> list[pb.Scene]:
    return await every_page(lambda token: projects.ListScenes(
        api.ListScenesRequest(project_id=project_id, page_token=token)), "scenes")


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["projects"])

    @router.post("/projects", response_model=ProjectPublic)
    async def create_project(body: ProjectCreate, projects: ProjectsStub,
                             settings: SettingsDep) -> ProjectPublic:
        reply = await projects.CreateProject(api.CreateProjectRequest(
            project=pb.Project(name=body.name, description=body.description)))
        return project_public(reply.project, settings.public_base_url)

    if surface == "v1":
        @router.get("/projects", response_model=ProjectsPublic)
        async def list_projects(projects: ProjectsStub, settings: SettingsDep, limit: Limit = DEFAULT_LIMIT,
                                offset: Offset = 0) -> ProjectsPublic:
            """Newest first, as {projects, total}."""
            reply = await projects.ListProjects(api.ListProjectsRequest(page_size=limit, offset=offset))
            return ProjectsPublic(projects=[project_public(p,
                                                           settings.public_base_url) for p in reply.projects],
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

    @router.put("/projects/{project_id}", response_model=ProjectPublic)
    async def update_project(project_id: str, body: ProjectUpdate, projects: ProjectsStub,
                             settings: SettingsDep) -> ProjectPublic:
        """Partial; `music_file` is an alias of `music_file_path`, and "" clears the music."""
        reply = await projects.UpdateProject(update_project_request(project_id, body))
        return project_public(reply.project, settings.public_base_url)

    @router.delete("/projects/{project_id}", response_model=ProjectDeleteResult)
    async def delete_project(project_id: str, projects: ProjectsStub, media: MediaStub,
                             generation: GenerationStub) -> ProjectDeleteResult:
        """Removes the project's data, then its media files, and cancels its jobs (contract 3.11)."""
        removed = await projects.DeleteProject(api.DeleteProjectRequest(project_id=project_id))
        media_files, cancelled = await asyncio.gather(release_project_media(media, project_id),
                                                      cancel_jobs(generation, "project_id", [project_id]))
        return ProjectDeleteResult(
            message="Project deleted successfully", cancelled_jobs=cancelled,
            deleted=ProjectDeleted(scenes=removed.deleted_scenes, clips=removed.deleted_clips,
                                   characters=removed.deleted_characters,
                                   pool_items=removed.deleted_pool_items,
                                   media_files=media_files))

    @router.get("/projects/{project_id}/with-scenes", response_model=ProjectWithScenes)
    async def get_project_with_scenes(project_id: str, projects: ProjectsStub,
                                      settings: SettingsDep) -> ProjectWithScenes:
        reply = await projects.GetProject(api.GetProjectRequest(project_id=project_id))
        scenes = await all_scenes(projects, project_id)
        return project_with_scenes(reply.project, scenes, settings.public_base_url)

    @router.get("/projects/{project_id}/scenes", response_model=list[ScenePublic])
    async def list_project_scenes(project_id: str, projects: ProjectsStub) -> list[ScenePublic]:
        """Every scene, alternates included, by order then creation; complete, never paged."""
        return [scene_public(s) for s in await all_scenes(projects, project_id)]

    @router.get("/projects/{project_id}/clips", response_model=list[ClipPublic])
    async def list_project_clips(project_id: str, projects: ProjectsStub, settings: SettingsDep) -> Response:
        """Every clip: scenes in scene order, then clips by order and position; complete, never paged."""
        clips = await every_page(lambda token: projects.ListClips(
            api.ListClipsRequest(project_id=project_id, page_token=token)), "clips")
        return json_response([clip_json(c, settings.public_base_url) for c in clips])

    @router.get("/projects/{project_id}/timeline", response_model=TimelinePublic)
    async def get_project_timeline(project_id: str, projects: ProjectsStub,
                                   settings: SettingsDep) -> Response:
        reply = await projects.GetProjectTimeline(api.GetProjectTimelineRequest(project_id=project_id))
        return json_response(timeline_json(reply, settings.public_base_url))

    return router
