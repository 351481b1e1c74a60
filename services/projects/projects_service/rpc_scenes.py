"""ProjectsService RPCs of scenes: translate only."""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2 as api

from projects_service.mappers import analysis_to_proto, scene_to_proto, scene_values, without_empty_name
from projects_service.rpc_base import AreaRpcs, Context


class SceneRpcs(AreaRpcs):
    async def CreateScene(self, request: api.CreateSceneRequest,
                          context: Context) -> api.CreateSceneResponse:
        values = without_empty_name(scene_values(request.scene))
        scene = await self._deps.scenes.create(request.scene.project_id, values)
        return api.CreateSceneResponse(scene=scene_to_proto(scene))

    async def GetScene(self, request: api.GetSceneRequest,
                       context: Context) -> api.GetSceneResponse:
        return api.GetSceneResponse(scene=scene_to_proto(await self._deps.scenes.get(request.scene_id)))

    async def ListScenes(self, request: api.ListScenesRequest,
                         context: Context) -> api.ListScenesResponse:
        page = await self._deps.scenes.list(request.project_id, request.page_size, request.page_token)
        return api.ListScenesResponse(scenes=[scene_to_proto(s) for s in page.items],
                                      next_page_token=page.next_page_token)

    async def UpdateScene(self, request: api.UpdateSceneRequest,
                          context: Context) -> api.UpdateSceneResponse:
        scene = await self._deps.scenes.update(request.scene.id, scene_values(request.scene),
                                               request.update_mask.paths)
        return api.UpdateSceneResponse(scene=scene_to_proto(scene))

    async def DeleteScene(self, request: api.DeleteSceneRequest,
                          context: Context) -> api.DeleteSceneResponse:
        removed = await self._deps.deleter.delete_scene(request.scene_id)
        return api.DeleteSceneResponse(deleted_scenes=len(removed.scene_ids),
                                       deleted_clips=len(removed.clip_ids),
                                       deleted_scene_ids=removed.scene_ids, deleted_clip_ids=removed.clip_ids)

    async def CreateSceneAlternate(self, request: api.CreateSceneAlternateRequest,
                                   context: Context) -> api.CreateSceneAlternateResponse:
        scene = await self._deps.scenes.create_alternate(request.scene_id, request.copy_clips)
        return api.CreateSceneAlternateResponse(scene=scene_to_proto(scene))

    async def AnalyzeSceneTimeline(self, request: api.AnalyzeSceneTimelineRequest,
                                   context: Context) -> api.AnalyzeSceneTimelineResponse:
        analysis = await self._deps.scenes.analyze(request.scene_id)
        return api.AnalyzeSceneTimelineResponse(analysis=analysis_to_proto(analysis))
