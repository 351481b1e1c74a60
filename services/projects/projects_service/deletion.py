"""Cascading deletes (rest-contract 3.11): a project, a scene or a clip with everything under it.

A delete first marks its target as deleting (reads then answer NOT_FOUND and a second delete is NOT_FOUND),
removes the children, then the target. Every step can be rerun, so `finish_interrupted` at start-up
completes a delete that a crash cut short. Media files and generation jobs belong to other services: the
caller releases and cancels them from the ids these methods return.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from storyboard_common.errors import require_found
from storyboard_common.media_urls import media_id_from_url

from projects_service.clip_repository import ClipRepository, GalleryRepository
from projects_service.domain import Clip, Project, Scene
from projects_service.repository import ProjectRepository, SceneRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RemovedChildren:
    """What one area removed from a deleted project."""

    kind: str  # "characters" or "pool_items": the DeleteProject count it fills
    count: int
    media_ids: frozenset[str] = frozenset()


class ProjectChildren(Protocol):
    """An area with resources of its own under a project (characters, pool items)."""

    async def remove_for_project(self, project_id: str) -> RemovedChildren: ...


@dataclass(frozen=True)
class ProjectRemoval:
    scenes: int
    clips: int
    counts: dict[str, int]  # by RemovedChildren.kind
    media_ids: list[str]


@dataclass(frozen=True)
class SceneRemoval:
    scene_ids: list[str]
    clip_ids: list[str]


@dataclass(frozen=True)
class ClipRemoval:
    clip_ids: list[str] = field(default_factory=list)


def media_ids_of(refs: Iterable[str | None]) -> set[str]:
    """Media ids, given as plain ids or inside `/uploads/<kind>/<media_id>.<ext>` URLs."""
    found: set[str] = set()
    for ref in refs:
        media_id = (media_id_from_url(ref) if "/" in ref else ref) if ref else None
        if media_id:
            found.add(media_id)
    return found


class Deleter:
    def __init__(self, projects: ProjectRepository, scenes: SceneRepository, clips: ClipRepository,
                 gallery: GalleryRepository, children: Sequence[ProjectChildren] = ()):
        self._projects = projects
        self._scenes = scenes
        self._clips = clips
        self._gallery = gallery
        self.children = list(children)  # other areas append theirs in bootstrap

    async def delete_project(self, project_id: str) -> ProjectRemoval:
        project = require_found(await self._projects.mark_deleting(project_id), "Project", project_id)
        return await self._finish_project(project)

    async def _finish_project(self, project: Project) -> ProjectRemoval:
        refs: list[str | None] = [project.music_media_id, project.music_file_path]
        for media_id, url, thumbnail in await self._gallery.media_refs_for_project(project.id):
            refs += [media_id, url, thumbnail]
        counts: dict[str, int] = {}
        media = media_ids_of(refs)
        for children in self.children:
            removed = await children.remove_for_project(project.id)
            counts[removed.kind] = counts.get(removed.kind, 0) + removed.count
            media |= removed.media_ids
        await self._gallery.remove_for_project(project.id)
        clips = await self._clips.remove_for_project(project.id)
        scenes = await self._scenes.remove_for_project(project.id)
        await self._projects.remove(project.id)
        return ProjectRemoval(scenes=scenes, clips=clips, counts=counts, media_ids=sorted(media))

    async def delete_scene(self, scene_id: str) -> SceneRemoval:
        scene = require_found(await self._scenes.mark_deleting(scene_id), "Scene", scene_id)
        return await self._finish_scene(scene)

    async def _finish_scene(self, scene: Scene) -> SceneRemoval:
        alternates = [] if scene.is_alternate else await self._scenes.alternates_of(scene.id)
        scene_ids = [*(s.id for s in alternates), scene.id]  # the root goes last
        clip_ids = await self._clips.ids_for_scenes(scene_ids)
        await self._gallery.remove_for_clips(clip_ids)
        await self._clips.remove_for_scenes(scene_ids)
        await self._scenes.remove(scene_ids)
        return SceneRemoval(scene_ids=scene_ids, clip_ids=clip_ids)

    async def delete_clip(self, clip_id: str) -> ClipRemoval:
        clip = require_found(await self._clips.mark_deleting(clip_id), "Clip", clip_id)
        return await self._finish_clip(clip)

    async def _finish_clip(self, clip: Clip) -> ClipRemoval:
        alternates = [] if clip.is_alternate else await self._clips.alternates_of(clip.id)
        clip_ids = [*(c.id for c in alternates), clip.id]  # the root goes last
        await self._gallery.remove_for_clips(clip_ids)
        await self._clips.remove(clip_ids)
        return ClipRemoval(clip_ids=clip_ids)

    async def finish_interrupted(self) -> int:
        """Completes deletes that were cut short; returns how many it finished."""
        finished = 0
        for project in await self._projects.deleting():
            await self._finish_project(project)
            finished += 1
        for scene in await self._scenes.deleting():
            await self._finish_scene(scene)
            finished += 1
        for clip in await self._clips.deleting():
            await self._finish_clip(clip)
            finished += 1
        if finished:
            log.info("finished %d interrupted deletes", finished)
        return finished
