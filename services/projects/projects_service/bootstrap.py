"""Composition root: the one place that builds concrete objects."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from storyboard_common.store import Store, open_store
from storyboard_common.timestamps import system_clock

from projects_service.config import Settings
from projects_service.repository import ProjectRepository
from projects_service.service import ProjectService


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Deps:
    store: Store
    projects: ProjectService

    async def aclose(self) -> None:
        await self.store.aclose()


async def build_deps(settings: Settings) -> Deps:
    store = await open_store(settings.resolved_store_uri())
    projects = ProjectRepository(store)
    await projects.ensure_indexes()
    return Deps(store=store, projects=ProjectService(projects, clock=system_clock, new_id=new_id))
