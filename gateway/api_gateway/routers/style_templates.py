"""/style-templates routes (rest-contract 1.7, 3.4)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.deps import ProjectsStub, SettingsDep
from api_gateway.mappers.masks import FULL_REPLACE
from api_gateway.mappers.style_templates import style_template_message, style_template_public
from api_gateway.paging import DEFAULT_LIMIT, Limit, Offset, set_list_headers
from api_gateway.schemas.messages import MessagePublic
from api_gateway.schemas.style_templates import StyleTemplateFields, StyleTemplatePublic, UseCount


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["style-templates"])

    @router.post("/style-templates", response_model=StyleTemplatePublic)
    async def create_style_template(body: StyleTemplateFields, projects: ProjectsStub,
                                    settings: SettingsDep) -> StyleTemplatePublic:
        reply = await projects.CreateStyleTemplate(api.CreateStyleTemplateRequest(
            style_template=style_template_message(body)))
        return style_template_public(reply.style_template, settings.public_base_url)

    @router.get("/style-templates", response_model=list[StyleTemplatePublic])
    async def list_style_templates(request: Request, response: Response, projects: ProjectsStub,
                                   settings: SettingsDep, category: str | None = None,
                                   public_only: bool = False, limit: Limit = DEFAULT_LIMIT,
                                   offset: Offset = 0) -> list[StyleTemplatePublic]:
        """By use_count, most used first, then name; a bare array with X-Total-Count and Link."""
        reply = await projects.ListStyleTemplates(api.ListStyleTemplatesRequest(
            category=category or "", public_only=public_only, page_size=limit, offset=offset))
        set_list_headers(request, response, reply.total_size, limit, offset)
        return [style_template_public(t, settings.public_base_url) for t in reply.style_templates]

    @router.get("/style-templates/{template_id}", response_model=StyleTemplatePublic)
    async def get_style_template(template_id: str, projects: ProjectsStub,
                                 settings: SettingsDep) -> StyleTemplatePublic:
        reply = await projects.GetStyleTemplate(api.GetStyleTemplateRequest(style_template_id=template_id))
        return style_template_public(reply.style_template, settings.public_base_url)

    @router.put("/style-templates/{template_id}", response_model=StyleTemplatePublic)
    async def replace_style_template(template_id: str, body: StyleTemplateFields, projects: ProjectsStub,
                                     settings: SettingsDep) -> StyleTemplatePublic:
        """A full replace of the writable fields; use_count and created_at are kept."""
        reply = await projects.UpdateStyleTemplate(api.UpdateStyleTemplateRequest(
            style_template=style_template_message(body, template_id), update_mask=FULL_REPLACE))
        return style_template_public(reply.style_template, settings.public_base_url)

    @router.delete("/style-templates/{template_id}", response_model=MessagePublic)
    async def delete_style_template(template_id: str, projects: ProjectsStub) -> MessagePublic:
        await projects.DeleteStyleTemplate(api.DeleteStyleTemplateRequest(style_template_id=template_id))
        return MessagePublic(message="Template deleted successfully")

    @router.post("/style-templates/{template_id}/use", response_model=UseCount)
    async def use_style_template(template_id: str, projects: ProjectsStub) -> UseCount:
        reply = await projects.UseStyleTemplate(api.UseStyleTemplateRequest(style_template_id=template_id))
        return UseCount(message="Use count incremented", use_count=reply.use_count)

    return router
