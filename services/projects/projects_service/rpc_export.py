"""ProjectsService RPC of project export: translate only."""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2 as api

from projects_service.mappers_assets import export_file_to_proto, export_options
from projects_service.rpc_base import AreaRpcs, Context


class ExportRpcs(AreaRpcs):
    async def ExportProject(self, request: api.ExportProjectRequest,
                            context: Context) -> api.ExportProjectResponse:
        exported = await self._deps.exports.export(request.project_id, export_options(request))
        return export_file_to_proto(exported)
