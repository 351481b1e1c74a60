"""Style template protos <-> REST models, field by field."""

from __future__ import annotations

from storyboard.projects.v1 import projects_resources_pb2 as pb

from api_gateway.mappers.common import media_url, opt, rfc3339, struct_dict
from api_gateway.schemas.clips import LoraRefPublic
from api_gateway.schemas.style_templates import StyleTemplateFields, StyleTemplatePublic


def style_template_message(body: StyleTemplateFields, template_id: str = "") -> pb.StyleTemplate:
    """Every writable field (create, and PUT's full replace); nulls become the defaults."""
    template = pb.StyleTemplate(
        id=template_id, name=body.name, description=body.description or "",
        category=body.category or "custom",
        model=body.model or None, negative_prompt=body.negative_prompt or "",
        loras=[pb.LoraRef(name=lora.name, weight=lora.weight) for lora in body.loras or []],
        preview_url=body.preview_url or None, is_public=bool(body.is_public))
    template.params.update(body.params or {})
    return template


def style_template_public(t: pb.StyleTemplate, base_url: str) -> StyleTemplatePublic:
    return StyleTemplatePublic(
        id=t.id, name=t.name, description=t.description, category=t.category, model=opt(t, "model"),
        negative_prompt=t.negative_prompt,
        loras=[LoraRefPublic(name=lora.name, weight=lora.weight) for lora in t.loras],
        params=struct_dict(t.params), preview_url=media_url(opt(t, "preview_url"), base_url),
        is_public=t.is_public, created_by=opt(t, "created_by"), use_count=t.use_count,
        created_at=rfc3339(t.create_time), updated_at=rfc3339(t.update_time),
    )
