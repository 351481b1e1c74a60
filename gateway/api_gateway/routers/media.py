"""Media uploads (music, face images) and media records (REST contract 1.9)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from storyboard.media.v1 import media_service_pb2 as pb

from api_gateway.deps import MediaStub, SettingsDep
from api_gateway.mappers.media import face_upload_public, media_public, music_upload_public
from api_gateway.schemas.media import FaceUploadPublic, MediaPublic, MusicUploadPublic
from api_gateway.uploads import relay_upload


def _multipart(**fields: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI request body of an upload; the handler reads the body itself, as a stream."""
    schema = {"type": "object", "required": ["file"],
              "properties": {"file": {"type": "string", "format": "binary"}, **fields}}
    return {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": schema}}}}


MUSIC_FORM = _multipart()
FACE_FORM = _multipart(project_id={
    "type": "string", "description": "tags the file for the project's deletion; send it before `file`"})


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["media"])

    @router.post("/projects/{project_id}/upload-music", response_model=MusicUploadPublic,
                 openapi_extra=MUSIC_FORM)
    @router.post("/media/projects/{project_id}/upload-music", response_model=MusicUploadPublic,
                 openapi_extra=MUSIC_FORM)
    async def upload_music(project_id: str, request: Request, media: MediaStub,
                           settings: SettingsDep) -> MusicUploadPublic:
        """The project's music track (MP3, WAV, OGG or FLAC); its measured duration is set on the project."""
        stored = await relay_upload(request, media, pb.MEDIA_KIND_MUSIC, settings.long_grpc_timeout_s,
                                    project_id=project_id)
        return music_upload_public(stored, settings.public_base_url)

    @router.post("/upload-face-image", response_model=FaceUploadPublic, openapi_extra=FACE_FORM)
    @router.post("/media/upload-face-image", response_model=FaceUploadPublic, openapi_extra=FACE_FORM)
    async def upload_face_image(request: Request, media: MediaStub,
                                settings: SettingsDep) -> FaceUploadPublic:
        """A face or reference image (JPEG, PNG, WebP or GIF)."""
        stored = await relay_upload(request, media, pb.MEDIA_KIND_FACE, settings.long_grpc_timeout_s,
                                    project_from_form=True)
        return face_upload_public(stored, settings.public_base_url)

    @router.get("/media/{media_id}", response_model=MediaPublic)
    async def get_media(media_id: str, media: MediaStub, settings: SettingsDep) -> MediaPublic:
        reply = await media.GetMedia(pb.GetMediaRequest(media_id=media_id))
        return media_public(reply.media, settings.public_base_url)

    return router
