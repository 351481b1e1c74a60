"""Projects' domain objects (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    description: str
    created_at: float
    updated_at: float
    music_file_path: str | None = None
    music_duration: float | None = None
    music_media_id: str | None = None


IMAGE, VIDEO = "image", "video"
CONTENT_TYPES = (IMAGE, VIDEO)
SOURCES = ("generation", "external_worker", "pool")


def selected_field(content_type: str) -> str:
    """The clip field that holds the selected entry of a gallery: selected_image_id or selected_video_id."""
    return f"selected_{content_type}_id"


def alternate_name(root_name: str, number: int) -> str:
    """Alternates are named after their root, so an alternate of an alternate never stacks (S1 A2, not S1 A1 A2)."""
    return f"{root_name} A{number}"


@dataclass(frozen=True)
class LoraRef:
    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class Scene:
    id: str
    project_id: str
    name: str
    created_at: float
    updated_at: float
    description: str = ""
    lyrics: str = ""
    order: int = 0
    duration: float = 0.0  # the stored minimum; the laid-out duration also covers the clips
    parent_scene_id: str | None = None
    alternate_number: int = 0
    is_alternate: bool = False

    @property
    def root_id(self) -> str:
        return self.parent_scene_id or self.id


@dataclass(frozen=True)
class LaidOutScene:
    """A scene with the figures computed from the project's layout (rest-contract 3.1)."""

    scene: Scene
    duration: float
    timeline_start: float


@dataclass(frozen=True)
class GeneratedContent:
    """One gallery entry; `is_selected` is derived from the clip's selection, never stored."""

    id: str
    content_type: str
    url: str
    created_at: float | None = None
    thumbnail_url: str | None = None
    media_id: str | None = None
    prompt: str = ""
    negative_prompt: str = ""
    server_id: str = ""
    server_name: str = ""
    model_name: str = "unknown"
    model_type: str | None = None
    generation_params: dict[str, Any] = field(default_factory=dict)
    loras: tuple[LoraRef, ...] = ()
    seed: int | None = None
    job_id: str | None = None
    source: str = "generation"


@dataclass(frozen=True)
class Clip:
    id: str
    scene_id: str
    project_id: str
    name: str
    created_at: float
    updated_at: float
    lyrics: str = ""
    length: float = 5.0
    timeline_position: float = 0.0
    order: int = 0
    image_prompt: str = ""
    video_prompt: str = ""
    parent_clip_id: str | None = None
    alternate_number: int = 0
    is_alternate: bool = False
    character_id: str | None = None
    selected_image_id: str | None = None
    selected_video_id: str | None = None
    revision: int = 0  # bumped by every compare-and-set write
    gallery_seq: int = 0  # how many gallery adds were numbered; 0 means the gallery is empty
    # The gallery lives in its own collection; reads attach it here.
    generated_images: tuple[GeneratedContent, ...] = ()
    generated_videos: tuple[GeneratedContent, ...] = ()

    @property
    def family_id(self) -> str:
        """The root of the clip's family: a clip never conflicts with its own family on the timeline."""
        return self.parent_clip_id or self.id

    @property
    def end(self) -> float:
        return self.timeline_position + self.length

    def selected_id(self, content_type: str) -> str | None:
        return self.selected_image_id if content_type == IMAGE else self.selected_video_id


@dataclass(frozen=True)
class TimelineScene:
    laid_out: LaidOutScene
    clips: list[Clip]


@dataclass(frozen=True)
class Timeline:
    project: Project
    scenes: list[TimelineScene]
    total_duration: float
