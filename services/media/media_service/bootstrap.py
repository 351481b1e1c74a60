"""Composition root: the one place that builds concrete objects."""

from __future__ import annotations

from dataclasses import dataclass

from storyboard_common.store import Store, open_store

from media_service.config import Settings
from media_service.repository import MediaRepository
from media_service.service import MediaLibrary


@dataclass
class Deps:
    store: Store
    media: MediaLibrary

    async def aclose(self) -> None:
        await self.store.aclose()


async def build_deps(settings: Settings) -> Deps:
    store = await open_store(settings.resolved_store_uri())
    repository = MediaRepository(store)
    await repository.ensure_indexes()
    return Deps(store=store, media=MediaLibrary(repository))
