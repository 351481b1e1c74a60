"""What characters and the generation pool need from projects and clips (ProjectService and ClipService)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol


class HasPrompts(Protocol):
    image_prompt: str
    video_prompt: str


class ProjectLookup(Protocol):
    async def get(self, project_id: str) -> Any:
        """The project; NOT_FOUND (Project) when it does not exist."""


class ClipAccess(Protocol):
    async def get(self, clip_id: str) -> Any:
        """The clip with its gallery; NOT_FOUND (Clip) when it does not exist."""

    async def clear_character(self, character_id: str) -> int:
        """Unsets `character_id` on every clip that names it; how many clips changed."""

    async def set_prompts_and_character(self, clip_id: str, apply: Callable[[str, str], HasPrompts],
                                        character_id: str) -> Any:
        """One atomic write of both prompts (as `apply` rewrites them) and the character id."""

    async def add_pool_entry(self, clip_id: str, entry: Any) -> tuple[Any, Any]:
        """Adds a pool gallery entry by the gallery rule; (entry as stored, clip after the add)."""
