"""GET /projects/{project_id}/export/{format}: the project's timeline as a file (rest-contract 1.3, 3.8)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.deps import ProjectsStub, SettingsDep
from api_gateway.errors import ApiError

FORMATS = {"fcpxml": pb.EXPORT_FORMAT_FCPXML, "edl": pb.EXPORT_FORMAT_EDL,
           "resolve": pb.EXPORT_FORMAT_FCP7_XML, "fcp7": pb.EXPORT_FORMAT_FCP7_XML,
           "json": pb.EXPORT_FORMAT_JSON}
INT32_MAX = 2**31 - 1
MEDIA = {"auto": pb.EXPORT_MEDIA_SELECTION_AUTO, "video": pb.EXPORT_MEDIA_SELECTION_VIDEO,
         "image": pb.EXPORT_MEDIA_SELECTION_IMAGE}


def _invalid(parameter: str, message: str) -> ApiError:
    return ApiError(400, "INVALID_PARAMETER", message, {"parameter": parameter})


def _size(parameter: str, value: str | None) -> int:
    """0 asks the service for its default; the service checks the range."""
    if value is None or value == "":
        return 0
    try:
        number = int(value)
    except ValueError:
        raise _invalid(parameter, f"{parameter} must be an integer") from None
    if not 0 <= number <= INT32_MAX:
        raise _invalid(parameter, f"{parameter} must be between 1 and 8192")
    return number


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["export"])

    @router.get("/projects/{project_id}/export/{export_format}",
                responses={200: {"content": {"application/xml": {}, "text/plain": {},
                                             "application/json": {}}}})
    async def export_project(project_id: str, export_format: str, request: Request, projects: ProjectsStub,
                             settings: SettingsDep, fps: str = "", media: str = "auto",
                             width: str | None = None, height: str | None = None,
                             start_tc: str = "") -> Response:
        """FCPXML, CMX 3600 EDL, FCP7 XML (`resolve`, alias `fcp7`) or JSON, as a download. Media URLs in the
        file are absolute: PUBLIC_BASE_URL, else this request's base URL."""
        if export_format not in FORMATS:
            raise _invalid("format", "format must be one of fcpxml, edl, resolve, fcp7, json")
        if media not in MEDIA:
            raise _invalid("media", "media must be one of auto, video, image")
        base_url = settings.public_base_url or str(request.base_url)
        reply = await projects.ExportProject(api.ExportProjectRequest(
            project_id=project_id, format=FORMATS[export_format], fps=fps, media=MEDIA[media],
            width=_size("width", width), height=_size("height", height), start_tc=start_tc,
            base_url=base_url.rstrip("/")), timeout=settings.long_grpc_timeout_s)
        return Response(reply.content, media_type=reply.content_type,
                        headers={"Content-Disposition": f'attachment; filename="{reply.filename}"'})

    return router
