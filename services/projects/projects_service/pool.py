"""The generation pool: images and videos kept at project level, to be reused on clips.

Rules: field limits, media URLs checked on write, parents verified, tag filters that match any tag, and the
pool item -> gallery entry conversion (REST contract 1.8, 2.8, 3.5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyboard_common.errors import InvalidArgumentError, NotFoundError, require_found
from storyboard_common.media_urls import check_media_url
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock
from storyboard_common.updates import masked_values

from projects_service.field_checks import check_choice, check_count, check_length, check_required

if TYPE_CHECKING:
    from projects_service.pool_repository import PoolRepository
    from projects_service.ports import ClipAccess, ProjectLookup

DEFAULT_PAGE_SIZE = 500
CONTENT_TYPES = ("image", "video")
SOURCE_TYPES = ("clip_generation", "manual_upload", "batch_generation")
DEFAULT_SOURCE_TYPE = "manual_upload"
CREATE_FIELDS = ("name", "description", "content_type", "source_type", "source_clip_id", "media_url",
                 "thumbnail_url", "generation_params", "tags", "metadata")
UPDATABLE_FIELDS = ("name", "description", "tags")
# Fields of a pool item that an update never changes: named in a mask, they are ignored.
IGNORED_ON_UPDATE = ("id", "project_id", "content_type", "source_type", "source_clip_id", "media_url",
                     "thumbnail_url", "generation_params", "metadata", "create_time", "update_time")
POOL_SERVER_ID, POOL_SERVER_NAME = "pool", "Generation pool"
MAX_SEED = 9007199254740991


@dataclass(frozen=True)
class PoolItem:
    id: str
    project_id: str
    name: str
    content_type: str
    media_url: str
    created_at: float
    updated_at: float
    description: str = ""
    source_type: str = DEFAULT_SOURCE_TYPE
    source_clip_id: str | None = None
    thumbnail_url: str | None = None
    generation_params: dict[str, Any] | None = None
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True)
class PoolGalleryEntry:
    """What a pool item becomes in a clip gallery (contract 3.5); ClipService makes it a GeneratedContent."""

    id: str
    content_type: str
    url: str
    thumbnail_url: str | None
    prompt: str
    negative_prompt: str
    model_name: str
    seed: int | None
    generation_params: dict[str, Any]
    created_at: float
    server_id: str = POOL_SERVER_ID
    server_name: str = POOL_SERVER_NAME
    source: str = "pool"


def _text(params: Mapping[str, Any], key: str) -> str:
    value = params.get(key)
    return value if isinstance(value, str) else ""


def _seed(params: Mapping[str, Any]) -> int | None:
    value = params.get("seed")
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        return None
    return int(value) if 0 <= value <= MAX_SEED else None


def gallery_entry(item: PoolItem, content_id: str, now: float) -> PoolGalleryEntry:
    params = dict(item.generation_params or {})
    return PoolGalleryEntry(
        id=content_id, content_type=item.content_type, url=item.media_url, thumbnail_url=item.thumbnail_url,
        prompt=_text(params, "prompt"), negative_prompt=_text(params, "negative_prompt"),
        model_name=_text(params, "model") or "unknown", seed=_seed(params), generation_params=params,
        created_at=now,
    )


def normalized(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Checks the fields present in `changes` and applies the stored defaults."""
    out = dict(changes)
    if "name" in out:
        check_length("name", out["name"], 200, minimum=1)
    check_length("description", out.get("description"), 2000)
    if "content_type" in out:
        check_choice("content_type", out["content_type"], CONTENT_TYPES)
    if "source_type" in out:
        out["source_type"] = out["source_type"] or DEFAULT_SOURCE_TYPE
        check_choice("source_type", out["source_type"], SOURCE_TYPES)
    if "source_clip_id" in out:
        out["source_clip_id"] = out["source_clip_id"] or None
    if "media_url" in out:
        check_media_url("media_url", out["media_url"])
    if "thumbnail_url" in out:
        out["thumbnail_url"] = check_media_url("thumbnail_url", out["thumbnail_url"] or None)
    if "tags" in out:
        out["tags"] = list(out["tags"] or [])
        check_count("tags", out["tags"], 50)
        for tag in out["tags"]:
            check_length("tags", tag, 100)
    return out


def matches_any_tag(item: PoolItem, tags: Sequence[str]) -> bool:
    return not tags or any(tag in item.tags for tag in tags)


class PoolService:
    def __init__(self, repository: PoolRepository, projects: ProjectLookup, clips: ClipAccess, clock: Clock,
                 new_id: Callable[[], str]):
        self._items = repository
        self._projects = projects
        self._clips = clips
        self._clock = clock
        self._new_id = new_id

    async def create(self, project_id: str, fields: Mapping[str, Any]) -> PoolItem:
        values = normalized({k: v for k, v in fields.items() if k in CREATE_FIELDS})
        check_required(values, "name", "content_type", "media_url")
        await self._projects.get(project_id)  # NOT_FOUND (Project) when missing
        if values.get("source_clip_id"):
            await self._clips.get(values["source_clip_id"])  # NOT_FOUND (Clip) when missing
        now = self._clock()
        item = PoolItem(id=self._new_id(), project_id=project_id, created_at=now, updated_at=now, **values)
        await self._items.add(item)
        return item

    async def get(self, item_id: str) -> PoolItem:
        return require_found(await self._items.get(item_id), "Pool Item", item_id)

    async def list(self, project_id: str, content_type: str, tags: Sequence[str], requested_size: int,
                   page_token: str, offset: int) -> Page[PoolItem]:
        """Newest first; `tags` keeps items carrying at least one of them."""
        if content_type:
            check_choice("content_type", content_type, CONTENT_TYPES)
        tags = sorted({t for t in tags if t})

        async def items_of_project(size: int, start: int) -> tuple[list[PoolItem], int]:
            await self._projects.get(project_id)  # NOT_FOUND (Project) when missing
            if not tags:
                return await self._items.page(project_id, content_type or None, size, start)
            # The store filters by equality only: the any-tag match runs here over the project's items.
            matching = [i for i in await self._items.all_newest_first(project_id, content_type or None)
                        if matches_any_tag(i, tags)]
            return matching[start:start + size], len(matching)

        query = {"list": "pool", "project_id": project_id, "content_type": content_type, "tags": tags}
        return await fetch_page(query, requested_size, page_token, offset, items_of_project,
                                default=DEFAULT_PAGE_SIZE)

    async def update(self, item_id: str, values: Mapping[str, Any], paths: Iterable[str]) -> PoolItem:
        """Sets the name, description or tags, as `paths` names them."""
        changes = normalized(masked_values(values, paths, UPDATABLE_FIELDS, IGNORED_ON_UPDATE))
        updated = await self._items.update(item_id, {**changes, "updated_at": self._clock()})
        return require_found(updated, "Pool Item", item_id)

    async def delete(self, item_id: str) -> None:
        if not await self._items.delete(item_id):
            raise NotFoundError.of("Pool Item", item_id)

    async def apply_to_clip(self, item_id: str, clip_id: str) -> tuple[Any, Any]:
        """Adds the item to the clip's gallery as a new entry; (entry as stored, clip after the add)."""
        item = await self.get(item_id)
        clip = await self._clips.get(clip_id)
        if clip.project_id != item.project_id:
            raise InvalidArgumentError("Pool item and clip belong to different projects",
                                       metadata={"pool_item_id": item_id, "clip_id": clip_id})
        entry = gallery_entry(item, self._new_id(), self._clock())
        return await self._clips.add_pool_entry(clip_id, entry)
