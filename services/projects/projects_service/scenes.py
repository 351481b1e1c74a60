"""Scenes (rest-contract 1.4, 2.2, 3.1, 3.2): create, read, list, update, alternates and timeline analysis.

Every scene is returned laid out: its duration covers its main clips and its start follows the scenes
before it, so reads load the project's scenes and main clips (two indexed queries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from storyboard_common.errors import AbortedError, AlreadyExistsError, require_found
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock
from storyboard_common.updates import update_paths

from projects_service.clip_repository import ClipRepository
from projects_service.domain import Clip, LaidOutScene, Scene, alternate_name
from projects_service.field_checks import check_length, check_number, check_required
from projects_service.repository import ProjectRepository, SceneRepository
from projects_service.timeline import Analysis, analyze, lay_out, main_clip_ends

PAGE_SIZE = 1000
MAX_DURATION = 1e9
WRITABLE = ("name", "description", "lyrics", "order", "duration")
OUTPUT_ONLY = ("id", "project_id", "parent_scene_id", "alternate_number", "is_alternate", "timeline_start",
               "create_time", "update_time")
ALTERNATE_ATTEMPTS = 20


def checked(values: Mapping[str, Any]) -> dict[str, Any]:
    """The writable fields present in `values`, checked, with "" for absent text."""
    out = dict(values)
    if "name" in out:
        check_length("name", out["name"] or "", 200, minimum=1)
    for name, limit in (("description", 2000), ("lyrics", 5000)):
        if name in out:
            out[name] = out[name] or ""
            check_length(name, out[name], limit)
    if "order" in out:
        check_number("order", out["order"], 0, 2**31 - 1)
    if "duration" in out:
        check_number("duration", out["duration"], 0, MAX_DURATION)
        out["duration"] = round(out["duration"], 2)
    return out


class SceneService:
    def __init__(self, scenes: SceneRepository, clips: ClipRepository, projects: ProjectRepository,
                 clock: Clock, new_id: Callable[[], str]):
        self._scenes = scenes
        self._clips = clips
        self._projects = projects
        self._clock = clock
        self._new_id = new_id

    async def _bare(self, scene_id: str) -> Scene:
        return require_found(await self._scenes.get(scene_id), "Scene", scene_id)

    async def layout(self, project_id: str) -> tuple[list[Scene], dict[str, LaidOutScene]]:
        """The project's scenes in order, and each one laid out."""
        scenes = await self._scenes.list_for_project(project_id)
        ends = main_clip_ends(await self._clips.list_for_project(project_id, main_only=True))
        return scenes, lay_out(scenes, ends)[0]

    async def _laid_out(self, scene: Scene) -> LaidOutScene:
        _, laid_out = await self.layout(scene.project_id)
        return laid_out.get(scene.id) or LaidOutScene(scene, scene.duration, 0.0)

    async def create(self, project_id: str, values: Mapping[str, Any]) -> LaidOutScene:
        fields = checked({k: v for k, v in values.items() if k in WRITABLE})
        check_required(fields, "name")
        require_found(await self._projects.get(project_id), "Project", project_id)
        now = self._clock()
        scene = await self._scenes.add(Scene(id=self._new_id(), project_id=project_id, created_at=now,
                                             updated_at=now, **fields))
        return await self._laid_out(scene)

    async def get(self, scene_id: str) -> LaidOutScene:
        return await self._laid_out(await self._bare(scene_id))

    async def list(self, project_id: str, requested_size: int, page_token: str) -> Page[LaidOutScene]:
        """Every scene of the project, alternates included, by (order, created_at)."""

        async def laid_out_scenes(size: int, start: int) -> tuple[list[LaidOutScene], int]:
            require_found(await self._projects.get(project_id), "Project", project_id)
            scenes, laid_out = await self.layout(project_id)
            return [laid_out[s.id] for s in scenes[start:start + size]], len(scenes)

        return await fetch_page({"list": "scenes", "project_id": project_id}, requested_size, page_token, 0,
                                laid_out_scenes, default=PAGE_SIZE)

    async def update(self, scene_id: str, values: Mapping[str, Any], paths: Iterable[str]) -> LaidOutScene:
        """Sets the named fields; `timeline_start` and the other computed fields are accepted and ignored."""
        named = update_paths(paths, WRITABLE, OUTPUT_ONLY)
        fields = checked({k: values.get(k) for k in named})
        if not fields:
            return await self.get(scene_id)
        scene = await self._scenes.update_fields(scene_id, {**fields, "updated_at": self._clock()})
        return await self._laid_out(require_found(scene, "Scene", scene_id))

    async def create_alternate(self, scene_id: str, copy_clips: bool) -> LaidOutScene:
        """A new scene under the source's root, named "<root name> A<n>"; optionally with copies of the root's
        main clips as fresh root clips with empty galleries."""
        source = await self._bare(scene_id)
        root = source
        if (parent_id := source.parent_scene_id) is not None:
            root = require_found(await self._scenes.get(parent_id), "Scene", parent_id)
        alternate = await self._add_alternate(root)
        if copy_clips:
            originals = [c for c in await self._clips.list_for_scene(root.id) if not c.is_alternate]
            await self._clips.add_many([self._copy(c, alternate) for c in originals])
        return await self._laid_out(alternate)

    async def _add_alternate(self, root: Scene) -> Scene:
        for _ in range(ALTERNATE_ATTEMPTS):
            number = await self._scenes.last_alternate_number(root.id) + 1
            now = self._clock()
            alternate = Scene(
                id=self._new_id(), project_id=root.project_id, name=alternate_name(root.name, number),
                created_at=now, updated_at=now, description=root.description, lyrics=root.lyrics,
                order=root.order,
                duration=root.duration, parent_scene_id=root.id, alternate_number=number, is_alternate=True)
            try:
                return await self._scenes.add(alternate)
            except AlreadyExistsError:  # another alternate took this number first
                continue
        raise AbortedError("Too many concurrent alternates; retry", metadata={"scene_id": root.id})

    def _copy(self, clip: Clip, scene: Scene) -> Clip:
        now = self._clock()
        return Clip(id=self._new_id(), scene_id=scene.id, project_id=scene.project_id, name=clip.name,
                    created_at=now, updated_at=now, lyrics=clip.lyrics, length=clip.length,
                    timeline_position=clip.timeline_position, order=clip.order,
                    image_prompt=clip.image_prompt,
                    video_prompt=clip.video_prompt, character_id=clip.character_id)

    async def analyze(self, scene_id: str) -> Analysis:
        scene = await self._bare(scene_id)
        return analyze(scene.id, await self._clips.list_for_scene(scene.id))
