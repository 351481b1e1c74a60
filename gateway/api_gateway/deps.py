"""Annotated dependencies: handlers ask for a stub or the settings by type.

They are `async def` on purpose: FastAPI runs a plain `def` dependency in a worker thread, and that hop
cost more than the rest of a simple request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from storyboard.comfyui.v1.comfyui_service_pb2_grpc import ComfyUIServiceStub
from storyboard.generation.v1.generation_service_pb2_grpc import GenerationServiceStub
from storyboard.media.v1.media_service_pb2_grpc import MediaServiceStub
from storyboard.projects.v1.projects_service_pb2_grpc import ProjectsServiceStub

from api_gateway.backends import Backends
from api_gateway.config import Settings


async def get_backends(request: Request) -> Backends:
    return request.app.state.backends


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def _projects(request: Request) -> ProjectsServiceStub:
    return request.app.state.backends.projects


async def _comfyui(request: Request) -> ComfyUIServiceStub:
    return request.app.state.backends.comfyui


async def _generation(request: Request) -> GenerationServiceStub:
    return request.app.state.backends.generation


async def _media(request: Request) -> MediaServiceStub:
    return request.app.state.backends.media


BackendsDep = Annotated[Backends, Depends(get_backends)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ProjectsStub = Annotated[ProjectsServiceStub, Depends(_projects)]
ComfyUIStub = Annotated[ComfyUIServiceStub, Depends(_comfyui)]
GenerationStub = Annotated[GenerationServiceStub, Depends(_generation)]
MediaStub = Annotated[MediaServiceStub, Depends(_media)]
