"""Persistence of characters: collection `characters`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from storyboard_common.store import ASC, Doc, Store

from projects_service.characters import Character
from projects_service.repository import from_doc

ORDER = [("name", ASC)]


def _character(doc: Doc) -> Character:
    return from_doc(Character, doc)


class CharacterRepository:
    def __init__(self, store: Store):
        self._characters = store.collection("characters")

    async def ensure_indexes(self) -> None:
        await self._characters.ensure_index(["name"])
        await self._characters.ensure_index(["project_id", "name"])

    async def add(self, character: Character) -> None:
        await self._characters.insert(asdict(character))

    async def get(self, character_id: str) -> Character | None:
        doc = await self._characters.get(character_id)
        return _character(doc) if doc else None

    async def page(self, project_id: str | None, limit: int, offset: int) -> tuple[list[Character], int]:
        where = {"project_id": project_id} if project_id else {}
        docs = await self._characters.find(where, order_by=ORDER, limit=limit, offset=offset)
        return [_character(d) for d in docs], await self._characters.count(where)

    async def update(self, character_id: str, changes: Mapping[str, Any]) -> Character | None:
        doc = await self._characters.update(character_id, changes)
        return _character(doc) if doc else None

    async def delete(self, character_id: str) -> bool:
        return await self._characters.delete(character_id)

    async def delete_for_project(self, project_id: str) -> list[Character]:
        """Removes every character of a project (the project delete cascade); returns what was removed."""
        where = {"project_id": project_id}
        removed = [_character(d) for d in await self._characters.find(where, limit=None)]
        await self._characters.delete_many(where)
        return removed
