"""GET and HEAD /uploads/<kind>/<file>: stored files, streamed from the media service with Range support.

Mounted at the root, and as the /api/uploads and /api/v1/uploads aliases through the API router.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from api_gateway.deps import MediaStub
from api_gateway.downloads import serve_file


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["files"])

    async def read_upload(file_path: str, request: Request, media: MediaStub) -> Response:
        """A stored file; one `Range` gives 206, an unsatisfiable one 416, a matching If-None-Match 304."""
        return await serve_file(media, f"/uploads/{file_path}", request.headers.get("range"),
                                request.headers.get("if-none-match"), head=request.method == "HEAD")

    path = "/uploads/{file_path:path}"
    router.add_api_route(path, read_upload, methods=["GET"], response_class=Response,
                         include_in_schema=surface == "v1")
    router.add_api_route(path, read_upload, methods=["HEAD"], response_class=Response,
                         include_in_schema=False, name="read_upload_head")

    return router
