"""ProjectsService RPCs of projects and their timeline: translate only."""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2 as api

from projects_service.mappers import project_to_proto, project_values, timeline_scenes_to_proto
from projects_service.rpc_base import AreaRpcs, Context


class ProjectRpcs(AreaRpcs):
    async def CreateProject(self, request: api.CreateProjectRequest,
                            context: Context) -> api.CreateProjectResponse:
        project = await self._deps.projects.create(request.project.name, request.project.description)
        return api.CreateProjectResponse(project=project_to_proto(project))

    async def GetProject(self, request: api.GetProjectRequest,
                         context: Context) -> api.GetProjectResponse:
        project = await self._deps.projects.get(request.project_id)
        return api.GetProjectResponse(project=project_to_proto(project))

    async def ListProjects(self, request: api.ListProjectsRequest,
                           context: Context) -> api.ListProjectsResponse:
        page = await self._deps.projects.list(request.page_size, request.page_token, request.offset)
        return api.ListProjectsResponse(projects=[project_to_proto(p) for p in page.items],
                                        next_page_token=page.next_page_token, total_size=page.total_size)

    async def UpdateProject(self, request: api.UpdateProjectRequest,
                            context: Context) -> api.UpdateProjectResponse:
        project = await self._deps.projects.update(request.project.id, project_values(request.project),
                                                   request.update_mask.paths)
        return api.UpdateProjectResponse(project=project_to_proto(project))

    async def DeleteProject(self, request: api.DeleteProjectRequest,
                            context: Context) -> api.DeleteProjectResponse:
        removed = await self._deps.deleter.delete_project(request.project_id)
        return api.DeleteProjectResponse(
            deleted_scenes=removed.scenes, deleted_clips=removed.clips,
            deleted_characters=removed.counts.get("characters", 0),
            deleted_pool_items=removed.counts.get("pool_items", 0), media_ids=removed.media_ids)

    async def GetProjectTimeline(self, request: api.GetProjectTimelineRequest,
                                 context: Context) -> api.GetProjectTimelineResponse:
        timeline = await self._deps.projects.timeline(request.project_id)
        return api.GetProjectTimelineResponse(project=project_to_proto(timeline.project),
                                              scenes=timeline_scenes_to_proto(timeline),
                                              total_duration=timeline.total_duration)
