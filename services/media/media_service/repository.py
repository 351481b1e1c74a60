"""Media records on the document store: the only module that knows the collection and its shape."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from storyboard_common.store import ASC, Doc, Store

from media_service.domain import Media, MediaKind


def _media(doc: Doc) -> Media:
    fields = {k: doc.get(k) for k in Media.__dataclass_fields__}
    fields["kind"] = MediaKind(doc["kind"])
    fields["provenance"] = doc.get("provenance") or {}
    fields["original_filename"] = doc.get("original_filename") or ""
    return Media(**fields)


def _doc(media: Media) -> Doc:
    doc = asdict(media)
    doc["kind"] = media.kind.value
    doc["provenance"] = media.provenance or None  # an empty object is not stored
    return doc


class MediaRepository:
    def __init__(self, store: Store):
        self._items = store.collection("media")

    async def ensure_indexes(self) -> None:
        await self._items.ensure_index(["url"], unique=True)
        await self._items.ensure_index(["sha256"])
        await self._items.ensure_index(["project_id", "created_at"])
        await self._items.ensure_index(["job_id", "sha256"], unique=True)  # one record per output of a job
        await self._items.ensure_index(["created_at"])

    async def add(self, media: Media) -> Media:
        await self._items.insert(_doc(media))
        return media

    async def get(self, media_id: str) -> Media | None:
        doc = await self._items.get(media_id)
        return _media(doc) if doc else None

    async def get_by_url(self, url: str) -> Media | None:
        docs = await self._items.find({"url": url}, limit=1)
        return _media(docs[0]) if docs else None

    async def find_job_output(self, job_id: str, sha256: str) -> Media | None:
        docs = await self._items.find({"job_id": job_id, "sha256": sha256}, order_by=[("created_at", ASC)],
                                      limit=1)
        return _media(docs[0]) if docs else None

    async def references(self, sha256: str) -> int:
        return await self._items.count({"sha256": sha256})

    async def page(self, where: dict[str, Any], limit: int, offset: int) -> tuple[list[Media], int]:
        """Oldest first (then by id), with the total matching the filter."""
        docs = await self._items.find(where, order_by=[("created_at", ASC)], limit=limit, offset=offset)
        return [_media(d) for d in docs], await self._items.count(where)

    async def tagged_with(self, project_id: str, limit: int) -> list[Media]:
        docs = await self._items.find({"project_id": project_id}, order_by=[("created_at", ASC)], limit=limit)
        return [_media(d) for d in docs]

    async def remove(self, media_id: str) -> bool:
        return await self._items.delete(media_id)
