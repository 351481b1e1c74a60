"""ProjectsService RPCs of style templates: translate only."""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2 as api

from projects_service.mappers_assets import style_template_to_proto, style_template_values
from projects_service.rpc_base import AreaRpcs, Context


class StyleTemplateRpcs(AreaRpcs):
    async def CreateStyleTemplate(self, request: api.CreateStyleTemplateRequest,
                                  context: Context) -> api.CreateStyleTemplateResponse:
        template = await self._deps.style_templates.create(style_template_values(request.style_template))
        return api.CreateStyleTemplateResponse(style_template=style_template_to_proto(template))

    async def GetStyleTemplate(self, request: api.GetStyleTemplateRequest,
                               context: Context) -> api.GetStyleTemplateResponse:
        template = await self._deps.style_templates.get(request.style_template_id)
        return api.GetStyleTemplateResponse(style_template=style_template_to_proto(template))

    async def ListStyleTemplates(self, request: api.ListStyleTemplatesRequest,
                                 context: Context) -> api.ListStyleTemplatesResponse:
        page = await self._deps.style_templates.list(request.category, request.public_only,
                                                     request.page_size, request.page_token, request.offset)
        return api.ListStyleTemplatesResponse(
            style_templates=[style_template_to_proto(t) for t in page.items],
            next_page_token=page.next_page_token, total_size=page.total_size)

    async def UpdateStyleTemplate(self, request: api.UpdateStyleTemplateRequest,
                                  context: Context) -> api.UpdateStyleTemplateResponse:
        t = request.style_template
        template = await self._deps.style_templates.update(t.id, style_template_values(t),
                                                           request.update_mask.paths)
        return api.UpdateStyleTemplateResponse(style_template=style_template_to_proto(template))

    async def DeleteStyleTemplate(self, request: api.DeleteStyleTemplateRequest,
                                  context: Context) -> api.DeleteStyleTemplateResponse:
        await self._deps.style_templates.delete(request.style_template_id)
        return api.DeleteStyleTemplateResponse()

    async def UseStyleTemplate(self, request: api.UseStyleTemplateRequest,
                               context: Context) -> api.UseStyleTemplateResponse:
        use_count = await self._deps.style_templates.use(request.style_template_id)
        return api.UseStyleTemplateResponse(use_count=use_count)
