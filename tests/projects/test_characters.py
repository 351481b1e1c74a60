"""Characters: the character text rule, CRUD over in-process gRPC, and applying a character to a clip."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from projects_service.characters import Character, character_text, prompt_with_character
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.rpc.status import error_info

from tests.conftest import rpc_error


def character(**fields) -> Character:
    return Character(id="c", project_id="p", created_at=0, updated_at=0, **{"name": "Hero", **fields})


async def create(rpc, project_id: str, **fields) -> pb.Character:
    reply = await rpc.stub.CreateCharacter(api.CreateCharacterRequest(
        character=pb.Character(project_id=project_id, **{"name": "Hero", **fields})))
    return reply.character


@pytest.mark.parametrize(("fields", "text"), [
    ({}, "Hero"),
    ({"trigger_words": "  hro  "}, "hro Hero"),
    ({"trigger_words": "hro", "description": " tall ", "style_notes": " noir "},
     "hro Hero, tall. Style: noir"),
    ({"description": "   ", "style_notes": "noir"}, "Hero. Style: noir"),
])
def test_character_text_joins_trigger_words_name_description_and_style(fields, text):
    assert character_text(character(**fields)) == text


def test_prompt_gets_the_character_text_once():
    text = "hro Hero, tall. Style: noir"
    assert prompt_with_character("cat", text) == "hro Hero, tall. Style: noir. cat"
    assert prompt_with_character("", text) == "hro Hero, tall. Style: noir."
    twice = prompt_with_character(prompt_with_character("cat", text), text)
    assert twice == "hro Hero, tall. Style: noir. cat"
    # (T + ". " + old).strip(): only the ends are trimmed, and nothing is escaped
    assert prompt_with_character("  <b>&amp;  ", text) == "hro Hero, tall. Style: noir.   <b>&amp;"


async def test_created_character_is_read_back_with_defaults(rpc):
    project = await rpc.project()
    created = await create(rpc, project.id, reference_images=["/uploads/faces/a.png", "https://cdn.example/b.jpg"])
    assert created.generation_method == pb.GENERATION_METHOD_IP_ADAPTER
    assert not created.HasField("lora") and not created.HasField("face_image")
    read = await rpc.stub.GetCharacter(api.GetCharacterRequest(character_id=created.id))
    assert read.character == created
    assert list(read.character.reference_images) == ["/uploads/faces/a.png", "https://cdn.example/b.jpg"]


async def test_character_of_a_missing_project_is_not_found(rpc):
    error = await rpc_error(create(rpc, "missing"))
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert error.details() == "Project with ID 'missing' not found"


@pytest.mark.parametrize("fields", [
    {"name": ""},
    {"face_image": "data:image/png;base64,AAAA"},
    {"reference_images": ["/uploads/faces/%2e%2e/x.png"]},
    {"reference_images": ["/uploads/faces/a.png"] * 21},
    {"trigger_words": "w" * 501},
    {"lora": "l" * 201},
])
async def test_invalid_character_fields_are_refused(rpc, fields):
    project = await rpc.project()
    error = await rpc_error(create(rpc, project.id, **fields))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(error.trailing_metadata()).reason == "VALIDATION_ERROR"


async def test_list_filters_by_project_and_sorts_by_name(rpc):
    first, second = await rpc.project("A"), await rpc.project("B")
    for name in ("Zed", "Amy"):
        await create(rpc, first.id, name=name)
    await create(rpc, second.id, name="Bob")
    mine = await rpc.stub.ListCharacters(api.ListCharactersRequest(project_id=first.id))
    assert [c.name for c in mine.characters] == ["Amy", "Zed"] and mine.total_size == 2
    everyone = await rpc.stub.ListCharacters(api.ListCharactersRequest())
    assert [c.name for c in everyone.characters] == ["Amy", "Bob", "Zed"]
    unknown = await rpc.stub.ListCharacters(api.ListCharactersRequest(project_id="missing"))
    assert list(unknown.characters) == [] and unknown.total_size == 0


async def test_full_replace_resets_omitted_fields_and_never_moves_the_character(rpc):
    project, other = await rpc.project(), await rpc.project("Other")
    created = await create(rpc, project.id, description="d", lora="hero.safetensors",
                           generation_method=pb.GENERATION_METHOD_REACTOR, face_image="/uploads/faces/f.png")
    reply = await rpc.stub.UpdateCharacter(api.UpdateCharacterRequest(
        character=pb.Character(id=created.id, project_id=other.id, name="Renamed"),
        update_mask=FieldMask(paths=["*"])))
    updated = reply.character
    assert (updated.name, updated.description, updated.project_id) == ("Renamed", "", project.id)
    assert updated.generation_method == pb.GENERATION_METHOD_IP_ADAPTER
    assert not updated.HasField("lora") and not updated.HasField("face_image")
    assert updated.create_time == created.create_time


async def test_apply_prepends_the_text_once_and_sets_the_character(rpc):
    project = await rpc.project()
    scene = await rpc.scene(project.id)
    clip = await rpc.clip(scene.id, image_prompt="cat", video_prompt="")
    hero = await create(rpc, project.id, trigger_words="hro", description="tall", style_notes="noir")
    request = api.ApplyCharacterToClipRequest(character_id=hero.id, clip_id=clip.id)
    first = await rpc.stub.ApplyCharacterToClip(request)
    second = await rpc.stub.ApplyCharacterToClip(request)
    for reply in (first, second):
        assert reply.image_prompt == "hro Hero, tall. Style: noir. cat"
        assert reply.video_prompt == "hro Hero, tall. Style: noir."
        assert reply.clip.character_id == hero.id
    stored = await rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id))
    assert stored.clip.image_prompt == first.image_prompt and stored.clip.character_id == hero.id


async def test_concurrent_applies_of_one_character_prepend_once(rpc):
    project = await rpc.project()
    clip = await rpc.clip((await rpc.scene(project.id)).id, image_prompt="cat")
    hero = await create(rpc, project.id, trigger_words="hro")
    await asyncio.gather(*(rpc.stub.ApplyCharacterToClip(api.ApplyCharacterToClipRequest(
        character_id=hero.id, clip_id=clip.id)) for _ in range(10)))
    stored = await rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id))
    assert stored.clip.image_prompt == "hro Hero. cat"


async def test_apply_across_projects_is_invalid_and_changes_nothing(rpc):
    project, other = await rpc.project(), await rpc.project("Other")
    clip = await rpc.clip((await rpc.scene(project.id)).id, image_prompt="cat")
    stranger = await create(rpc, other.id)
    error = await rpc_error(rpc.stub.ApplyCharacterToClip(api.ApplyCharacterToClipRequest(
        character_id=stranger.id, clip_id=clip.id)))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    stored = await rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id))
    assert stored.clip.image_prompt == "cat" and not stored.clip.HasField("character_id")


async def test_apply_names_the_missing_resource(rpc):
    project = await rpc.project()
    clip = await rpc.clip((await rpc.scene(project.id)).id)
    hero = await create(rpc, project.id)
    missing_character = await rpc_error(rpc.stub.ApplyCharacterToClip(api.ApplyCharacterToClipRequest(
        character_id="nope", clip_id=clip.id)))
    assert missing_character.details() == "Character with ID 'nope' not found"
    missing_clip = await rpc_error(rpc.stub.ApplyCharacterToClip(api.ApplyCharacterToClipRequest(
        character_id=hero.id, clip_id="nope")))
    assert missing_clip.details() == "Clip with ID 'nope' not found"


async def test_delete_clears_the_character_on_its_clips(rpc):
    project = await rpc.project()
    scene = await rpc.scene(project.id)
    hero, sidekick = await create(rpc, project.id), await create(rpc, project.id, name="Sidekick")
    with_hero = [await rpc.clip(scene.id, character_id=hero.id) for _ in range(2)]
    with_sidekick = await rpc.clip(scene.id, character_id=sidekick.id)
    reply = await rpc.stub.DeleteCharacter(api.DeleteCharacterRequest(character_id=hero.id))
    assert reply.cleared_clips == 2
    for clip in with_hero:
        stored = await rpc.stub.GetClip(api.GetClipRequest(clip_id=clip.id))
        assert not stored.clip.HasField("character_id")
    kept = await rpc.stub.GetClip(api.GetClipRequest(clip_id=with_sidekick.id))
    assert kept.clip.character_id == sidekick.id
    again = await rpc_error(rpc.stub.DeleteCharacter(api.DeleteCharacterRequest(character_id=hero.id)))
    assert again.code() == grpc.StatusCode.NOT_FOUND
