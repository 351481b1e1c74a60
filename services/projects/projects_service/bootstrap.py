"""Composition root: the one place that builds concrete objects."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from storyboard_common.store import Store, open_store
from storyboard_common.timestamps import system_clock

from projects_service.characters import CharacterService
from projects_service.characters_repository import CharacterRepository
from projects_service.clip_repository import ClipRepository, GalleryRepository
from projects_service.clips import ClipService
from projects_service.config import Settings
from projects_service.deletion import Deleter
from projects_service.export.service import ExportService
from projects_service.gallery import GalleryService
from projects_service.pool import PoolService
from projects_service.pool_repository import PoolRepository
from projects_service.project_children import CharacterChildren, PoolChildren
from projects_service.repository import ProjectRepository, SceneRepository
from projects_service.scenes import SceneService
from projects_service.service import ProjectService
from projects_service.style_templates import StyleTemplateService
from projects_service.style_templates_repository import StyleTemplateRepository


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Repositories:
    projects: ProjectRepository
    scenes: SceneRepository
    clips: ClipRepository
    gallery: GalleryRepository
    characters: CharacterRepository
    pool: PoolRepository
    style_templates: StyleTemplateRepository

    @classmethod
    async def open(cls, store: Store) -> Repositories:
        repos = cls(ProjectRepository(store), SceneRepository(store), ClipRepository(store),
                    GalleryRepository(store), CharacterRepository(store), PoolRepository(store),
                    StyleTemplateRepository(store))
        for repo in vars(repos).values():
            await repo.ensure_indexes()
        return repos


@dataclass
class Deps:
    store: Store
    repositories: Repositories
    projects: ProjectService
    scenes: SceneService
    clips: ClipService
    gallery: GalleryService
    deleter: Deleter
    characters: CharacterService
    style_templates: StyleTemplateService
    pool: PoolService
    exports: ExportService

    async def aclose(self) -> None:
        await self.store.aclose()


async def build_deps(settings: Settings) -> Deps:
    store = await open_store(settings.resolved_store_uri())
    try:
        r = await Repositories.open(store)
        gallery = GalleryService(r.clips, r.gallery, clock=system_clock)
        projects = ProjectService(r.projects, clock=system_clock, new_id=new_id, scenes=r.scenes, clips=r.clips,
                                  gallery=r.gallery)
        clips = ClipService(r.clips, r.gallery, gallery, r.scenes, r.projects, characters=r.characters,
                            clock=system_clock, new_id=new_id)
        deps = Deps(
            store=store, repositories=r,
            projects=projects,
            scenes=SceneService(r.scenes, r.clips, r.projects, clock=system_clock, new_id=new_id),
            clips=clips,
            gallery=gallery,
            deleter=Deleter(r.projects, r.scenes, r.clips, r.gallery,
                            children=[CharacterChildren(r.characters), PoolChildren(r.pool)]),
            characters=CharacterService(r.characters, projects, clips, clock=system_clock, new_id=new_id),
            style_templates=StyleTemplateService(r.style_templates, clock=system_clock, new_id=new_id),
            pool=PoolService(r.pool, projects, clips, clock=system_clock, new_id=new_id),
            exports=ExportService(projects.timeline, clock=system_clock),
        )
        await deps.deleter.finish_interrupted()
    except BaseException:
        await store.aclose()
        raise
    return deps
