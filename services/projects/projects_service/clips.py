"""Clips (rest-contract 1.5, 2.3, 3.1, 3.2): create, read, list, update, move with the overlap rule,
alternates and prompts. Every clip write is a compare-and-set on the clip's revision (see clip_repository).

Also the clip side of the other areas: `get`, `clear_character`, `set_prompts_and_character` and
`add_pool_entry` (characters and the generation pool call these).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from storyboard_common.errors import (
    AbortedError,
    AlreadyExistsError,
    FailedPreconditionError,
    InvalidArgumentError,
    require_found,
)
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock
from storyboard_common.updates import update_paths

from projects_service.clip_repository import ClipRepository, GalleryRepository
from projects_service.domain import Clip, GeneratedContent, LoraRef, alternate_name
from projects_service.field_checks import check_length, check_number, check_required
from projects_service.gallery import GalleryService, with_gallery
from projects_service.repository import ProjectRepository, SceneRepository
from projects_service.timeline import (
    MAX_POSITION,
    Summary,
    clip_order_key,
    find_conflict,
    r2,
    scene_order_key,
    summarize,
)

PAGE_SIZE = 1000
MAX_LENGTH = 10000.0
DEFAULT_LENGTH = 5.0
WRITABLE = ("name", "lyrics", "length", "timeline_position", "order", "image_prompt", "video_prompt",
            "character_id")
OUTPUT_ONLY = ("id", "scene_id", "project_id", "parent_clip_id", "alternate_number", "is_alternate",
               "generated_images", "generated_videos", "selected_image_id", "selected_video_id",
               "create_time", "update_time")
ALTERNATE_ATTEMPTS = 20


class HasProjectId(Protocol):
    project_id: str


class CharacterDirectory(Protocol):
    """Where clips look up the character they name (the characters repository)."""

    async def get(self, character_id: str) -> HasProjectId | None: ...


class PromptsChange(Protocol):
    image_prompt: str
    video_prompt: str


def checked(values: Mapping[str, Any]) -> dict[str, Any]:
    """The writable fields present in `values`, checked and normalised: positions to 2 dp, and "" clears
    the character."""
    out = dict(values)
    if "name" in out:
        check_length("name", out["name"] or "", 200, minimum=1)
    for name, limit in (("lyrics", 5000), ("image_prompt", 10000), ("video_prompt", 10000)):
        if name in out:
            out[name] = out[name] or ""
            check_length(name, out[name], limit)
    if "length" in out:
        check_number("length", out["length"], 0, MAX_LENGTH, exclusive_minimum=True)
    if "timeline_position" in out:
        check_number("timeline_position", out["timeline_position"], 0, MAX_POSITION)
        out["timeline_position"] = r2(out["timeline_position"])
    if "order" in out:
        check_number("order", out["order"], 0, 2**31 - 1)
    if "character_id" in out:
        out["character_id"] = out["character_id"] or None
    return out


class ClipService:
    def __init__(self, clips: ClipRepository, gallery: GalleryRepository, gallery_service: GalleryService,
                 scenes: SceneRepository, projects: ProjectRepository, characters: CharacterDirectory | None,
                 clock: Clock, new_id: Callable[[], str]):
        self._clips = clips
        self._gallery = gallery
        self._gallery_service = gallery_service
        self._scenes = scenes
        self._projects = projects
        self._characters = characters
        self._clock = clock
        self._new_id = new_id

    async def _bare(self, clip_id: str) -> Clip:
        return require_found(await self._clips.get(clip_id), "Clip", clip_id)

    async def _with_galleries(self, clips: list[Clip]) -> list[Clip]:
        with_entries = [c.id for c in clips if c.gallery_seq]  # never-used galleries need no query
        if not with_entries:
            return clips
        galleries = await self._gallery.by_clip(clip_ids=with_entries)
        return [with_gallery(c, galleries[c.id]) if c.id in galleries else c for c in clips]

    async def _check_character(self, character_id: str | None, project_id: str) -> None:
        if character_id is None:
            return
        character = require_found(await self._characters.get(character_id) if self._characters else None,
                                  "Character", character_id)
        if character.project_id != project_id:
            raise InvalidArgumentError("Character belongs to a different project",
                                       metadata={"character_id": character_id})

    async def modify(self, clip_id: str, change: Callable[[Clip], Mapping[str, Any] | None]) -> Clip:
        """The atomic clip write every rule uses: compare-and-set on the revision, bounded retries.

        `change` gets the clip as read and returns the fields to set (None: nothing to do); `updated_at` is
        bumped when something is written.
        """
        now = self._clock()

        def stamped(clip: Clip) -> Mapping[str, Any] | None:
            changes = change(clip)
            return {**changes, "updated_at": now} if changes else None

        return require_found(await self._clips.update_with(clip_id, stamped), "Clip", clip_id)

    async def create(self, scene_id: str, values: Mapping[str, Any]) -> Clip:
        fields = {k: v for k, v in values.items() if k in WRITABLE}
        fields["length"] = fields.get("length") or DEFAULT_LENGTH  # 0 (unset in proto3) means the default
        fields = checked(fields)
        check_required(fields, "name")
        scene = require_found(await self._scenes.get(scene_id), "Scene", scene_id)
        await self._check_character(fields.get("character_id"), scene.project_id)
        now = self._clock()
        clip = Clip(id=self._new_id(), scene_id=scene.id, project_id=scene.project_id, created_at=now,
                    updated_at=now, **fields)
        return await self._clips.add(clip)

    async def get(self, clip_id: str) -> Clip:
        """The clip with its gallery; NOT_FOUND (Clip) when absent."""
        return (await self._with_galleries([await self._bare(clip_id)]))[0]

    async def list_for_scene(self, scene_id: str, requested_size: int, page_token: str) -> Page[Clip]:
        async def clips_of_scene(size: int, start: int) -> tuple[list[Clip], int]:
            require_found(await self._scenes.get(scene_id), "Scene", scene_id)
            clips = await self._clips.list_for_scene(scene_id, size, start)
            total = await self._clips.count_for_scene(scene_id) if len(clips) == size else start + len(clips)
            return await self._with_galleries(clips), total

        return await fetch_page({"list": "clips", "scene_id": scene_id}, requested_size, page_token, 0,
                                clips_of_scene, default=PAGE_SIZE)

    async def list_for_project(self, project_id: str, requested_size: int, page_token: str) -> Page[Clip]:
        """Scenes in scene order, then each scene's clips in clip order."""

        async def clips_of_project(size: int, start: int) -> tuple[list[Clip], int]:
            require_found(await self._projects.get(project_id), "Project", project_id)
            ordered = in_timeline_order(await self._scenes.list_for_project(project_id),
                                        await self._clips.list_for_project(project_id))
            return await self._with_galleries(ordered[start:start + size]), len(ordered)

        return await fetch_page({"list": "clips", "project_id": project_id}, requested_size, page_token, 0,
                                clips_of_project, default=PAGE_SIZE)

    async def update(self, clip_id: str, values: Mapping[str, Any], paths: Iterable[str]) -> Clip:
        """Sets the named fields; there is no overlap check."""
        named = update_paths(paths, WRITABLE, OUTPUT_ONLY)
        fields = checked({k: values.get(k) for k in named})
        if "character_id" in fields:
            await self._check_character(fields["character_id"], (await self._bare(clip_id)).project_id)
        if fields:
            await self.modify(clip_id, lambda clip: fields)
        return await self.get(clip_id)

    async def move(self, clip_id: str, position: float, check_overlap: bool) -> tuple[Clip, Summary]:
        """Moves a clip in its scene; with check_overlap, a clip of another family in the way is a conflict
        (FAILED_PRECONDITION, reason TIMELINE_OVERLAP) and nothing changes."""
        check_number("position", position, 0, MAX_POSITION)
        position = r2(position)
        clip = await self._bare(clip_id)
        if check_overlap:
            conflict = find_conflict(clip, position, await self._clips.list_for_scene(clip.scene_id))
            if conflict is not None:
                other = conflict.other
                suggestion = conflict.suggested_position
                raise FailedPreconditionError(conflict.message, reason="TIMELINE_OVERLAP", metadata={
                    "clip_id": clip.id, "requested_position": f"{position:.2f}",
                    "suggested_position": "" if suggestion is None else f"{suggestion:.2f}",
                    "other_clip_id": other.id, "other_clip_name": other.name,
                    "overlap_duration": f"{conflict.overlap:.2f}",
                    "other_start": f"{other.timeline_position:.2f}", "other_end": f"{other.end:.2f}"})
        moved = await self.modify(
            clip_id, lambda c: None if c.timeline_position == position else {"timeline_position": position})
        summary = summarize(await self._clips.list_for_scene(moved.scene_id))
        return (await self._with_galleries([moved]))[0], summary

    async def create_alternate(self, clip_id: str) -> Clip:
        """A new clip in the root's scene and slot, named "<root name> A<n>", with an empty gallery."""
        source = await self._bare(clip_id)
        root = source
        if (parent_id := source.parent_clip_id) is not None:
            root = require_found(await self._clips.get(parent_id), "Clip", parent_id)
        for _ in range(ALTERNATE_ATTEMPTS):
            number = await self._clips.last_alternate_number(root.id) + 1
            now = self._clock()
            alternate = Clip(
                id=self._new_id(), scene_id=root.scene_id, project_id=root.project_id,
                name=alternate_name(root.name, number), created_at=now, updated_at=now, lyrics=root.lyrics,
                length=root.length, timeline_position=root.timeline_position, order=root.order,
                image_prompt=root.image_prompt, video_prompt=root.video_prompt,
                character_id=root.character_id,
                parent_clip_id=root.id, alternate_number=number, is_alternate=True)
            try:
                return await self._clips.add(alternate)
            except AlreadyExistsError:  # another alternate took this number first
                continue
        raise AbortedError("Too many concurrent alternates; retry", metadata={"clip_id": clip_id})

    async def update_prompts(self, clip_id: str, image_prompt: str | None, video_prompt: str | None) -> Clip:
        """Sets either prompt or both; an omitted one is unchanged."""
        fields = {k: v for k, v in (("image_prompt", image_prompt), ("video_prompt", video_prompt))
                  if v is not None}
        if not fields:
            raise InvalidArgumentError("At least one of image_prompt and video_prompt is required")
        checked(fields)
        await self.modify(clip_id, lambda clip: fields)
        return await self.get(clip_id)

    # The clip side of characters and the generation pool.

    async def clear_character(self, character_id: str) -> int:
        """Unsets `character_id` on every clip that names it; returns how many clips changed."""
        cleared = 0
        for clip_id in await self._clips.ids_with_character(character_id):
            changed = await self._clips.update_with(
                clip_id, lambda c: {"character_id": None, "updated_at": self._clock()}
                if c.character_id == character_id else None)
            cleared += changed is not None and changed.character_id is None
        return cleared

    async def set_prompts_and_character(self, clip_id: str, apply: Callable[[str, str], PromptsChange],
                                        character_id: str) -> Clip:
        """One atomic write of both prompts, as `apply` rewrites them, and the character id."""

        def change(clip: Clip) -> dict[str, Any]:
            prompts = apply(clip.image_prompt, clip.video_prompt)
            return {"image_prompt": prompts.image_prompt, "video_prompt": prompts.video_prompt,
                    "character_id": character_id}

        await self.modify(clip_id, change)
        return await self.get(clip_id)

    async def add_pool_entry(self, clip_id: str, entry: Any) -> tuple[GeneratedContent, Clip]:
        """Adds a pool item's gallery entry by the gallery rule.

        Returns the entry as stored and the clip after the add."""
        loras = getattr(entry, "loras", ())
        content = GeneratedContent(
            id=entry.id, content_type=entry.content_type, url=entry.url, created_at=entry.created_at,
            thumbnail_url=entry.thumbnail_url, prompt=entry.prompt, negative_prompt=entry.negative_prompt,
            server_id=entry.server_id, server_name=entry.server_name, model_name=entry.model_name,
            generation_params=dict(entry.generation_params), loras=tuple(
                LoraRef(**lora) if isinstance(lora, Mapping) else lora for lora in loras),
            seed=entry.seed, source=entry.source)
        added = await self._gallery_service.add_content(clip_id, content)
        return added.content, added.clip


def in_timeline_order(scenes: list, clips: Iterable[Clip]) -> list[Clip]:
    """Clips of the given scenes: scenes in scene order, then each scene's clips in clip order."""
    by_scene: dict[str, list[Clip]] = defaultdict(list)
    for clip in clips:
        by_scene[clip.scene_id].append(clip)
    ordered: list[Clip] = []
    for scene in sorted(scenes, key=scene_order_key):
        ordered.extend(sorted(by_scene.get(scene.id, ()), key=clip_order_key))
    return ordered
