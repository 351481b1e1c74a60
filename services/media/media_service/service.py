"""The media library's rules for stored media: look-ups, listing, ranged reads and deletion. No grpc."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from storyboard_common.errors import InternalError, InvalidArgumentError, OutOfRangeError, require_found
from storyboard_common.pagination import next_page_token, resolve_page

from media_service.blobs import BlobStore, StoredFile
from media_service.domain import ByteRange, Media, MediaKind, Release, resolve_range
from media_service.repository import MediaRepository

log = logging.getLogger(__name__)

RELEASE_BATCH = 200


@dataclass(frozen=True)
class MediaPage:
    media: list[Media]
    next_page_token: str
    total_size: int


@dataclass
class Reading:
    """An open read of one stored file: the record, the resolved range and (unless metadata only) the file."""

    media: Media
    range: ByteRange
    _file: StoredFile | None = field(default=None, repr=False)

    async def chunks(self) -> AsyncIterator[bytes]:
        if self._file is None:
            return
        async for chunk in self._file.chunks(self.range.offset, self.range.length):
            yield chunk

    async def aclose(self) -> None:
        if self._file is not None:
            file, self._file = self._file, None
            await file.aclose()


def _non_negative(**values: int) -> None:
    for name, value in values.items():
        if value < 0:
            raise InvalidArgumentError(f"{name} must not be negative", reason="INVALID_PARAMETER")


class MediaLibrary:
    def __init__(self, repository: MediaRepository, blobs: BlobStore):
        self._repository = repository
        self._blobs = blobs

    async def get(self, media_id: str) -> Media:
        return require_found(await self._repository.get(media_id), "Media", media_id)

    async def list(self, project_id: str, kind: MediaKind | None, job_id: str, requested_size: int,
                   page_token: str, offset: int) -> MediaPage:
        filters = {"project_id": project_id, "kind": kind.value if kind else "", "job_id": job_id}
        where: dict[str, Any] = {k: v for k, v in filters.items() if v}
        query = {"list": "media", **where}
        size, start = resolve_page(requested_size, page_token, offset, query)
        media, total = await self._repository.page(where, size, start)
        return MediaPage(media, next_page_token(start, len(media), total, query), total)

    async def open_read(self, *, media_id: str | None = None, url: str | None = None, offset: int = 0,
                        length: int = 0, suffix_length: int = 0, metadata_only: bool = False) -> Reading:
        """The record and range to stream. NotFoundError for an unknown id or URL (URLs are looked up in the
        store, never joined to a path); OutOfRangeError when the range starts past the end."""
        _non_negative(offset=offset, length=length, suffix_length=suffix_length)
        if suffix_length and (offset or length):
            raise InvalidArgumentError("suffix_length excludes offset and length", reason="INVALID_PARAMETER")
        if media_id is not None:
            media = await self.get(media_id)
        else:
            media = require_found(await self._repository.get_by_url(url or ""), "Media", url or "")
        byte_range = resolve_range(media.size_bytes, offset, length, suffix_length)
        if byte_range is None:
            raise OutOfRangeError(f"Range starts past the end of the file ({media.size_bytes} bytes)",
                                  reason="RANGE_NOT_SATISFIABLE",
                                  metadata={"size_bytes": str(media.size_bytes)})
        if metadata_only:
            return Reading(media, byte_range)
        try:
            file = self._blobs.open(media.sha256)
        except FileNotFoundError:
            log.error("the stored file of media %s (sha256 %s) is missing", media.id, media.sha256)
            raise InternalError("The stored file is missing") from None
        return Reading(media, byte_range, file)

    async def delete(self, media_id: str) -> None:
        await self.remove(await self.get(media_id))

    async def remove(self, media: Media) -> Release:
        """Drops one record, and its file when no other record references the bytes."""
        async with self._blobs.locked(media.sha256):
            if not await self._repository.remove(media.id):
                return Release()
            if await self._repository.references(media.sha256):
                return Release(deleted_media_count=1)
            freed = await self._blobs.remove(media.sha256)
        return Release(1, 1 if freed else 0, freed)

    async def release_project(self, project_id: str) -> Release:
        """Drops every record tagged with the project; idempotent."""
        if not project_id:
            raise InvalidArgumentError("project_id is required")
        media = files = freed = 0
        while batch := await self._repository.tagged_with(project_id, RELEASE_BATCH):
            for item in batch:
                result = await self.remove(item)
                media, files, freed = (media + result.deleted_media_count, files + result.deleted_file_count,
                                       freed + result.freed_bytes)
        log.info("released %d media of project %s (%d files, %d bytes)", media, project_id, files, freed)
        return Release(media, files, freed)
