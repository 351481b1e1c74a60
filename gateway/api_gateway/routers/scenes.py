"""/scenes routes (contract 1.4): CRUD with the delete cascade, alternates, clips and timeline analysis."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.cleanup import cancel_jobs
from api_gateway.deps import GenerationStub, ProjectsStub, SettingsDep
from api_gateway.mappers.clips import clip_json
from api_gateway.mappers.requests import create_scene_request, update_scene_request
from api_gateway.mappers.scenes import analysis_public, scene_public
from api_gateway.paging import every_page
from api_gateway.responses import json_response
from api_gateway.routers.projects import all_scenes
from api_gateway.schemas.clips import ClipPublic
from api_gateway.schemas.scenes import (
    SceneCreate,
    SceneDeleteResult,
    SceneMessage,
    ScenePublic,
    ScenesDeleted,
    SceneUpdate,
    TimelineAnalysisPublic,
)


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["scenes"])

    @router.post("/scenes", response_model=ScenePublic)
    async def create_scene(body: SceneCreate, projects: ProjectsStub) -> ScenePublic:
        reply = await projects.CreateScene(create_scene_request(body))
        return scene_public(reply.scene)

    @router.get("/scenes/project/{project_id}", response_model=list[ScenePublic])
    async def list_scenes_of_project(project_id: str, projects: ProjectsStub) -> list[ScenePublic]:
        """The same as GET /projects/{project_id}/scenes."""
        return [scene_public(s) for s in await all_scenes(projects, project_id)]

    @router.get("/scenes/{scene_id}", response_model=ScenePublic)
    async def get_scene(scene_id: str, projects: ProjectsStub) -> ScenePublic:
        return scene_public((await projects.GetScene(api.GetSceneRequest(scene_id=scene_id))).scene)

    @router.put("/scenes/{scene_id}", response_model=SceneMessage)
    async def update_scene(scene_id: str, body: SceneUpdate, projects: ProjectsStub) -> SceneMessage:
        """Partial; `timeline_start` is computed, so it is accepted and ignored."""
        reply = await projects.UpdateScene(update_scene_request(scene_id, body))
        return SceneMessage(**scene_public(reply.scene).model_dump(), message="Scene updated successfully")

    @router.delete("/scenes/{scene_id}", response_model=SceneDeleteResult)
    async def delete_scene(scene_id: str, projects: ProjectsStub,
                           generation: GenerationStub) -> SceneDeleteResult:
        """Removes the scene, its clips and, for a root scene, its alternates; cancels their jobs."""
        removed = await projects.DeleteScene(api.DeleteSceneRequest(scene_id=scene_id))
        cancelled = await cancel_jobs(generation, "scene_id", removed.deleted_scene_ids)
        return SceneDeleteResult(message="Scene deleted successfully", cancelled_jobs=cancelled,
                                 deleted=ScenesDeleted(scenes=removed.deleted_scenes,
                                                       clips=removed.deleted_clips))

    @router.get("/scenes/{scene_id}/clips", response_model=list[ClipPublic])
    async def list_scene_clips(scene_id: str, projects: ProjectsStub, settings: SettingsDep) -> Response:
        """Every clip of the scene by order, position, creation; complete, never paged."""
        return json_response(await scene_clips(projects, scene_id, settings.public_base_url))

    @router.get("/scenes/{scene_id}/timeline-analysis", response_model=TimelineAnalysisPublic)
    async def analyze_scene_timeline(scene_id: str, projects: ProjectsStub) -> TimelineAnalysisPublic:
        reply = await projects.AnalyzeSceneTimeline(api.AnalyzeSceneTimelineRequest(scene_id=scene_id))
        return analysis_public(reply.analysis)

    @router.post("/scenes/{scene_id}/create-alternate", response_model=ScenePublic)
    async def create_scene_alternate(scene_id: str, projects: ProjectsStub,
                                     copy_clips: bool = False) -> ScenePublic:
        reply = await projects.CreateSceneAlternate(
            api.CreateSceneAlternateRequest(scene_id=scene_id, copy_clips=copy_clips))
        return scene_public(reply.scene)

    return router


async def scene_clips(projects: ProjectsStub, scene_id: str, base_url: str) -> list[dict[str, Any]]:
    clips = await every_page(lambda token: projects.ListClips(
        api.ListClipsRequest(scene_id=scene_id, page_token=token)), "clips")
    return [clip_json(c, base_url) for c in clips]
