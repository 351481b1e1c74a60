"""Style templates over in-process gRPC: CRUD, list order and filters, and an atomic use counter."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api
from storyboard_common.rpc.status import error_info

from tests.conftest import rpc_error


async def create(rpc, **fields) -> pb.StyleTemplate:
    reply = await rpc.stub.CreateStyleTemplate(api.CreateStyleTemplateRequest(
        style_template=pb.StyleTemplate(**fields)))
    return reply.style_template


async def test_created_template_has_defaults_and_no_uses(rpc):
    template = await create(rpc, name="Noir")
    assert template.id and template.category == "custom" and template.use_count == 0
    assert not template.HasField("model") and not template.HasField("preview_url")
    assert not template.is_public and template.HasField("create_time")
    read = await rpc.stub.GetStyleTemplate(api.GetStyleTemplateRequest(style_template_id=template.id))
    assert read.style_template == template


@pytest.mark.parametrize("fields", [
    {"name": ""},
    {"name": "x" * 201},
    {"name": "T", "preview_url": "javascript:alert(1)"},
    {"name": "T", "preview_url": "file:///etc/passwd"},
    {"name": "T", "preview_url": "/uploads/../secret.png"},
    {"name": "T", "loras": [pb.LoraRef(name="l", weight=5.5)]},
    {"name": "T", "loras": [pb.LoraRef(name="l", weight=1.0)] * 21},
    {"name": "T", "category": "c" * 101},
])
async def test_invalid_template_fields_are_refused_with_validation_error(rpc, fields):
    error = await rpc_error(create(rpc, **fields))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(error.trailing_metadata()).reason == "VALIDATION_ERROR"


async def test_params_with_more_than_64_keys_are_refused(rpc):
    template = pb.StyleTemplate(name="T")
    template.params.update({f"k{i}": i for i in range(65)})
    request = api.CreateStyleTemplateRequest(style_template=template)
    error = await rpc_error(rpc.stub.CreateStyleTemplate(request))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_list_is_sorted_by_use_count_then_name_and_filters(rpc):
    beta = await create(rpc, name="Beta", category="film", is_public=True)
    alpha = await create(rpc, name="Alpha", category="film")
    gamma = await create(rpc, name="Gamma", category="anime", is_public=True)
    for _ in range(2):
        await rpc.stub.UseStyleTemplate(api.UseStyleTemplateRequest(style_template_id=gamma.id))
    await rpc.stub.UseStyleTemplate(api.UseStyleTemplateRequest(style_template_id=beta.id))

    listed = await rpc.stub.ListStyleTemplates(api.ListStyleTemplatesRequest())
    assert [t.name for t in listed.style_templates] == ["Gamma", "Beta", "Alpha"]
    assert listed.total_size == 3
    film = await rpc.stub.ListStyleTemplates(api.ListStyleTemplatesRequest(category="film"))
    assert [t.id for t in film.style_templates] == [beta.id, alpha.id]
    public = await rpc.stub.ListStyleTemplates(api.ListStyleTemplatesRequest(public_only=True))
    assert [t.id for t in public.style_templates] == [gamma.id, beta.id]


async def test_list_pages_with_tokens_and_offsets_without_losing_items(rpc):
    names = [f"T{i:02d}" for i in range(7)]
    for name in names:
        await create(rpc, name=name)
    seen, token = [], ""
    while True:
        page = await rpc.stub.ListStyleTemplates(api.ListStyleTemplatesRequest(page_size=3, page_token=token))
        seen += [t.name for t in page.style_templates]
        assert page.total_size == 7
        token = page.next_page_token
        if not token:
            break
    assert seen == names
    offset = await rpc.stub.ListStyleTemplates(api.ListStyleTemplatesRequest(page_size=2, offset=5))
    assert [t.name for t in offset.style_templates] == names[5:]
    foreign = await rpc_error(rpc.stub.ListStyleTemplates(api.ListStyleTemplatesRequest(
        category="other", page_token=(await rpc.stub.ListStyleTemplates(
            api.ListStyleTemplatesRequest(page_size=1))).next_page_token)))
    assert error_info(foreign.trailing_metadata()).reason == "INVALID_PARAMETER"


async def test_full_replace_resets_omitted_fields_and_keeps_use_count_and_creation(rpc):
    template = await create(rpc, name="Old", description="d", model="sdxl.safetensors", category="film",
                            loras=[pb.LoraRef(name="a", weight=0.5)], is_public=True)
    await rpc.stub.UseStyleTemplate(api.UseStyleTemplateRequest(style_template_id=template.id))
    reply = await rpc.stub.UpdateStyleTemplate(api.UpdateStyleTemplateRequest(
        style_template=pb.StyleTemplate(id=template.id, name="New", use_count=99),
        update_mask=FieldMask(paths=["*"])))
    updated = reply.style_template
    assert (updated.name, updated.description, updated.category) == ("New", "", "custom")
    assert list(updated.loras) == []
    assert not updated.HasField("model") and not updated.is_public
    assert updated.use_count == 1 and updated.create_time == template.create_time


async def test_update_names_only_the_masked_fields(rpc):
    template = await create(rpc, name="Old", description="keep")
    reply = await rpc.stub.UpdateStyleTemplate(api.UpdateStyleTemplateRequest(
        style_template=pb.StyleTemplate(id=template.id, name="New", description="ignored"),
        update_mask=FieldMask(paths=["name"])))
    assert (reply.style_template.name, reply.style_template.description) == ("New", "keep")


@pytest.mark.parametrize("paths", [[], ["no_such_field"]])
async def test_update_without_a_valid_field_is_invalid(rpc, paths):
    template = await create(rpc, name="T")
    error = await rpc_error(rpc.stub.UpdateStyleTemplate(api.UpdateStyleTemplateRequest(
        style_template=pb.StyleTemplate(id=template.id, name="N"), update_mask=FieldMask(paths=paths))))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "No valid fields provided for update" in error.details()


async def test_concurrent_uses_over_grpc_add_exactly_one_each(rpc):
    template = await create(rpc, name="Popular")
    replies = await asyncio.gather(*(rpc.stub.UseStyleTemplate(
        api.UseStyleTemplateRequest(style_template_id=template.id)) for _ in range(50)))
    assert sorted(r.use_count for r in replies) == list(range(1, 51))
    read = await rpc.stub.GetStyleTemplate(api.GetStyleTemplateRequest(style_template_id=template.id))
    assert read.style_template.use_count == 50


async def test_concurrent_uses_at_the_service_add_exactly_one_each(rpc):
    templates = rpc.deps.style_templates
    template = await templates.create({"name": "Direct"})
    counts = await asyncio.gather(*(templates.use(template.id) for _ in range(40)))
    assert sorted(counts) == list(range(1, 41))
    assert (await templates.get(template.id)).use_count == 40


async def test_unknown_template_is_not_found_for_every_call(rpc):
    calls = [
        rpc.stub.GetStyleTemplate(api.GetStyleTemplateRequest(style_template_id="nope")),
        rpc.stub.DeleteStyleTemplate(api.DeleteStyleTemplateRequest(style_template_id="nope")),
        rpc.stub.UseStyleTemplate(api.UseStyleTemplateRequest(style_template_id="nope")),
        rpc.stub.UpdateStyleTemplate(api.UpdateStyleTemplateRequest(
            style_template=pb.StyleTemplate(id="nope", name="N"), update_mask=FieldMask(paths=["name"]))),
    ]
    for call in calls:
        error = await rpc_error(call)
        assert error.code() == grpc.StatusCode.NOT_FOUND
        assert error.details() == "Template with ID 'nope' not found"
        assert dict(error_info(error.trailing_metadata()).metadata) == {"resource_type": "Template",
                                                                        "resource_id": "nope"}


async def test_deleted_template_is_gone(rpc):
    template = await create(rpc, name="Temp")
    await rpc.stub.DeleteStyleTemplate(api.DeleteStyleTemplateRequest(style_template_id=template.id))
    request = api.GetStyleTemplateRequest(style_template_id=template.id)
    error = await rpc_error(rpc.stub.GetStyleTemplate(request))
    assert error.code() == grpc.StatusCode.NOT_FOUND
