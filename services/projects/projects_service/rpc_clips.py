"""ProjectsService RPCs of clips and their galleries: translate only."""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.errors import InvalidArgumentError

from projects_service.mappers import (
    clip_to_proto,
    clip_values,
    content_from_proto,
    content_to_proto,
    content_type_name,
    optional,
    summary_to_proto,
    without_empty_name,
)
from projects_service.rpc_base import AreaRpcs, Context


class ClipRpcs(AreaRpcs):
    async def CreateClip(self, request: api.CreateClipRequest,
                         context: Context) -> api.CreateClipResponse:
        values = without_empty_name(clip_values(request.clip))
        clip = await self._deps.clips.create(request.clip.scene_id, values)
        return api.CreateClipResponse(clip=clip_to_proto(clip))

    async def GetClip(self, request: api.GetClipRequest,
                      context: Context) -> api.GetClipResponse:
        return api.GetClipResponse(clip=clip_to_proto(await self._deps.clips.get(request.clip_id)))

    async def ListClips(self, request: api.ListClipsRequest,
                        context: Context) -> api.ListClipsResponse:
        parent = request.WhichOneof("parent")
        if parent == "scene_id":
            page = await self._deps.clips.list_for_scene(request.scene_id, request.page_size,
                                                         request.page_token)
        elif parent == "project_id":
            page = await self._deps.clips.list_for_project(request.project_id, request.page_size,
                                                           request.page_token)
        else:
            raise InvalidArgumentError("scene_id or project_id is required")
        return api.ListClipsResponse(clips=[clip_to_proto(c) for c in page.items],
                                     next_page_token=page.next_page_token)

    async def UpdateClip(self, request: api.UpdateClipRequest,
                         context: Context) -> api.UpdateClipResponse:
        clip = await self._deps.clips.update(request.clip.id, clip_values(request.clip),
                                             request.update_mask.paths)
        return api.UpdateClipResponse(clip=clip_to_proto(clip))

    async def DeleteClip(self, request: api.DeleteClipRequest,
                         context: Context) -> api.DeleteClipResponse:
        removed = await self._deps.deleter.delete_clip(request.clip_id)
        return api.DeleteClipResponse(deleted_clips=len(removed.clip_ids), deleted_clip_ids=removed.clip_ids)

    async def MoveClip(self, request: api.MoveClipRequest,
                       context: Context) -> api.MoveClipResponse:
        check = request.check_overlap if request.HasField("check_overlap") else True
        clip, summary = await self._deps.clips.move(request.clip_id, request.position, check)
        return api.MoveClipResponse(clip=clip_to_proto(clip), timeline_summary=summary_to_proto(summary))

    async def CreateClipAlternate(self, request: api.CreateClipAlternateRequest,
                                  context: Context) -> api.CreateClipAlternateResponse:
        return api.CreateClipAlternateResponse(
            clip=clip_to_proto(await self._deps.clips.create_alternate(request.clip_id)))

    async def UpdateClipPrompts(self, request: api.UpdateClipPromptsRequest,
                                context: Context) -> api.UpdateClipPromptsResponse:
        clip = await self._deps.clips.update_prompts(request.clip_id, optional(request, "image_prompt"),
                                                     optional(request, "video_prompt"))
        return api.UpdateClipPromptsResponse(clip=clip_to_proto(clip))

    async def AddClipContent(self, request: api.AddClipContentRequest,
                             context: Context) -> api.AddClipContentResponse:
        result = await self._deps.gallery.add_content(request.clip_id, content_from_proto(request.content))
        return api.AddClipContentResponse(content=content_to_proto(result.content, result.is_selected),
                                          added=result.added)

    async def SelectClipContent(self, request: api.SelectClipContentRequest,
                                context: Context) -> api.SelectClipContentResponse:
        clip = await self._deps.gallery.select(request.clip_id, request.content_id,
                                               content_type_name(request.content_type))
        return api.SelectClipContentResponse(clip=clip_to_proto(clip))

    async def GetClipGallery(self, request: api.GetClipGalleryRequest,
                             context: Context) -> api.GetClipGalleryResponse:
        clip = await self._deps.gallery.gallery(request.clip_id)
        return api.GetClipGalleryResponse(
            images=[content_to_proto(g, g.id == clip.selected_image_id) for g in clip.generated_images],
            videos=[content_to_proto(g, g.id == clip.selected_video_id) for g in clip.generated_videos],
            selected_image_id=clip.selected_image_id, selected_video_id=clip.selected_video_id)
