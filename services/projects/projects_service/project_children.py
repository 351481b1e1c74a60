"""The project delete cascade's view of characters and pool items: remove them, report their media ids."""

from __future__ import annotations

from projects_service.characters_repository import CharacterRepository
from projects_service.deletion import RemovedChildren, media_ids_of
from projects_service.pool_repository import PoolRepository


class CharacterChildren:
    def __init__(self, repository: CharacterRepository):
        self._repository = repository

    async def remove_for_project(self, project_id: str) -> RemovedChildren:
        removed = await self._repository.delete_for_project(project_id)
        refs = [ref for c in removed for ref in (c.face_image, *c.reference_images)]
        return RemovedChildren("characters", len(removed), frozenset(media_ids_of(refs)))


class PoolChildren:
    def __init__(self, repository: PoolRepository):
        self._repository = repository

    async def remove_for_project(self, project_id: str) -> RemovedChildren:
        removed = await self._repository.delete_for_project(project_id)
        refs = [ref for item in removed for ref in (item.media_url, item.thumbnail_url)]
        return RemovedChildren("pool_items", len(removed), frozenset(media_ids_of(refs)))
