"""Projects' rules (rest-contract 1.3, 2.1): create, read, list, update, and the whole timeline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from storyboard_common.errors import InvalidArgumentError, require_found
from storyboard_common.media_urls import check_media_url
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock
from storyboard_common.updates import update_paths

from projects_service.clip_repository import ClipRepository, GalleryRepository
from projects_service.domain import Clip, Project, Timeline, TimelineScene
from projects_service.field_checks import check_length, check_number
from projects_service.gallery import with_gallery
from projects_service.repository import ProjectRepository, SceneRepository
from projects_service.timeline import clip_order_key, lay_out, main_clip_ends

DEFAULT_PAGE_SIZE = 500
NAME_MAX, DESCRIPTION_MAX, MUSIC_URL_MAX = 200, 2000, 1024
WRITABLE = ("name", "description", "music_file_path", "music_duration", "music_media_id")
OUTPUT_ONLY = ("id", "create_time", "update_time")


def _check_text(name: str, description: str) -> None:
    if not 1 <= len(name) <= NAME_MAX:
        raise InvalidArgumentError(f"name must be 1-{NAME_MAX} characters", metadata={"field": "name"})
    if len(description) > DESCRIPTION_MAX:
        raise InvalidArgumentError(f"description must be at most {DESCRIPTION_MAX} characters",
                                   metadata={"field": "description"})


def music_changes(current: Project, named: set[str], values: Mapping[str, Any]) -> dict[str, Any]:
    """The music fields to write: clearing the path clears all three, and a new path without a media id named
    alongside drops the old media id."""
    changes = {k: values.get(k) for k in named if k.startswith("music_")}
    if "music_file_path" in changes:
        path = changes["music_file_path"] or None
        if path is None:
            return {"music_file_path": None, "music_duration": None, "music_media_id": None}
        check_media_url("music_file_path", path, MUSIC_URL_MAX)
        if "music_media_id" not in named and path != current.music_file_path:
            changes["music_media_id"] = None
    if "music_duration" in changes:
        check_number("music_duration", changes["music_duration"], 0, 1e9)
    if "music_media_id" in changes:
        changes["music_media_id"] = changes["music_media_id"] or None
        check_length("music_media_id", changes["music_media_id"], 200)
    return changes


class ProjectService:
    def __init__(self, projects: ProjectRepository, clock: Clock, new_id: Callable[[], str],
                 scenes: SceneRepository | None = None, clips: ClipRepository | None = None,
                 gallery: GalleryRepository | None = None):
        self._projects = projects
        self._clock = clock
        self._new_id = new_id
        self._scenes = scenes
        self._clips = clips
        self._gallery = gallery

    async def create(self, name: str, description: str) -> Project:
        _check_text(name, description)
        now = self._clock()
        return await self._projects.add(
            Project(id=self._new_id(), name=name, description=description, created_at=now, updated_at=now))

    async def get(self, project_id: str) -> Project:
        return require_found(await self._projects.get(project_id), "Project", project_id)

    async def list(self, requested_size: int, page_token: str, offset: int) -> Page[Project]:
        async def newest_first(size: int, start: int) -> tuple[list[Project], int]:
            return await self._projects.list_newest_first(size, start), await self._projects.count()

        return await fetch_page({"list": "projects"}, requested_size, page_token, offset, newest_first,
                                default=DEFAULT_PAGE_SIZE)

    async def update(self, project_id: str, values: Mapping[str, Any], paths: Iterable[str]) -> Project:
        """Sets the named fields (see music_changes for the music rules)."""
        named = update_paths(paths, WRITABLE, OUTPUT_ONLY)
        current = await self.get(project_id)
        changes = music_changes(current, named, values)
        for key in ("name", "description"):
            if key in named:
                changes[key] = values.get(key) or ""
        _check_text(changes.get("name", current.name), changes.get("description", current.description))
        if not changes:
            return current
        updated = await self._projects.update_fields(project_id, {**changes, "updated_at": self._clock()})
        return require_found(updated, "Project", project_id)

    async def timeline(self, project_id: str) -> Timeline:
        """The project with every scene laid out and every clip with its gallery: four queries, any size."""
        assert self._scenes and self._clips and self._gallery, "timeline needs the scene and clip stores"
        project = await self.get(project_id)
        scenes = await self._scenes.list_for_project(project_id)
        clips = await self._clips.list_for_project(project_id)
        galleries = await self._gallery.by_clip(project_id=project_id)
        laid_out, total = lay_out(scenes, main_clip_ends(clips))
        by_scene: dict[str, list[Clip]] = defaultdict(list)
        for clip in clips:
            entries = galleries.get(clip.id)
            by_scene[clip.scene_id].append(with_gallery(clip, entries) if entries else clip)
        return Timeline(project, [TimelineScene(laid_out[s.id], sorted(by_scene.get(s.id, ()),
                                                                       key=clip_order_key))
                                  for s in scenes], total)
