"""Characters: reusable people or creatures of one project, and the rule that applies one to a clip.

Rules: field limits, media URLs checked on write, the character text and its idempotent prepend to a clip's
prompts (REST contract 1.6, 2.6, 3.3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from storyboard_common.errors import InvalidArgumentError, NotFoundError, require_found
from storyboard_common.media_urls import check_media_url
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock
from storyboard_common.updates import masked_values

from projects_service.field_checks import check_choice, check_count, check_length, check_required

if TYPE_CHECKING:
    from projects_service.characters_repository import CharacterRepository
    from projects_service.ports import ClipAccess, ProjectLookup

DEFAULT_PAGE_SIZE = 500
GENERATION_METHODS = ("ip_adapter", "reactor", "instantid", "lora")
DEFAULT_GENERATION_METHOD = "ip_adapter"
WRITABLE_FIELDS = ("name", "description", "reference_images", "lora", "trigger_words", "style_notes",
                   "generation_method", "face_image", "generation_params")
IGNORED_ON_UPDATE = ("id", "project_id", "create_time", "update_time")  # a character never moves


@dataclass(frozen=True)
class Character:
    id: str
    project_id: str
    name: str
    created_at: float
    updated_at: float
    description: str = ""
    reference_images: list[str] = field(default_factory=list)
    lora: str | None = None
    trigger_words: str = ""
    style_notes: str = ""
    generation_method: str = DEFAULT_GENERATION_METHOD
    face_image: str | None = None
    generation_params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AppliedPrompts:
    image_prompt: str
    video_prompt: str


def character_text(character: Character) -> str:
    """Trigger words and name, then ", <description>" and ". Style: <style notes>" when present."""
    text = f"{character.trigger_words.strip()} {character.name}".strip()
    if character.description.strip():
        text += ", " + character.description.strip()
    if character.style_notes.strip():
        text += ". Style: " + character.style_notes.strip()
    return text


def prompt_with_character(prompt: str, text: str) -> str:
    """Prepends `text` once: a prompt that already starts with it and "." is left as it is."""
    if prompt.startswith(text + "."):
        return prompt
    return f"{text}. {prompt}".strip()


def normalized(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Checks the writable fields present in `changes` and applies the stored defaults."""
    out = dict(changes)
    if "name" in out:
        check_length("name", out["name"], 200, minimum=1)
    check_length("description", out.get("description"), 2000)
    if "reference_images" in out:
        out["reference_images"] = list(out["reference_images"] or [])
        check_count("reference_images", out["reference_images"], 20)
        for url in out["reference_images"]:
            check_media_url("reference_images", url)
    if "lora" in out:
        out["lora"] = out["lora"] or None
        check_length("lora", out["lora"], 200)
    check_length("trigger_words", out.get("trigger_words"), 500)
    check_length("style_notes", out.get("style_notes"), 2000)
    if "generation_method" in out:
        out["generation_method"] = out["generation_method"] or DEFAULT_GENERATION_METHOD
        check_choice("generation_method", out["generation_method"], GENERATION_METHODS)
    if "face_image" in out:
        out["face_image"] = check_media_url("face_image", out["face_image"] or None)
    if "generation_params" in out:
        out["generation_params"] = dict(out["generation_params"] or {})
    return out


class CharacterService:
    def __init__(self, repository: CharacterRepository, projects: ProjectLookup, clips: ClipAccess,
                 clock: Clock, new_id: Callable[[], str]):
        self._characters = repository
        self._projects = projects
        self._clips = clips
        self._clock = clock
        self._new_id = new_id

    async def create(self, project_id: str, fields: Mapping[str, Any]) -> Character:
        values = normalized({k: v for k, v in fields.items() if k in WRITABLE_FIELDS})
        check_required(values, "name")
        await self._projects.get(project_id)  # NOT_FOUND (Project) when missing
        now = self._clock()
        character = Character(id=self._new_id(), project_id=project_id, created_at=now, updated_at=now,
                              **values)
        await self._characters.add(character)
        return character

    async def get(self, character_id: str) -> Character:
        return require_found(await self._characters.get(character_id), "Character", character_id)

    async def list(self, project_id: str, requested_size: int, page_token: str,
                   offset: int) -> Page[Character]:
        query = {"list": "characters", "project_id": project_id}
        return await fetch_page(query, requested_size, page_token, offset,
                                partial(self._characters.page, project_id or None), default=DEFAULT_PAGE_SIZE)

    async def update(self, character_id: str, values: Mapping[str, Any], paths: Iterable[str]) -> Character:
        """Sets the fields `paths` names (`*`: all, a full replace); `project_id` never changes."""
        changes = normalized(
            masked_values(values, paths, WRITABLE_FIELDS, IGNORED_ON_UPDATE, allow_star=True))
        updated = await self._characters.update(character_id, {**changes, "updated_at": self._clock()})
        return require_found(updated, "Character", character_id)

    async def delete(self, character_id: str) -> int:
        """Deletes the character and unsets it on the clips that named it; returns how many clips changed."""
        if not await self._characters.delete(character_id):
            raise NotFoundError.of("Character", character_id)
        return await self._clips.clear_character(character_id)

    async def apply_to_clip(self, character_id: str, clip_id: str) -> Any:
        """Prepends the character text to both prompts and sets `character_id`, in one atomic clip write."""
        character = await self.get(character_id)
        clip = await self._clips.get(clip_id)
        if clip.project_id != character.project_id:
            raise InvalidArgumentError("Character and clip belong to different projects",
                                       metadata={"character_id": character_id, "clip_id": clip_id})
        text = character_text(character)

        def apply(image_prompt: str, video_prompt: str) -> AppliedPrompts:
            return AppliedPrompts(prompt_with_character(image_prompt, text),
                                  prompt_with_character(video_prompt, text))

        return await self._clips.set_prompts_and_character(clip_id, apply, character_id)
