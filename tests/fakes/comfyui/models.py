"""Per-server model files, held as names only (nothing on disk), as `/models` and loader combos list them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from .files import FileStore

MODEL_FOLDERS = [
    "checkpoints",
    "configs",
    "loras",
    "vae",
    "text_encoders",
    "diffusion_models",
    "clip_vision",
    "style_models",
    "embeddings",
    "diffusers",
    "vae_approx",
    "controlnet",
    "gligen",
    "upscale_models",
    "custom_nodes",
    "hypernetworks",
    "photomaker",
    "classifiers",
    "model_patches",
    "audio_encoders",
    # Registered by the custom node packs the fake carries (nodes/custom.py).
    "ipadapter",
    "instantid",
    "insightface",
    "facerestore_models",
    "animatediff_models",
]
# Legacy folder names whose files the real server lists under the new name (they are not /models routes).
FOLDER_ALIASES = {"unet": "diffusion_models", "clip": "text_encoders"}
MODEL_EXTENSIONS = {".ckpt", ".pt", ".pt2", ".bin", ".pth", ".safetensors", ".pkl", ".sft"}
FOLDER_EXTENSIONS: dict[str, set[str] | None] = {
    "configs": {".yaml"},
    "custom_nodes": None,
    "insightface": {".onnx", ".pth"},
    "facerestore_models": {".onnx", ".pth"},
}

DEFAULT_MODELS: dict[str, list[str]] = {
    "checkpoints": ["fake-sd15.safetensors", "fake-sdxl.safetensors"],
    "loras": ["fake-style-lora.safetensors"],
    "vae": ["fake-vae.safetensors"],
    "diffusion_models": ["fake-flux-dev.safetensors"],
    "text_encoders": ["fake-clip-l.safetensors", "fake-t5xxl.safetensors"],
    "upscale_models": ["fake-2x-upscaler.pth"],
}


def canonical_folder(folder: str) -> str:
    folder = FOLDER_ALIASES.get(folder, folder)
    if folder not in MODEL_FOLDERS:
        raise ValueError(f"unknown model folder {folder!r}; known: {MODEL_FOLDERS + list(FOLDER_ALIASES)}")
    return folder


class ModelCatalog:
    """Model file names by folder. Changes show at once, like the real server's rescans."""

    def __init__(self, models: Mapping[str, Iterable[str]] | None = None) -> None:
        self._files: dict[str, set[str]] = {folder: set() for folder in MODEL_FOLDERS}
        self._metadata: dict[tuple[str, str], dict[str, str]] = {}
        for folder, names in (DEFAULT_MODELS if models is None else models).items():
            self.add(folder, *names)

    def set(self, folder: str, names: Iterable[str]) -> None:
        self._files[canonical_folder(folder)] = set(names)

    def add(self, folder: str, *names: str) -> None:
        self._files[canonical_folder(folder)].update(names)

    def remove(self, folder: str, *names: str) -> None:
        self._files[canonical_folder(folder)].difference_update(names)

    def set_metadata(self, folder: str, name: str, metadata: Mapping[str, str] | None) -> None:
        key = (canonical_folder(folder), name)
        if metadata is None:
            self._metadata.pop(key, None)
        else:
            self._metadata[key] = dict(metadata)

    def header_metadata(self, folder: str, name: str) -> dict[str, str] | None:
        """What /view_metadata shows: only for a listed .safetensors file whose header has metadata."""
        try:
            folder = canonical_folder(folder)
        except ValueError:
            return None
        if not name.endswith(".safetensors") or name not in self._files[folder]:
            return None
        return self._metadata.get((folder, name))

    def listed(self, folder: str) -> list[str]:
        """What a combo or `/models/{folder}` lists: sorted, filtered by the folder's extensions."""
        extensions = FOLDER_EXTENSIONS.get(folder, MODEL_EXTENSIONS)
        names = self._files.get(folder, set())
        if extensions is not None:
            names = {n for n in names if os.path.splitext(n)[1].lower() in extensions}
        return sorted(names)

    def snapshot(self) -> dict[str, list[str]]:
        return {folder: sorted(names) for folder, names in self._files.items() if names}


class ServerEnvironment:
    """What the node catalogue sees of one server: its model lists and its input/ folder."""

    def __init__(self, models: ModelCatalog, files: FileStore) -> None:
        self.models = models
        self.files = files

    def model_names(self, folder: str) -> list[str]:
        return self.models.listed(folder)

    def input_images(self) -> list[str]:
        return self.files.input_images()

    def input_file_digest(self, name: str) -> str | None:
        return self.files.input_digest(name)
