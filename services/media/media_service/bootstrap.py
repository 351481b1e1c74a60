"""Composition root: the one place that builds concrete objects."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

import grpc
from storyboard.projects.v1.projects_service_pb2_grpc import ProjectsServiceStub
from storyboard_common.rpc.channels import open_channel
from storyboard_common.store import Store, open_store
from storyboard_common.timestamps import system_clock

from media_service.blobs import BlobStore
from media_service.clients import GrpcProjects
from media_service.config import Settings
from media_service.repository import MediaRepository
from media_service.service import MediaLibrary
from media_service.uploads import Limits, UploadService


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Deps:
    store: Store
    projects_channel: grpc.aio.Channel
    blobs: BlobStore
    library: MediaLibrary
    uploads: UploadService

    async def aclose(self) -> None:
        await self.projects_channel.close()
        await self.store.aclose()
        await asyncio.to_thread(self.blobs.close)


async def build_deps(settings: Settings) -> Deps:
    blobs = BlobStore(settings.resolved_files_dir())
    await asyncio.to_thread(blobs.prepare)  # fails fast when the files dir is not writable
    store = await open_store(settings.resolved_store_uri())
    repository = MediaRepository(store)
    await repository.ensure_indexes()
    channel = open_channel(settings.projects_addr, settings.rpc_timeout_s)
    library = MediaLibrary(repository, blobs)
    limits = Limits.from_mb(settings.max_music_mb, settings.max_image_mb, settings.max_generated_mb,
                            settings.free_space_reserve_mb)
    uploads = UploadService(repository, blobs, library, GrpcProjects(ProjectsServiceStub(channel)), limits,
                            clock=system_clock, new_id=new_id)
    return Deps(store=store, projects_channel=channel, blobs=blobs, library=library, uploads=uploads)
