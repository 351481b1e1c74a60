"""Clip galleries (rest-contract 3.5): atomic, idempotent adds, and selection of one entry per type.

An entry is its own document (keyed by content id), so concurrent adds never lose each other. The clip keeps
only the selection, written by compare-and-set: the first entry of a type becomes the selected one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from storyboard_common.errors import AlreadyExistsError, InvalidArgumentError, NotFoundError, require_found
from storyboard_common.media_urls import check_media_url
from storyboard_common.timestamps import Clock

from projects_service.clip_repository import ClipRepository, GalleryRepository
from projects_service.domain import CONTENT_TYPES, IMAGE, SOURCES, Clip, GeneratedContent, selected_field
from projects_service.field_checks import check_length, check_number

MAX_SEED = 9007199254740991
CONTENT_ID_MAX = 256


def with_gallery(clip: Clip, entries: Iterable[GeneratedContent]) -> Clip:
    """The clip with its gallery attached, split by type, oldest first."""
    images, videos = [], []
    for entry in entries:
        (images if entry.content_type == IMAGE else videos).append(entry)
    return replace(clip, generated_images=tuple(images), generated_videos=tuple(videos))


def check_content_type(content_type: str) -> None:
    if content_type not in CONTENT_TYPES:
        raise InvalidArgumentError("Invalid content type", metadata={"field": "content_type"})


def _check_entry(content: GeneratedContent) -> None:
    if not content.id:
        raise InvalidArgumentError("content id is required", metadata={"field": "id"})
    check_length("id", content.id, CONTENT_ID_MAX)
    check_content_type(content.content_type)
    if not content.url:
        raise InvalidArgumentError("url is required", metadata={"field": "url"})
    check_media_url("url", content.url)
    check_media_url("thumbnail_url", content.thumbnail_url)
    if content.seed is not None:
        check_number("seed", content.seed, 0, MAX_SEED)
    if content.source not in SOURCES:
        raise InvalidArgumentError("Invalid content source", metadata={"field": "source"})


@dataclass(frozen=True)
class AddedContent:
    content: GeneratedContent  # as stored (on a replay, the entry stored first)
    clip: Clip  # the clip after the add, with its gallery
    added: bool  # False when the content id was already in this clip's gallery

    @property
    def is_selected(self) -> bool:
        return self.clip.selected_id(self.content.content_type) == self.content.id


class GalleryService:
    def __init__(self, clips: ClipRepository, gallery: GalleryRepository, clock: Clock):
        self._clips = clips
        self._gallery = gallery
        self._clock = clock

    async def _clip(self, clip_id: str) -> Clip:
        return require_found(await self._clips.get(clip_id), "Clip", clip_id)

    async def _loaded(self, clip: Clip) -> Clip:
        return with_gallery(clip, await self._gallery.list_for_clip(clip.id))

    async def add_content(self, clip_id: str, content: GeneratedContent) -> AddedContent:
        """Appends an entry; the first of its type is selected. Idempotent by content id.

        A content id already used by another clip is ALREADY_EXISTS.
        """
        _check_entry(content)
        clip = await self._clip(clip_id)
        if (replayed := await self._replay(clip, content.id)) is not None:
            return replayed
        now = self._clock()
        content = replace(content, created_at=content.created_at or now)
        seq = require_found(await self._clips.next_gallery_seq(clip_id), "Clip", clip_id)
        try:
            await self._gallery.add(clip, content, seq)
        except AlreadyExistsError:  # a concurrent add of the same id won
            if (replayed := await self._replay(clip, content.id)) is not None:
                return replayed
            raise
        field = selected_field(content.content_type)

        def select_if_first(current: Clip) -> dict[str, object]:
            first = getattr(current, field) is None
            return {"updated_at": now, **({field: content.id} if first else {})}

        updated = require_found(await self._clips.update_with(clip_id, select_if_first), "Clip", clip_id)
        return AddedContent(content, await self._loaded(updated), added=True)

    async def _replay(self, clip: Clip, content_id: str) -> AddedContent | None:
        found = await self._gallery.get(content_id)
        if found is None:
            return None
        owner, stored = found
        if owner != clip.id:
            raise AlreadyExistsError(f"Content '{content_id}' belongs to another clip",
                                     metadata={"content_id": content_id})
        return AddedContent(stored, await self._loaded(clip), added=False)

    async def select(self, clip_id: str, content_id: str, content_type: str) -> Clip:
        """Selects one entry of the clip's gallery of that type; an id not in it is NOT_FOUND (Content)."""
        check_content_type(content_type)
        clip = await self._clip(clip_id)
        found = await self._gallery.get(content_id)
        if found is None or found[0] != clip.id or found[1].content_type != content_type:
            raise NotFoundError.of("Content", content_id)
        now = self._clock()
        field = selected_field(content_type)

        def select_it(current: Clip) -> dict[str, object] | None:
            return None if getattr(current, field) == content_id else {field: content_id, "updated_at": now}

        updated = require_found(await self._clips.update_with(clip_id, select_it), "Clip", clip_id)
        return await self._loaded(updated)

    async def gallery(self, clip_id: str) -> Clip:
        """The clip with its complete gallery and selection."""
        return await self._loaded(await self._clip(clip_id))
