"""/characters routes (rest-contract 1.6)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.deps import ProjectsStub, SettingsDep
from api_gateway.mappers.characters import character_message, character_public
from api_gateway.mappers.masks import FULL_REPLACE
from api_gateway.paging import DEFAULT_LIMIT, Limit, Offset, set_list_headers
from api_gateway.schemas.characters import (
    CharacterApplied,
    CharacterCreate,
    CharacterPublic,
    CharacterReplace,
)
from api_gateway.schemas.messages import MessagePublic


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["characters"])

    @router.post("/characters", response_model=CharacterPublic)
    async def create_character(body: CharacterCreate, projects: ProjectsStub,
                               settings: SettingsDep) -> CharacterPublic:
        reply = await projects.CreateCharacter(api.CreateCharacterRequest(
            character=character_message(body, project_id=body.project_id)))
        return character_public(reply.character, settings.public_base_url)

    @router.get("/characters", response_model=list[CharacterPublic])
    async def list_characters(request: Request, response: Response, projects: ProjectsStub,
                              settings: SettingsDep, project_id: str | None = None,
                              limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> list[CharacterPublic]:
        """By name, optionally of one project; a bare array with X-Total-Count and Link."""
        reply = await projects.ListCharacters(api.ListCharactersRequest(
            project_id=project_id or "", page_size=limit, offset=offset))
        set_list_headers(request, response, reply.total_size, limit, offset)
        return [character_public(c, settings.public_base_url) for c in reply.characters]

    @router.get("/characters/{character_id}", response_model=CharacterPublic)
    async def get_character(character_id: str, projects: ProjectsStub,
                            settings: SettingsDep) -> CharacterPublic:
        reply = await projects.GetCharacter(api.GetCharacterRequest(character_id=character_id))
        return character_public(reply.character, settings.public_base_url)

    @router.put("/characters/{character_id}", response_model=CharacterPublic)
    async def replace_character(character_id: str, body: CharacterReplace, projects: ProjectsStub,
                                settings: SettingsDep) -> CharacterPublic:
        """A full replace of the writable fields; the character keeps its project."""
        reply = await projects.UpdateCharacter(api.UpdateCharacterRequest(
            character=character_message(body, character_id=character_id), update_mask=FULL_REPLACE))
        return character_public(reply.character, settings.public_base_url)

    @router.delete("/characters/{character_id}", response_model=MessagePublic)
    async def delete_character(character_id: str, projects: ProjectsStub) -> MessagePublic:
        await projects.DeleteCharacter(api.DeleteCharacterRequest(character_id=character_id))
        return MessagePublic(message="Character deleted successfully")

    @router.post("/characters/{character_id}/apply/{clip_id}", response_model=CharacterApplied)
    async def apply_character(character_id: str, clip_id: str, projects: ProjectsStub) -> CharacterApplied:
        reply = await projects.ApplyCharacterToClip(api.ApplyCharacterToClipRequest(
            character_id=character_id, clip_id=clip_id))
        return CharacterApplied(message="Character applied to clip", clip_id=clip_id,
                                character_id=character_id, image_prompt=reply.image_prompt,
                                video_prompt=reply.video_prompt)

    return router
