"""Composition root: the one place that builds concrete objects."""

from __future__ import annotations

from dataclasses import dataclass

from storyboard_common.store import Store, open_store

from comfyui_service.config import Settings
from comfyui_service.repository import ServerRepository
from comfyui_service.service import RegistryService


@dataclass
class Deps:
    store: Store
    registry: RegistryService

    async def aclose(self) -> None:
        await self.store.aclose()


async def build_deps(settings: Settings) -> Deps:
    store = await open_store(settings.resolved_store_uri())
    repository = ServerRepository(store)
    await repository.ensure_indexes()
    return Deps(store=store, registry=RegistryService(repository))
