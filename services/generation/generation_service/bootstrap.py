"""Composition root: the one place that builds concrete objects."""

from __future__ import annotations

from dataclasses import dataclass

from storyboard_common.store import Store, open_store
from storyboard_common.timestamps import system_clock

from generation_service.config import Settings
from generation_service.repository import JobRepository
from generation_service.service import JobService


@dataclass
class Deps:
    store: Store
    jobs: JobService

    async def aclose(self) -> None:
        await self.store.aclose()


async def build_deps(settings: Settings) -> Deps:
    store = await open_store(settings.resolved_store_uri())
    jobs = JobRepository(store)
    await jobs.ensure_indexes()
    return Deps(store=store, jobs=JobService(jobs, clock=system_clock))
