"""/clips routes (contract 1.5): CRUD with the delete cascade, timeline position, prompts, alternates and the
gallery with its selection."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Response
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.cleanup import cancel_jobs
from api_gateway.deps import GenerationStub, ProjectsStub, SettingsDep
from api_gateway.errors import ApiError, no_fields_to_update
from api_gateway.mappers.clips import CONTENT_TYPES, clip_json, clip_public, gallery_json, summary_public
from api_gateway.mappers.common import opt
from api_gateway.mappers.requests import create_clip_request, update_clip_request
from api_gateway.responses import json_response
from api_gateway.routers.scenes import scene_clips
from api_gateway.schemas.clips import (
    PROMPT_MAX,
    ClipCreate,
    ClipDeleteResult,
    ClipMessage,
    ClipPublic,
    ClipsDeleted,
    ClipUpdate,
    GalleryPublic,
    PromptsBody,
    SelectContentBody,
    SelectContentResult,
    TimelinePositionBody,
    TimelinePositionResult,
)

PromptQuery = Annotated[str | None, Query(max_length=PROMPT_MAX)]


def content_choice(body: SelectContentBody) -> tuple[str, str]:
    """(content id, "image" | "video") from either form: content_id + content_type, or image_id / video_id."""
    if body.content_id:
        if body.content_type not in CONTENT_TYPES:
            raise ApiError(400, "VALIDATION_ERROR", "Invalid content type")
        return body.content_id, body.content_type
    if body.image_id:
        return body.image_id, "image"
    if body.video_id:
        return body.video_id, "video"
    raise ApiError(400, "VALIDATION_ERROR",
                   "content_id and content_type, or image_id or video_id, are required")


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["clips"])

    @router.post("/clips", response_model=ClipPublic)
    async def create_clip(body: ClipCreate, projects: ProjectsStub, settings: SettingsDep) -> ClipPublic:
        """No overlap check; `project_id` comes from the scene."""
        reply = await projects.CreateClip(create_clip_request(body))
        return clip_public(reply.clip, settings.public_base_url)

    @router.get("/clips/scene/{scene_id}", response_model=list[ClipPublic])
    async def list_clips_of_scene(scene_id: str, projects: ProjectsStub, settings: SettingsDep) -> Response:
        """The same as GET /scenes/{scene_id}/clips."""
        return json_response(await scene_clips(projects, scene_id, settings.public_base_url))

    @router.get("/clips/{clip_id}", response_model=ClipPublic)
    async def get_clip(clip_id: str, projects: ProjectsStub, settings: SettingsDep) -> Response:
        reply = await projects.GetClip(api.GetClipRequest(clip_id=clip_id))
        return json_response(clip_json(reply.clip, settings.public_base_url))

    @router.put("/clips/{clip_id}", response_model=ClipPublic)
    async def update_clip(clip_id: str, body: ClipUpdate, projects: ProjectsStub,
                          settings: SettingsDep) -> ClipPublic:
        """Partial; no overlap check; `character_id: ""` clears the character."""
        reply = await projects.UpdateClip(update_clip_request(clip_id, body))
        return clip_public(reply.clip, settings.public_base_url)

    @router.delete("/clips/{clip_id}", response_model=ClipDeleteResult)
    async def delete_clip(clip_id: str, projects: ProjectsStub,
                          generation: GenerationStub) -> ClipDeleteResult:
        """Removes the clip and, for a root clip, its alternates; cancels their jobs. Media stay (contract
        3.11)."""
        removed = await projects.DeleteClip(api.DeleteClipRequest(clip_id=clip_id))
        cancelled = await cancel_jobs(generation, "clip_id", removed.deleted_clip_ids)
        return ClipDeleteResult(message="Clip deleted successfully", cancelled_jobs=cancelled,
                                deleted=ClipsDeleted(clips=removed.deleted_clips))

    @router.put("/clips/{clip_id}/timeline-position", response_model=TimelinePositionResult)
    async def move_clip(clip_id: str, body: TimelinePositionBody, projects: ProjectsStub,
                        check_overlap: bool = True) -> TimelinePositionResult:
        """409 with the exact conflict body (contract 3.1) when another family is in the way."""
        reply = await projects.MoveClip(api.MoveClipRequest(clip_id=clip_id, position=body.position,
                                                            check_overlap=check_overlap))
        return TimelinePositionResult(message="Timeline position updated", clip_id=reply.clip.id,
                                      new_position=reply.clip.timeline_position,
                                      timeline_summary=summary_public(reply.timeline_summary))

    @router.put("/clips/{clip_id}/prompts", response_model=ClipMessage)
    async def update_prompts(clip_id: str, projects: ProjectsStub, settings: SettingsDep,
                             image_prompt: PromptQuery = None, video_prompt: PromptQuery = None,
                             body: Annotated[PromptsBody | None, Body()] = None) -> ClipMessage:
        """Query or JSON body (the body wins); an omitted prompt is unchanged."""
        body = body or PromptsBody()
        image = body.image_prompt if body.image_prompt is not None else image_prompt
        video = body.video_prompt if body.video_prompt is not None else video_prompt
        if image is None and video is None:
            raise no_fields_to_update()
        reply = await projects.UpdateClipPrompts(api.UpdateClipPromptsRequest(
            clip_id=clip_id, image_prompt=image, video_prompt=video))
        clip = clip_public(reply.clip, settings.public_base_url)
        return ClipMessage(**clip.model_dump(), message="Prompts updated successfully")

    @router.get("/clips/{clip_id}/gallery", response_model=GalleryPublic)
    async def get_gallery(clip_id: str, projects: ProjectsStub, settings: SettingsDep) -> Response:
        """Complete galleries, oldest first, with the selected ids."""
        reply = await projects.GetClipGallery(api.GetClipGalleryRequest(clip_id=clip_id))
        selected = opt(reply, "selected_image_id"), opt(reply, "selected_video_id")
        return json_response(gallery_json(list(reply.images), list(reply.videos), *selected,
                                          settings.public_base_url))

    @router.put("/clips/{clip_id}/select-content", response_model=SelectContentResult)
    async def select_content(clip_id: str, projects: ProjectsStub, content_id: str | None = None,
                             content_type: str | None = None, image_id: str | None = None,
                             video_id: str | None = None,
                             body: Annotated[SelectContentBody | None, Body()] = None) -> SelectContentResult:
        """Query or JSON body (the body wins): content_id + content_type, or image_id / video_id."""
        query = SelectContentBody(content_id=content_id, content_type=content_type, image_id=image_id,
                                  video_id=video_id)
        given = body.model_dump(exclude_none=True) if body else {}
        chosen_id, chosen_type = content_choice(query.model_copy(update=given) if given else query)
        reply = await projects.SelectClipContent(api.SelectClipContentRequest(
            clip_id=clip_id, content_id=chosen_id, content_type=CONTENT_TYPES[chosen_type]))
        return SelectContentResult(message=f"Selected {chosen_type} updated successfully",
                                   clip_id=reply.clip.id,
                                   selected_image_id=opt(reply.clip, "selected_image_id"),
                                   selected_video_id=opt(reply.clip, "selected_video_id"))

    @router.post("/clips/{clip_id}/create-alternate", response_model=ClipPublic)
    async def create_clip_alternate(clip_id: str, projects: ProjectsStub,
                                    settings: SettingsDep) -> ClipPublic:
        reply = await projects.CreateClipAlternate(api.CreateClipAlternateRequest(clip_id=clip_id))
        return clip_public(reply.clip, settings.public_base_url)

    return router
