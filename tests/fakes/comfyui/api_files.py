"""Routes for files: GET /view (with `preview` and `channel` re-encoding) and POST /upload/image."""

from __future__ import annotations

import asyncio
import io

from PIL import Image
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from .core import FakeCore
from .responses import empty, json_response, trouble_on_exception


def _reencode(path: str, preview: str | None, channel: str) -> tuple[bytes, str] | None:
    """The server's preview/channel variants; None means "send the file as it is"."""
    with Image.open(path) as image:
        if preview is not None:
            parts = preview.split(";")
            image_format = parts[0] if parts[0] in ("webp", "jpeg") and "a" not in channel else "webp"
            quality = int(parts[-1]) if parts[-1].isdigit() else 90
            if image_format == "jpeg" or channel == "rgb":
                image = image.convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, format=image_format, quality=quality)
            return buffer.getvalue(), f"image/{image_format}"
        if channel == "rgb":
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, format="PNG")
            return buffer.getvalue(), "image/png"
        if channel == "a":
            alpha = image.getchannel("A") if image.mode == "RGBA" else Image.new("L", image.size, 255)
            alpha_image = Image.new("RGBA", image.size)
            alpha_image.putalpha(alpha)
            buffer = io.BytesIO()
            alpha_image.save(buffer, format="PNG")
            return buffer.getvalue(), "image/png"
    return None


def file_routes(core: FakeCore) -> list[Route]:
    @trouble_on_exception
    async def view(request: Request) -> Response:
        query = request.query_params
        target = core.files.view_target(query.get("filename"), query.get("subfolder"), query.get("type"))
        if target.status != 200:
            return empty(target.status)
        disposition = {"Content-Disposition": f'filename="{target.filename}"'}
        preview, channel = query.get("preview"), query.get("channel", "rgba")
        if preview is not None or channel in ("rgb", "a"):
            encoded = await asyncio.to_thread(_reencode, target.path, preview, channel)
            if encoded is not None:
                return Response(encoded[0], media_type=encoded[1], headers=disposition)
        return FileResponse(
            target.path, media_type=core.files.content_type(target.filename), headers=disposition
        )

    @trouble_on_exception
    async def upload_image(request: Request) -> Response:
        async with request.form() as form:
            image = form.get("image")
            if not isinstance(image, UploadFile) or not image.filename:
                return empty(400)
            data = await image.read()
            fields = {name: form.get(name) for name in ("type", "subfolder", "overwrite")}
        overwrite = fields["overwrite"] in ("true", "1")
        answer = core.files.upload(
            data, image.filename, fields["type"], str(fields["subfolder"] or ""), overwrite
        )
        return json_response(answer) if isinstance(answer, dict) else empty(answer)

    return [
        Route("/view", view, methods=["GET"]),
        Route("/upload/image", upload_image, methods=["POST"]),
    ]
