"""Persistence of clips and their galleries: collections `clips` and `gallery_items`.

Every clip write is a compare-and-set on the clip's `revision`, retried a bounded number of times, so
concurrent writers (gallery adds, selection, prompts, character) never lose each other's changes. Gallery
entries are documents of their own, keyed by content id, which makes adds idempotent and append-only.
"""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, fields
from typing import Any

from storyboard_common.errors import AbortedError
from storyboard_common.store import ASC, DESC, Doc, Store

from projects_service.domain import Clip, GeneratedContent, LoraRef
from projects_service.repository import LIVE, from_doc

MAX_WRITE_ATTEMPTS = 50
CLIP_FIELDS = tuple(f.name for f in fields(Clip) if not f.name.startswith("generated_"))
CLIP_ORDER = [("order", ASC), ("timeline_position", ASC), ("created_at", ASC)]
# A clip change: the fields to set for the clip as read, or None when there is nothing to write.
ClipChange = Callable[[Clip], Mapping[str, Any] | None]


def _clip(doc: Doc) -> Clip:
    return Clip(**{k: doc[k] for k in CLIP_FIELDS if k in doc})


def _clip_doc(clip: Clip) -> Doc:
    return {k: getattr(clip, k) for k in CLIP_FIELDS}


def _content(doc: Doc) -> GeneratedContent:
    content = from_doc(GeneratedContent, doc)
    loras = tuple(LoraRef(**lora) for lora in doc.get("loras", ()))
    return GeneratedContent(**{**content.__dict__, "loras": loras})


class ClipRepository:
    def __init__(self, store: Store):
        self._clips = store.collection("clips")

    async def ensure_indexes(self) -> None:
        await self._clips.ensure_index(["scene_id", "order", "timeline_position"])
        await self._clips.ensure_index(["project_id"])
        await self._clips.ensure_index(["character_id"])
        # (root, n) is unique, so two concurrent alternates of one root cannot take the same number.
        await self._clips.ensure_index(["parent_clip_id", "alternate_number"], unique=True)

    async def add(self, clip: Clip) -> Clip:
        """AlreadyExistsError when an alternate's (root, number) is taken."""
        await self._clips.insert(_clip_doc(clip))
        return clip

    async def add_many(self, clips: list[Clip]) -> None:
        if clips:
            await self._clips.insert_many([_clip_doc(c) for c in clips])

    async def get(self, clip_id: str) -> Clip | None:
        doc = await self._clips.get(clip_id)
        return _clip(doc) if doc is not None and not doc.get("deleting") else None

    async def list_for_scene(self, scene_id: str, limit: int | None = None, offset: int = 0) -> list[Clip]:
        """Live clips of a scene by (order, timeline_position, created_at, id)."""
        docs = await self._clips.find({"scene_id": scene_id, **LIVE}, order_by=CLIP_ORDER, limit=limit,
                                      offset=offset)
        return [_clip(d) for d in docs]

    async def count_for_scene(self, scene_id: str) -> int:
        return await self._clips.count({"scene_id": scene_id, **LIVE})

    async def list_for_project(self, project_id: str, main_only: bool = False) -> list[Clip]:
        """Every live clip of a project, in no particular order."""
        where: dict[str, Any] = {"project_id": project_id, **LIVE}
        if main_only:
            where["is_alternate"] = False
        return [_clip(d) for d in await self._clips.find(where, limit=None)]

    async def alternates_of(self, root_id: str) -> list[Clip]:
        return [_clip(d) for d in await self._clips.find({"parent_clip_id": root_id}, limit=None)]

    async def last_alternate_number(self, root_id: str) -> int:
        docs = await self._clips.find({"parent_clip_id": root_id}, order_by=[("alternate_number", DESC)],
                                      limit=1)
        return int(docs[0]["alternate_number"]) if docs else 0

    async def ids_for_scenes(self, scene_ids: list[str]) -> list[str]:
        if not scene_ids:
            return []
        return [d["id"] for d in await self._clips.find({"scene_id": scene_ids}, limit=None)]

    async def ids_with_character(self, character_id: str) -> list[str]:
        return [d["id"] for d in await self._clips.find({"character_id": character_id, **LIVE}, limit=None)]

    async def update_with(self, clip_id: str, change: ClipChange) -> Clip | None:
        """Reads the clip, asks `change` what to set, and writes it if the revision is still the one read.

        Lost races are retried (bounded, with a little jitter). `change` may raise a DomainError to refuse.
        None when the clip is absent or being deleted.
        """
        for attempt in range(MAX_WRITE_ATTEMPTS):
            clip = await self.get(clip_id)
            if clip is None:
                return None
            changes = change(clip)
            if not changes:
                return clip
            doc = await self._clips.update_if(clip_id, {"revision": clip.revision, **LIVE},
                                              {**changes, "revision": clip.revision + 1})
            if doc is not None:
                return _clip(doc)
            await asyncio.sleep(random.uniform(0, 0.001 * min(attempt + 1, 10)))
        raise AbortedError("The clip is being changed by others; retry", metadata={"clip_id": clip_id})

    async def next_gallery_seq(self, clip_id: str) -> int | None:
        """A number that orders this clip's gallery entries by insertion, taken atomically."""
        doc = await self._clips.increment(clip_id, "gallery_seq")
        return int(doc["gallery_seq"]) if doc is not None else None

    async def mark_deleting(self, clip_id: str) -> Clip | None:
        doc = await self._clips.update_if(clip_id, LIVE, {"deleting": True})
        return _clip(doc) if doc else None

    async def deleting(self) -> list[Clip]:
        return [_clip(d) for d in await self._clips.find({"deleting": True}, limit=None)]

    async def remove(self, clip_ids: list[str]) -> int:
        return await self._clips.delete_many({"id": clip_ids}) if clip_ids else 0

    async def remove_for_scenes(self, scene_ids: list[str]) -> int:
        return await self._clips.delete_many({"scene_id": scene_ids}) if scene_ids else 0

    async def remove_for_project(self, project_id: str) -> int:
        return await self._clips.delete_many({"project_id": project_id})


class GalleryRepository:
    """Gallery entries: one document per content id, with its clip, project and insertion number."""

    def __init__(self, store: Store):
        self._items = store.collection("gallery_items")

    async def ensure_indexes(self) -> None:
        await self._items.ensure_index(["clip_id", "seq"])
        await self._items.ensure_index(["project_id"])

    async def add(self, clip: Clip, content: GeneratedContent, seq: int) -> None:
        """AlreadyExistsError when the content id is taken (by this clip or another)."""
        doc = {**asdict(content), "clip_id": clip.id, "project_id": clip.project_id, "seq": seq}
        await self._items.insert(doc)

    async def get(self, content_id: str) -> tuple[str, GeneratedContent] | None:
        """(clip id, entry) of a content id."""
        doc = await self._items.get(content_id)
        return (doc["clip_id"], _content(doc)) if doc else None

    async def list_for_clip(self, clip_id: str) -> list[GeneratedContent]:
        """Oldest first."""
        return [_content(d) for d in await self._items.find({"clip_id": clip_id}, order_by=[("seq", ASC)],
                                                             limit=None)]

    async def by_clip(self, clip_ids: Iterable[str] | None = None,
                      project_id: str | None = None) -> dict[str, list[GeneratedContent]]:
        """Entries grouped by clip, oldest first, for some clips or for a whole project, in one query."""
        where: dict[str, Any] = {"project_id": project_id}
        if not project_id:
            where = {"clip_id": list(clip_ids or ())}
        grouped: dict[str, list[GeneratedContent]] = defaultdict(list)
        for doc in await self._items.find(where, order_by=[("seq", ASC)], limit=None):
            grouped[doc["clip_id"]].append(_content(doc))
        return grouped

    async def media_refs_for_project(self, project_id: str) -> list[tuple[str | None, str, str | None]]:
        """(media_id, url, thumbnail_url) of every entry of a project."""
        docs = await self._items.find({"project_id": project_id}, limit=None)
        return [(d.get("media_id"), d["url"], d.get("thumbnail_url")) for d in docs]

    async def remove_for_clips(self, clip_ids: list[str]) -> int:
        return await self._items.delete_many({"clip_id": clip_ids}) if clip_ids else 0

    async def remove_for_project(self, project_id: str) -> int:
        return await self._items.delete_many({"project_id": project_id})
