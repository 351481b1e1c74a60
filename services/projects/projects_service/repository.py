"""Persistence of projects and scenes on the document store: collections `projects` and `scenes`.

A resource being deleted carries `deleting: true` until its children are gone; reads treat it as absent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from typing import Any, TypeVar

from storyboard_common.store import ASC, DESC, Doc, Store

from projects_service.domain import Project, Scene

T = TypeVar("T")
LIVE = {"deleting": None}  # None matches an absent field on both adapters
SCENE_ORDER = [("order", ASC), ("created_at", ASC)]


def from_doc(cls: type[T], doc: Doc) -> T:
    """The dataclass of a stored document; absent fields take their defaults, extra keys are ignored."""
    return cls(**{f.name: doc[f.name] for f in fields(cls) if f.name in doc})  # type: ignore[arg-type]


def _live(doc: Doc | None) -> Doc | None:
    return doc if doc is not None and not doc.get("deleting") else None


class ProjectRepository:
    def __init__(self, store: Store):
        self._projects = store.collection("projects")

    async def ensure_indexes(self) -> None:
        await self._projects.ensure_index(["created_at"])

    async def add(self, project: Project) -> Project:
        await self._projects.insert(asdict(project))
        return project

    async def get(self, project_id: str) -> Project | None:
        doc = _live(await self._projects.get(project_id))
        return from_doc(Project, doc) if doc else None

    async def list_newest_first(self, limit: int, offset: int) -> list[Project]:
        docs = await self._projects.find(LIVE, order_by=[("created_at", DESC)], limit=limit, offset=offset)
        return [from_doc(Project, d) for d in docs]

    async def count(self) -> int:
        return await self._projects.count(LIVE)

    async def update_fields(self, project_id: str, changes: Mapping[str, Any]) -> Project | None:
        doc = await self._projects.update_if(project_id, LIVE, changes)
        return from_doc(Project, doc) if doc else None

    async def mark_deleting(self, project_id: str) -> Project | None:
        """Starts a delete; None when the project is absent or already being deleted."""
        doc = await self._projects.update_if(project_id, LIVE, {"deleting": True})
        return from_doc(Project, doc) if doc else None

    async def deleting(self) -> list[Project]:
        return [from_doc(Project, d) for d in await self._projects.find({"deleting": True}, limit=None)]

    async def remove(self, project_id: str) -> None:
        await self._projects.delete(project_id)


class SceneRepository:
    def __init__(self, store: Store):
        self._scenes = store.collection("scenes")

    async def ensure_indexes(self) -> None:
        await self._scenes.ensure_index(["project_id", "order", "created_at"])
        # (root, n) is unique, so two concurrent alternates of one root cannot take the same number.
        await self._scenes.ensure_index(["parent_scene_id", "alternate_number"], unique=True)

    async def add(self, scene: Scene) -> Scene:
        """AlreadyExistsError when an alternate's (root, number) is taken."""
        await self._scenes.insert(asdict(scene))
        return scene

    async def get(self, scene_id: str) -> Scene | None:
        doc = _live(await self._scenes.get(scene_id))
        return from_doc(Scene, doc) if doc else None

    async def list_for_project(self, project_id: str) -> list[Scene]:
        """Every live scene of the project, alternates included, by (order, created_at, id)."""
        docs = await self._scenes.find({"project_id": project_id, **LIVE}, order_by=SCENE_ORDER, limit=None)
        return [from_doc(Scene, d) for d in docs]

    async def alternates_of(self, root_id: str) -> list[Scene]:
        docs = await self._scenes.find({"parent_scene_id": root_id}, order_by=[("alternate_number", ASC)],
                                       limit=None)
        return [from_doc(Scene, d) for d in docs]

    async def last_alternate_number(self, root_id: str) -> int:
        docs = await self._scenes.find({"parent_scene_id": root_id}, order_by=[("alternate_number", DESC)],
                                       limit=1)
        return int(docs[0]["alternate_number"]) if docs else 0

    async def update_fields(self, scene_id: str, changes: Mapping[str, Any]) -> Scene | None:
        doc = await self._scenes.update_if(scene_id, LIVE, changes)
        return from_doc(Scene, doc) if doc else None

    async def mark_deleting(self, scene_id: str) -> Scene | None:
        doc = await self._scenes.update_if(scene_id, LIVE, {"deleting": True})
        return from_doc(Scene, doc) if doc else None

    async def deleting(self) -> list[Scene]:
        return [from_doc(Scene, d) for d in await self._scenes.find({"deleting": True}, limit=None)]

    async def remove(self, scene_ids: list[str]) -> int:
        return await self._scenes.delete_many({"id": scene_ids}) if scene_ids else 0

    async def remove_for_project(self, project_id: str) -> int:
        return await self._scenes.delete_many({"project_id": project_id})
