"""Output nodes that write files: SaveImage, PreviewImage, animated images, video, and SaveImageWebsocket.

Each returns the `ui` dict that becomes `executed.output` and `history.outputs[node]`.
"""

from __future__ import annotations

import random
import uuid

from .. import media
from ..catalog import BOOLEAN, COMBO, FLOAT, INT, LINK, STRING, NodeContext, NodeDef, NodeResult
from ..values import Images, Video

HIDDEN_PNGINFO = {"prompt": "PROMPT", "extra_pnginfo": "EXTRA_PNGINFO"}
WEBP_METHODS = {"default": 4, "fastest": 0, "slowest": 6}


def _entry(name: str, subfolder: str, type_name: str) -> dict:
    return {"filename": name, "subfolder": subfolder, "type": type_name}


def _png_text(ctx: NodeContext) -> dict:
    """SaveImage embeds the prompt and every extra_pnginfo key as PNG text chunks."""
    text = {"prompt": ctx.prompt}
    text.update(ctx.extra_data.get("extra_pnginfo") or {})
    return text


async def _save_pngs(ctx: NodeContext, images: Images, prefix: str, type_name: str, level: int) -> NodeResult:
    output_dir = ctx.files.directory(type_name)
    target = ctx.files.save_path(prefix, output_dir, images[0].width, images[0].height)
    text = _png_text(ctx)
    entries = []
    for batch_number, image in enumerate(images):
        stem = target.filename.replace("%batch_num%", str(batch_number))
        name = f"{stem}_{target.counter + batch_number:05}_.png"
        data = await ctx.compute(media.png_bytes, image, text, level)
        ctx.files.write(target.folder, name, data)
        entries.append(_entry(name, target.subfolder, type_name))
    return NodeResult((), {"images": entries})


async def save_image(ctx: NodeContext, images: Images, filename_prefix: str) -> NodeResult:
    return await _save_pngs(ctx, images, filename_prefix, "output", 4)


async def preview_image(ctx: NodeContext, images: Images) -> NodeResult:
    suffix = "".join(random.choice("abcdefghijklmnopqrstupvxyz") for _ in range(5))
    return await _save_pngs(ctx, images, f"ComfyUI_temp_{suffix}", "temp", 1)


async def _save_single(
    ctx: NodeContext, prefix: str, extension: str, size: tuple[int, int], data: bytes
) -> dict:
    target = ctx.files.save_path(prefix, ctx.files.output_dir, *size)
    name = f"{target.filename}_{target.counter:05}_.{extension}"
    ctx.files.write(target.folder, name, data)
    return {"images": [_entry(name, target.subfolder, "output")], "animated": [True]}


async def save_animated_webp(
    ctx: NodeContext,
    images: Images,
    filename_prefix: str,
    fps: float,
    lossless: bool,
    quality: int,
    method: str,
) -> NodeResult:
    data = await ctx.compute(media.animated_webp_bytes, images, fps, lossless, quality, WEBP_METHODS[method])
    return NodeResult((), await _save_single(ctx, filename_prefix, "webp", images[0].size, data))


async def save_animated_png(
    ctx: NodeContext, images: Images, filename_prefix: str, fps: float, compress_level: int
) -> NodeResult:
    data = await ctx.compute(media.animated_png_bytes, images, fps, compress_level)
    return NodeResult((), await _save_single(ctx, filename_prefix, "png", images[0].size, data))


async def create_video(ctx: NodeContext, images: Images, fps: float, audio=None) -> NodeResult:
    return NodeResult((Video(tuple(images), fps),))


async def save_video(
    ctx: NodeContext, video: Video, filename_prefix: str, format: str, codec: str
) -> NodeResult:  # noqa: A002
    width, height = video.frames[0].size
    data = media.mp4_bytes(width, height, len(video.frames), video.fps)
    return NodeResult((), await _save_single(ctx, filename_prefix, "mp4", (width, height), data))


async def save_webm(
    ctx: NodeContext, images: Images, filename_prefix: str, codec: str, fps: float, crf: float
) -> NodeResult:
    width, height = images[0].size
    data = media.webm_bytes(width, height, len(images), fps, codec)
    return NodeResult((), await _save_single(ctx, filename_prefix, "webm", (width, height), data))


async def save_image_websocket(ctx: NodeContext, images: Images) -> NodeResult:
    # Images travel only as binary preview frames: no `executed`, no history entry.
    for step, image in enumerate(images):
        await ctx.step(step, len(images), ("PNG", image))
    return NodeResult((), None)


OUTPUT_NODES = [
    NodeDef(
        "SaveImage",
        save_image,
        required={
            "images": LINK("IMAGE", tooltip="The images to save."),
            "filename_prefix": STRING(
                "ComfyUI",
                tooltip="The prefix for the file to save. This may include formatting information such as "
                "%date:yyyy-MM-dd% or %Empty Latent Image.width% to include values from nodes.",
            ),
        },
        hidden=HIDDEN_PNGINFO,
        output_node=True,
        category="image",
        display_name="Save Image",
        description="Saves the input images to your ComfyUI output directory.",
    ),
    NodeDef(
        "PreviewImage",
        preview_image,
        required={"images": LINK("IMAGE")},
        hidden=HIDDEN_PNGINFO,
        output_node=True,
        category="image",
        display_name="Preview Image",
        description="Saves the input images to your ComfyUI output directory.",
    ),
    NodeDef(
        "SaveAnimatedWEBP",
        save_animated_webp,
        required={
            "images": LINK("IMAGE"),
            "filename_prefix": STRING("ComfyUI"),
            "fps": FLOAT(6.0, 0.01, 1000.0, step=0.01),
            "lossless": BOOLEAN(True),
            "quality": INT(80, 0, 100),
            "method": COMBO(list(WEBP_METHODS)),
        },
        hidden=HIDDEN_PNGINFO,
        output_node=True,
        category="image/animation",
        python_module="comfy_extras.nodes_images",
    ),
    NodeDef(
        "SaveAnimatedPNG",
        save_animated_png,
        required={
            "images": LINK("IMAGE"),
            "filename_prefix": STRING("ComfyUI"),
            "fps": FLOAT(6.0, 0.01, 1000.0, step=0.01),
            "compress_level": INT(4, 0, 9),
        },
        hidden=HIDDEN_PNGINFO,
        output_node=True,
        category="image/animation",
        python_module="comfy_extras.nodes_images",
    ),
    NodeDef(
        "CreateVideo",
        create_video,
        required={
            "images": LINK("IMAGE", tooltip="The images to create a video from."),
            "fps": FLOAT(30.0, 1.0, 120.0, step=1.0),
        },
        optional={"audio": LINK("AUDIO", tooltip="The audio to add to the video.")},
        outputs=("VIDEO",),
        category="image/video",
        display_name="Create Video",
        description="Create a video from images.",
        python_module="comfy_extras.nodes_video",
        v3=True,
    ),
    NodeDef(
        "SaveVideo",
        save_video,
        required={
            "video": LINK("VIDEO", tooltip="The video to save."),
            "filename_prefix": STRING("video/ComfyUI"),
            "format": COMBO(["auto", "mp4"], default="auto", tooltip="The format to save the video as."),
            "codec": COMBO(["auto", "h264"], default="auto", tooltip="The codec to use for the video."),
        },
        hidden=HIDDEN_PNGINFO,
        output_node=True,
        category="image/video",
        display_name="Save Video",
        description="Saves the input images to your ComfyUI output directory.",
        python_module="comfy_extras.nodes_video",
        v3=True,
    ),
    NodeDef(
        "SaveWEBM",
        save_webm,
        required={
            "images": LINK("IMAGE"),
            "filename_prefix": STRING("ComfyUI"),
            "codec": COMBO(["vp9", "av1"]),
            "fps": FLOAT(24.0, 0.01, 1000.0, step=0.01),
            "crf": FLOAT(
                32.0, 0, 63.0, step=1, tooltip="Higher crf means lower quality with a smaller file size."
            ),
        },
        hidden=HIDDEN_PNGINFO,
        output_node=True,
        category="image/video",
        python_module="comfy_extras.nodes_video",
        v3=True,
        experimental=True,
    ),
    NodeDef(
        "SaveImageWebsocket",
        save_image_websocket,
        required={"images": LINK("IMAGE")},
        output_node=True,
        category="api node/image",
        python_module="custom_nodes.websocket_image_save",
        native_progress=True,
        is_changed=lambda env, inputs: uuid.uuid4().hex,  # IS_CHANGED returns time.time(): never cached
    ),
]
