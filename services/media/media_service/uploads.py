"""The upload rules (REST contract 3.7): limits while streaming, type from the bytes, decoders,
content-addressed storage, and the music track recorded on its project. No grpc.

An upload has two steps, so that a caller learns about a refusal before it sends any bytes: `open` checks the
header (kind, declared size, project, free space), and `finish` consumes the bytes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterable, Callable
from dataclasses import dataclass

from storyboard_common.errors import AlreadyExistsError, InvalidArgumentError, ResourceExhaustedError
from storyboard_common.timestamps import Clock

from media_service.blobs import BlobStore, DiskFullError, PendingBlob
from media_service.domain import Media, MediaKind, UploadHeader, media_url
from media_service.formats import ACCEPTED, IMAGE_FORMATS, Format, detect, guess
from media_service.names import sanitize_filename
from media_service.ports import ProjectRef, ProjectsPort
from media_service.probe import probe
from media_service.repository import MediaRepository
from media_service.service import MediaLibrary

log = logging.getLogger(__name__)

MIB = 1024 * 1024
_LABELS = {MediaKind.MUSIC: "Music", MediaKind.FACE: "Image", MediaKind.REFERENCE: "Image",
           MediaKind.GENERATED: "Generated"}


@dataclass(frozen=True)
class Limits:
    """Size limits per kind and the free-space reserve, in bytes."""

    music: int
    image: int
    generated: int
    reserve: int

    @classmethod
    def from_mb(cls, music: float, image: float, generated: float, reserve: float) -> Limits:
        return cls(int(music * MIB), int(image * MIB), int(generated * MIB), int(reserve * MIB))

    def for_kind(self, kind: MediaKind) -> int:
        return {MediaKind.MUSIC: self.music, MediaKind.GENERATED: self.generated}.get(kind, self.image)


@dataclass(frozen=True)
class OpenUpload:
    """An accepted header, waiting for its bytes."""

    header: UploadHeader
    kind: MediaKind
    limit: int
    project: ProjectRef | None


def too_large(kind: MediaKind, limit: int) -> InvalidArgumentError:
    message = f"{_LABELS[kind]} file size exceeds maximum allowed size of {limit / MIB:.1f}MB"
    return InvalidArgumentError(message, reason="FILE_TOO_LARGE", metadata={"max_size_bytes": str(limit)})


def wrong_type(kind: MediaKind) -> InvalidArgumentError:
    accepted = ACCEPTED[kind]
    noun = {MediaKind.MUSIC: "music "}.get(kind, "image " if accepted == IMAGE_FORMATS else "")
    return InvalidArgumentError(f"Invalid {noun}file type. Allowed types: {', '.join(accepted)}",
                                reason="INVALID_FILE_TYPE")


class UploadService:
    def __init__(self, repository: MediaRepository, blobs: BlobStore, library: MediaLibrary,
                 projects: ProjectsPort, limits: Limits, clock: Clock, new_id: Callable[[], str]):
        self._repository = repository
        self._blobs = blobs
        self._library = library
        self._projects = projects
        self._limits = limits
        self._clock = clock
        self._new_id = new_id

    async def open(self, header: UploadHeader) -> OpenUpload:
        if header.kind is None:
            raise InvalidArgumentError("kind is required")
        limit = self._limits.for_kind(header.kind)
        if header.declared_size_bytes is not None and header.declared_size_bytes > limit:
            raise too_large(header.kind, limit)
        if header.kind == MediaKind.MUSIC and not header.project_id:
            raise InvalidArgumentError("project_id is required for music")
        project = await self._projects.get(header.project_id) if header.project_id else None
        self._check_free_space(limit)
        return OpenUpload(header, header.kind, limit, project)

    async def finish(self, upload: OpenUpload, chunks: AsyncIterable[bytes | memoryview]) -> Media:
        """Streams the bytes to a temporary file, validates them, and stores them; nothing stays behind on
        failure (including the caller going away)."""
        async with self._blobs.pending() as blob:
            try:
                fmt = await self._receive(upload, chunks, blob)
            except DiskFullError:
                raise self._storage_error(upload.limit) from None
            facts = await asyncio.to_thread(probe, blob.path, fmt)
            header = upload.header
            existing = header.job_id and await self._repository.find_job_output(header.job_id, blob.sha256)
            if existing:
                return existing  # a rerun ingestion of the same output
            media_id = self._new_id()
            media = Media(
                id=media_id, kind=upload.kind, content_type=fmt.content_type, size_bytes=blob.size,
                sha256=blob.sha256, url=media_url(upload.kind, media_id, fmt.extension),
                original_filename=sanitize_filename(header.original_filename), created_at=self._clock(),
                width=facts.width, height=facts.height, duration=facts.duration, project_id=header.project_id,
                clip_id=header.clip_id, job_id=header.job_id, provenance=header.provenance)
            stored = await self._store(blob, media, upload.limit)
        if stored.kind == MediaKind.MUSIC and stored is media:
            await self._record_music(upload, media)
        return stored

    async def _receive(self, upload: OpenUpload, chunks: AsyncIterable[bytes | memoryview],
                       blob: PendingBlob) -> Format:
        async for chunk in chunks:
            if blob.size + len(chunk) > upload.limit:
                raise too_large(upload.kind, upload.limit)
            await blob.write(chunk)
        if blob.size == 0:
            raise InvalidArgumentError("Empty file", reason="EMPTY_FILE")
        fmt = detect(blob.head, upload.kind)
        declared = upload.header.declared_content_type
        if fmt is None:
            log.info("refused a %s upload: the bytes look like %s (declared %r)", upload.kind.value,
                     guess(blob.head) or "nothing known", declared)
            raise wrong_type(upload.kind)
        if declared and declared.split(";")[0].strip().lower() != fmt.content_type:
            log.info("declared type %r differs from the detected %s; the detected type is kept", declared,
                     fmt.content_type)
        await blob.finish()
        return fmt

    async def _store(self, blob: PendingBlob, media: Media, limit: int) -> Media:
        """The file into place, then the record that references it, under the sha256's lock."""
        async with self._blobs.locked(media.sha256):
            try:
                await self._blobs.commit(blob)
            except DiskFullError:
                raise self._storage_error(limit) from None
            try:
                return await self._repository.add(media)
            except AlreadyExistsError:
                if media.job_id and (existing := await self._repository.find_job_output(media.job_id,
                                                                                        media.sha256)):
                    return existing  # a concurrent ingestion of the same output won
                raise

    async def _record_music(self, upload: OpenUpload, media: Media) -> None:
        """Points the project at the new track, then deletes the track it replaced."""
        assert upload.project is not None and media.duration is not None
        try:
            await self._projects.set_music(upload.project.id, media.url, media.duration, media.id)
        except BaseException:  # the track never became the project's (including a cancelled call): drop it
            await asyncio.shield(self._library.remove(media))
            raise
        previous = upload.project.music_media_id
        if previous and previous != media.id and (old := await self._repository.get(previous)):
            await self._library.remove(old)

    def _check_free_space(self, limit: int) -> None:
        if self._blobs.free_bytes() < limit + self._limits.reserve:
            raise self._storage_error(limit)

    def _storage_error(self, limit: int) -> ResourceExhaustedError:
        required, available = (limit + self._limits.reserve) / MIB, self._blobs.free_bytes() / MIB
        return ResourceExhaustedError(
            f"Insufficient storage space. Required: {required:.1f}MB, available: {available:.1f}MB",
            reason="INSUFFICIENT_STORAGE",
            metadata={"required_mb": f"{required:.1f}", "available_mb": f"{available:.1f}"})
