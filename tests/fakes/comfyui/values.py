"""Values that flow along links between simulated nodes.

Real ComfyUI passes torch tensors; the fake passes Pillow images and small stand-ins. `__str__` imitates
how a tensor prints, because `execution_error.current_inputs` carries `str(value)` for non-scalar inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


class Images(list):
    """A batch of RGB images: ComfyUI's IMAGE type ([B, H, W, C] in the real server)."""

    @property
    def shape(self) -> tuple[int, int, int, int]:
        first = self[0]
        return (len(self), first.height, first.width, 3)

    def __str__(self) -> str:
        return "tensor([[[[0.0000, 0.0000, 0.0000],\n          ...]]])"


@dataclass(frozen=True)
class Latent:
    """LATENT: a batch of latents 1/8 of the pixel size; `tint` stands in for the denoised content.

    `frames` is the number of video frames a video latent decodes to (1 for an image latent).
    """

    batch_size: int
    width: int
    height: int
    tint: tuple[int, int, int] = (128, 128, 128)
    frames: int = 1

    def __str__(self) -> str:
        return "{'samples': tensor([[[[0.0000, 0.0000, ...]]]])}"


@dataclass(frozen=True)
class ModelHandle:
    """MODEL, CLIP, VAE, CONDITIONING, UPSCALE_MODEL, ...: nothing is loaded, only named."""

    kind: str
    name: str
    extras: tuple = field(default_factory=tuple)

    def __str__(self) -> str:
        return f"<comfy.{self.kind} object ({self.name})>"


@dataclass(frozen=True)
class Video:
    """VIDEO: frames plus a frame rate, as CreateVideo builds it."""

    frames: tuple[Image.Image, ...]
    fps: float

    def __str__(self) -> str:
        return "<comfy_api.input_impl.video_types.VideoFromComponents object>"
