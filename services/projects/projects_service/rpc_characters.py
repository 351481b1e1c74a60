"""ProjectsService RPCs of characters: translate only."""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2 as api

from projects_service.mappers import clip_to_proto
from projects_service.mappers_assets import character_to_proto, character_values
from projects_service.rpc_base import AreaRpcs, Context


class CharacterRpcs(AreaRpcs):
    async def CreateCharacter(self, request: api.CreateCharacterRequest,
                              context: Context) -> api.CreateCharacterResponse:
        c = request.character
        character = await self._deps.characters.create(c.project_id, character_values(c))
        return api.CreateCharacterResponse(character=character_to_proto(character))

    async def GetCharacter(self, request: api.GetCharacterRequest,
                           context: Context) -> api.GetCharacterResponse:
        character = await self._deps.characters.get(request.character_id)
        return api.GetCharacterResponse(character=character_to_proto(character))

    async def ListCharacters(self, request: api.ListCharactersRequest,
                             context: Context) -> api.ListCharactersResponse:
        page = await self._deps.characters.list(request.project_id, request.page_size, request.page_token,
                                                request.offset)
        return api.ListCharactersResponse(characters=[character_to_proto(c) for c in page.items],
                                          next_page_token=page.next_page_token, total_size=page.total_size)

    async def UpdateCharacter(self, request: api.UpdateCharacterRequest,
                              context: Context) -> api.UpdateCharacterResponse:
        c = request.character
        character = await self._deps.characters.update(c.id, character_values(c), request.update_mask.paths)
        return api.UpdateCharacterResponse(character=character_to_proto(character))

    async def DeleteCharacter(self, request: api.DeleteCharacterRequest,
                              context: Context) -> api.DeleteCharacterResponse:
        cleared = await self._deps.characters.delete(request.character_id)
        return api.DeleteCharacterResponse(cleared_clips=cleared)

    async def ApplyCharacterToClip(self, request: api.ApplyCharacterToClipRequest,
                                   context: Context) -> api.ApplyCharacterToClipResponse:
        clip = await self._deps.characters.apply_to_clip(request.character_id, request.clip_id)
        return api.ApplyCharacterToClipResponse(clip=clip_to_proto(clip), image_prompt=clip.image_prompt,
                                                video_prompt=clip.video_prompt)
