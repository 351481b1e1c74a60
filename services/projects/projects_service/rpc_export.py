"""ProjectsService RPC of project export: translate only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import grpc

from storyboard.projects.v1 import projects_service_pb2 as api

from projects_service.mappers_assets import export_file_to_proto, export_options

if TYPE_CHECKING:
    from projects_service.bootstrap import Deps


class ExportRpcs:
    _deps: Deps

    async def ExportProject(self, request: api.ExportProjectRequest,
                            context: grpc.aio.ServicerContext) -> api.ExportProjectResponse:
        exported = await self._deps.exports.export(request.project_id, export_options(request))
        return export_file_to_proto(exported)
