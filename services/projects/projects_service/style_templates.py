"""Style templates: global bundles of model, negative prompt, LoRAs and params that clients apply themselves.

Rules: field limits, `category` defaulting to "custom", list order (use_count desc, then name) and an atomic
use counter that updates never touch (REST contract 1.7, 2.7, 3.4).
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

from projects_service.domain import LoraRef
from projects_service.field_checks import check_count, check_length, check_required

if TYPE_CHECKING:
    from projects_service.style_templates_repository import StyleTemplateRepository

DEFAULT_PAGE_SIZE = 500
DEFAULT_CATEGORY = "custom"
WRITABLE_FIELDS = ("name", "description", "category", "model", "negative_prompt", "loras", "params",
                   "preview_url", "is_public")
OUTPUT_ONLY = ("id", "created_by", "use_count", "create_time", "update_time")


@dataclass(frozen=True)
class StyleTemplate:
    id: str
    name: str
    created_at: float
    updated_at: float
    description: str = ""
    category: str = DEFAULT_CATEGORY
    model: str | None = None
    negative_prompt: str = ""
    loras: list[LoraRef] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    preview_url: str | None = None
    is_public: bool = False
    created_by: str | None = None
    use_count: int = 0


def check_lora(lora: LoraRef) -> None:
    check_length("loras.name", lora.name, 255, minimum=1)
    if not -5.0 <= lora.weight <= 5.0:
        raise InvalidArgumentError("loras.weight must be between -5.0 and 5.0",
                                   metadata={"field": "loras.weight"})


def normalized(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Checks the writable fields present in `changes` and applies the stored defaults."""
    out = dict(changes)
    if "name" in out:
        check_length("name", out["name"], 200, minimum=1)
    check_length("description", out.get("description"), 2000)
    if "category" in out:
        out["category"] = out["category"] or DEFAULT_CATEGORY
        check_length("category", out["category"], 100)
    if "model" in out:
        out["model"] = out["model"] or None
        check_length("model", out["model"], 200)
    check_length("negative_prompt", out.get("negative_prompt"), 5000)
    check_count("loras", out.get("loras"), 20)
    for lora in out.get("loras") or ():
        check_lora(lora)
    check_count("params", out.get("params"), 64)
    if "preview_url" in out:
        out["preview_url"] = check_media_url("preview_url", out["preview_url"] or None)
    return out


class StyleTemplateService:
    def __init__(self, repository: StyleTemplateRepository, clock: Clock, new_id: Callable[[], str]):
        self._templates = repository
        self._clock = clock
        self._new_id = new_id

    async def create(self, fields: Mapping[str, Any]) -> StyleTemplate:
        values = normalized({k: v for k, v in fields.items() if k in WRITABLE_FIELDS})
        check_required(values, "name")
        now = self._clock()
        template = StyleTemplate(id=self._new_id(), created_at=now, updated_at=now, **values)
        await self._templates.add(template)
        return template

    async def get(self, template_id: str) -> StyleTemplate:
        return require_found(await self._templates.get(template_id), "Template", template_id)

    async def list(self, category: str, public_only: bool, requested_size: int, page_token: str,
                   offset: int) -> Page[StyleTemplate]:
        query = {"list": "style_templates", "category": category, "public_only": public_only}
        return await fetch_page(query, requested_size, page_token, offset,
                                partial(self._templates.page, category or None, public_only),
                                default=DEFAULT_PAGE_SIZE)

    async def update(self, template_id: str, values: Mapping[str, Any],
                     paths: Iterable[str]) -> StyleTemplate:
        """Sets the fields `paths` names (`*`: all, a full replace); `use_count` and `created_at` are kept."""
        changes = normalized(masked_values(values, paths, WRITABLE_FIELDS, OUTPUT_ONLY, allow_star=True))
        updated = await self._templates.update(template_id, {**changes, "updated_at": self._clock()})
        return require_found(updated, "Template", template_id)

    async def delete(self, template_id: str) -> None:
        if not await self._templates.delete(template_id):
            raise NotFoundError.of("Template", template_id)

    async def use(self, template_id: str) -> int:
        """One atomic increment: N concurrent calls add exactly N."""
        return require_found(await self._templates.increment_use_count(template_id), "Template", template_id)
