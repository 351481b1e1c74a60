"""Persistence of projects' resources on the document store."""

from __future__ import annotations

from dataclasses import asdict

from storyboard_common.store import DESC, Doc, Store

from projects_service.domain import Project


def _project(doc: Doc) -> Project:
    return Project(**{k: doc.get(k) for k in Project.__dataclass_fields__})


class ProjectRepository:
    def __init__(self, store: Store):
        self._projects = store.collection("projects")

    async def ensure_indexes(self) -> None:
        await self._projects.ensure_index(["created_at"])

    async def add(self, project: Project) -> Project:
        await self._projects.insert(asdict(project))
        return project

    async def get(self, project_id: str) -> Project | None:
        doc = await self._projects.get(project_id)
        return _project(doc) if doc else None

    async def list_newest_first(self, limit: int, offset: int) -> list[Project]:
        docs = await self._projects.find(order_by=[("created_at", DESC)], limit=limit, offset=offset)
        return [_project(d) for d in docs]

    async def count(self) -> int:
        return await self._projects.count()
