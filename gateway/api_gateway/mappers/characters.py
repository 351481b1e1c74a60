"""Character protos <-> REST models, field by field."""

from __future__ import annotations

from storyboard.projects.v1 import projects_resources_pb2 as pb

from api_gateway.mappers.common import media_url, opt, rfc3339, struct_dict
from api_gateway.schemas.characters import CharacterFields, CharacterPublic

GENERATION_METHODS = {"ip_adapter": pb.GENERATION_METHOD_IP_ADAPTER, "reactor": pb.GENERATION_METHOD_REACTOR,
                      "instantid": pb.GENERATION_METHOD_INSTANTID, "lora": pb.GENERATION_METHOD_LORA}
GENERATION_METHOD_NAMES = {v: k for k, v in GENERATION_METHODS.items()}


def character_message(body: CharacterFields, project_id: str = "", character_id: str = "") -> pb.Character:
    """Every writable field (create, and PUT's full replace); nulls become the defaults."""
    character = pb.Character(
        id=character_id, project_id=project_id, name=body.name, description=body.description or "",
        reference_images=body.reference_images or [], lora=body.lora or None,
        trigger_words=body.trigger_words or "", style_notes=body.style_notes or "",
        generation_method=GENERATION_METHODS[body.generation_method or "ip_adapter"],
        face_image=body.face_image or None)
    character.generation_params.update(body.generation_params or {})
    return character


def character_public(c: pb.Character, base_url: str) -> CharacterPublic:
    return CharacterPublic(
        id=c.id, project_id=c.project_id, name=c.name, description=c.description,
        reference_images=[media_url(url, base_url) or url for url in c.reference_images], lora=opt(c, "lora"),
        trigger_words=c.trigger_words, style_notes=c.style_notes,
        generation_method=GENERATION_METHOD_NAMES.get(c.generation_method, "ip_adapter"),
        face_image=media_url(opt(c, "face_image"), base_url),
        generation_params=struct_dict(c.generation_params),
        created_at=rfc3339(c.create_time), updated_at=rfc3339(c.update_time),
    )
