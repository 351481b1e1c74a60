"""ProjectsServicer: translates gRPC requests into service calls and back, nothing else.

Each area keeps its RPCs in its own mixin (rpc_<area>.py); this class only composes them. An RPC no mixin
defines answers UNIMPLEMENTED.
"""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2_grpc

from projects_service.bootstrap import Deps
from projects_service.rpc_characters import CharacterRpcs
from projects_service.rpc_clips import ClipRpcs
from projects_service.rpc_export import ExportRpcs
from projects_service.rpc_pool import PoolRpcs
from projects_service.rpc_projects import ProjectRpcs
from projects_service.rpc_scenes import SceneRpcs
from projects_service.rpc_style_templates import StyleTemplateRpcs


class ProjectsServicer(ProjectRpcs, SceneRpcs, ClipRpcs, CharacterRpcs, StyleTemplateRpcs, PoolRpcs, ExportRpcs,
                       projects_service_pb2_grpc.ProjectsServiceServicer):
    def __init__(self, deps: Deps):
        self._deps = deps
