"""Model-free image nodes: EmptyImage, ImageBlur/Invert/Scale/Batch, ImageYUVToRGB, LoadImage."""

from __future__ import annotations

from PIL import Image, ImageFilter, ImageOps

from ..catalog import COMBO, FLOAT, INT, LINK, MAX_RESOLUTION, NodeContext, NodeDef, NodeResult
from ..values import Images

RESAMPLING = {
    "nearest-exact": Image.Resampling.NEAREST,
    "bilinear": Image.Resampling.BILINEAR,
    "area": Image.Resampling.BOX,
    "bicubic": Image.Resampling.BICUBIC,
    "lanczos": Image.Resampling.LANCZOS,
}


def rgb(color: int) -> tuple[int, int, int]:
    return ((color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF)


def scale_image(image: Image.Image, method: str, width: int, height: int, crop: str) -> Image.Image:
    """comfy.utils.common_upscale: 0 keeps the aspect ratio; "center" crops to the target aspect first."""
    if width == 0 and height == 0:
        return image
    if width == 0:
        width = max(1, round(image.width * height / image.height))
    elif height == 0:
        height = max(1, round(image.height * width / image.width))
    if crop == "center":
        source_aspect, target_aspect = image.width / image.height, width / height
        if source_aspect > target_aspect:
            keep = round(image.height * target_aspect)
            left = (image.width - keep) // 2
            image = image.crop((left, 0, left + keep, image.height))
        elif source_aspect < target_aspect:
            keep = round(image.width / target_aspect)
            top = (image.height - keep) // 2
            image = image.crop((0, top, image.width, top + keep))
    return image.resize((width, height), RESAMPLING.get(method, Image.Resampling.BILINEAR))


async def empty_image(ctx: NodeContext, width: int, height: int, batch_size: int, color: int) -> NodeResult:
    image = Image.new("RGB", (width, height), rgb(color))
    return NodeResult((Images([image] * batch_size),))


async def image_blur(ctx: NodeContext, image: Images, blur_radius: int, sigma: float) -> NodeResult:
    if blur_radius == 0:
        return NodeResult((image,))
    blurred = await ctx.compute(lambda: [frame.filter(ImageFilter.GaussianBlur(sigma)) for frame in image])
    return NodeResult((Images(blurred),))


async def image_invert(ctx: NodeContext, image: Images) -> NodeResult:
    return NodeResult((Images(ImageOps.invert(frame) for frame in image),))


async def image_scale(
    ctx: NodeContext, image: Images, upscale_method: str, width: int, height: int, crop: str
) -> NodeResult:
    scaled = await ctx.compute(lambda: [scale_image(f, upscale_method, width, height, crop) for f in image])
    return NodeResult((Images(scaled),))


async def image_batch(ctx: NodeContext, image1: Images, image2: Images) -> NodeResult:
    first = image1[0]
    if image2[0].size != first.size:
        image2 = Images(scale_image(f, "bilinear", first.width, first.height, "center") for f in image2)
    return NodeResult((Images([*image1, *image2]),))


async def image_yuv_to_rgb(ctx: NodeContext, Y: Images, U: Images, V: Images) -> NodeResult:  # noqa: N803
    # torch.cat over the channel dim: every other dimension must match, in tensor order.
    for number, planes in enumerate((U, V), start=1):
        for expected, got in zip(Y.shape[:3], planes.shape[:3], strict=True):
            if expected != got:
                raise RuntimeError(
                    "Sizes of tensors must match except in dimension 3. "
                    f"Expected size {expected} but got size {got} for tensor number {number} in the list."
                )
    merged = [
        Image.merge("YCbCr", (y.convert("L"), u.convert("L"), v.convert("L"))).convert("RGB")
        for y, u, v in zip(Y, U, V, strict=True)
    ]
    return NodeResult((Images(merged),))


async def load_image(ctx: NodeContext, image: str) -> NodeResult:
    path = ctx.files.input_path(image)

    def decode() -> tuple[Images, Images]:
        with Image.open(path) as opened:
            frame = opened.convert("RGBA")
        alpha = frame.getchannel("A")
        return Images([frame.convert("RGB")]), Images([ImageOps.invert(alpha).convert("RGB")])

    pixels, mask = await ctx.compute(decode)
    return NodeResult((pixels, mask))


def _load_image_validation(env, inputs) -> bool | str:
    image = inputs.get("image")
    return True if env.input_file_digest(str(image)) else f"Invalid image file: {image}"


IMAGE_NODES = [
    NodeDef(
        "EmptyImage",
        empty_image,
        required={
            "width": INT(512, 1, MAX_RESOLUTION),
            "height": INT(512, 1, MAX_RESOLUTION),
            "batch_size": INT(1, 1, 4096, step=None),
            "color": INT(0, 0, 0xFFFFFF, display="color"),
        },
        outputs=("IMAGE",),
        category="image",
    ),
    NodeDef(
        "ImageBlur",
        image_blur,
        required={
            "image": LINK("IMAGE"),
            "blur_radius": INT(1, 1, 31),
            "sigma": FLOAT(1.0, 0.1, 10.0, step=0.1),
        },
        outputs=("IMAGE",),
        category="image/postprocessing",
        display_name="Image Blur",
        python_module="comfy_extras.nodes_post_processing",
        v3=True,
    ),
    NodeDef(
        "ImageInvert",
        image_invert,
        required={"image": LINK("IMAGE")},
        outputs=("IMAGE",),
        category="image",
        display_name="Invert Image",
    ),
    NodeDef(
        "ImageScale",
        image_scale,
        required={
            "image": LINK("IMAGE"),
            "upscale_method": COMBO(list(RESAMPLING)),
            "width": INT(512, 0, MAX_RESOLUTION),
            "height": INT(512, 0, MAX_RESOLUTION),
            "crop": COMBO(["disabled", "center"]),
        },
        outputs=("IMAGE",),
        category="image/upscaling",
        display_name="Upscale Image",
    ),
    NodeDef(
        "ImageBatch",
        image_batch,
        required={"image1": LINK("IMAGE"), "image2": LINK("IMAGE")},
        outputs=("IMAGE",),
        category="image",
        display_name="Batch Images",
    ),
    NodeDef(
        "ImageYUVToRGB",
        image_yuv_to_rgb,
        required={"Y": LINK("IMAGE"), "U": LINK("IMAGE"), "V": LINK("IMAGE")},
        outputs=("IMAGE",),
        category="image/batch",
        python_module="comfy_extras.nodes_morphology",
        v3=True,
    ),
    NodeDef(
        "LoadImage",
        load_image,
        required={"image": COMBO(lambda env: env.input_images(), image_upload=True)},
        outputs=("IMAGE", "MASK"),
        category="image",
        display_name="Load Image",
        is_changed=lambda env, inputs: env.input_file_digest(str(inputs.get("image"))),
        custom_validation=_load_image_validation,
        custom_validated_inputs=("image",),
    ),
]
