"""Persistence of style templates: collection `style_templates`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from storyboard_common.store import ASC, DESC, Doc, Store

from projects_service.domain import LoraRef
from projects_service.repository import from_doc
from projects_service.style_templates import StyleTemplate

ORDER = [("use_count", DESC), ("name", ASC)]


def _template(doc: Doc) -> StyleTemplate:
    return from_doc(StyleTemplate, {**doc, "loras": [LoraRef(**lora) for lora in doc.get("loras", [])]})


def _doc_values(changes: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(changes)
    if "loras" in out:
        out["loras"] = [asdict(lora) for lora in out["loras"]]
    return out


class StyleTemplateRepository:
    def __init__(self, store: Store):
        self._templates = store.collection("style_templates")

    async def ensure_indexes(self) -> None:
        await self._templates.ensure_index(["use_count", "name"])
        await self._templates.ensure_index(["category", "use_count", "name"])

    async def add(self, template: StyleTemplate) -> None:
        await self._templates.insert(asdict(template))

    async def get(self, template_id: str) -> StyleTemplate | None:
        doc = await self._templates.get(template_id)
        return _template(doc) if doc else None

    async def page(self, category: str | None, public_only: bool, limit: int,
                   offset: int) -> tuple[list[StyleTemplate], int]:
        where: dict[str, Any] = {}
        if category is not None:
            where["category"] = category
        if public_only:
            where["is_public"] = True
        docs = await self._templates.find(where, order_by=ORDER, limit=limit, offset=offset)
        return [_template(d) for d in docs], await self._templates.count(where)

    async def update(self, template_id: str, changes: Mapping[str, Any]) -> StyleTemplate | None:
        doc = await self._templates.update(template_id, _doc_values(changes))
        return _template(doc) if doc else None

    async def delete(self, template_id: str) -> bool:
        return await self._templates.delete(template_id)

    async def increment_use_count(self, template_id: str) -> int | None:
        """The count after this call's increment, or None when the template does not exist."""
        doc = await self._templates.increment(template_id, "use_count", 1)
        return int(doc["use_count"]) if doc else None
