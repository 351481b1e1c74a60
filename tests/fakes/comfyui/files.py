"""The server's `output/`, `input/` and `temp/` folders: save paths, `/view` lookups and uploads.

Path rules and the `_NNNNN_` counter follow ComfyUI's `folder_paths` so filenames match a real server.
These folders are the only state that survives `restart()`, apart from `temp/`, which start-up wipes.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
CONTENT_TYPES = {
    ".png": "image/png",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
}
# /view forces these to download instead of display, as the real server does.
UNSAFE_CONTENT_TYPES = {
    "text/html",
    "text/html-sandboxed",
    "application/xhtml+xml",
    "text/javascript",
    "text/css",
}
_ANNOTATION = re.compile(r"^(.*) \[(input|output|temp)\]$")


@dataclass(frozen=True)
class SavePath:
    folder: str
    filename: str
    counter: int
    subfolder: str


@dataclass(frozen=True)
class ViewTarget:
    status: int
    path: str | None = None
    filename: str | None = None


class FileStore:
    def __init__(self, base_dir: Path) -> None:
        self.base_dir = Path(os.path.realpath(base_dir))
        self.output_dir = str(self.base_dir / "output")
        self.input_dir = str(self.base_dir / "input")
        self.temp_dir = str(self.base_dir / "temp")
        for folder in (self.output_dir, self.input_dir, self.temp_dir):
            os.makedirs(folder, exist_ok=True)

    def directory(self, type_name: str | None) -> str | None:
        return {"output": self.output_dir, "input": self.input_dir, "temp": self.temp_dir}.get(
            type_name or ""
        )

    def wipe_temp(self) -> None:
        shutil.rmtree(self.temp_dir, ignore_errors=True)
        os.makedirs(self.temp_dir, exist_ok=True)

    # --- saving outputs ---------------------------------------------------------------------------

    def save_path(self, filename_prefix: str, output_dir: str, width: int = 0, height: int = 0) -> SavePath:
        """ComfyUI's get_save_image_path: the counter continues from files already on disk."""
        if "%" in filename_prefix:
            filename_prefix = _expand_prefix_variables(filename_prefix, width, height)
        subfolder = os.path.dirname(os.path.normpath(filename_prefix))
        filename = os.path.basename(os.path.normpath(filename_prefix))
        folder = os.path.join(output_dir, subfolder)
        if os.path.commonpath((output_dir, os.path.abspath(folder))) != output_dir:
            raise Exception(
                "**** ERROR: Saving image outside the output folder is not allowed."
                f"\n full_output_folder: {os.path.abspath(folder)}\n         output_dir: {output_dir}"
            )
        os.makedirs(folder, exist_ok=True)
        return SavePath(folder, filename, _next_counter(folder, filename), subfolder)

    @staticmethod
    def write(folder: str, name: str, data: bytes) -> None:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)

    # --- /view ------------------------------------------------------------------------------------

    def view_target(self, filename: str | None, subfolder: str | None, type_name: str | None) -> ViewTarget:
        if filename is None:
            return ViewTarget(404)
        output_dir = None
        annotated = _ANNOTATION.match(filename)
        if annotated:
            filename, output_dir = annotated.group(1), self.directory(annotated.group(2))
        if not filename:
            return ViewTarget(400)
        if filename[0] == "/" or ".." in filename:
            return ViewTarget(400)
        if output_dir is None:
            output_dir = self.directory(type_name or "output")
        if output_dir is None:
            return ViewTarget(400)
        if subfolder is not None:
            full_dir = os.path.join(output_dir, subfolder)
            if os.path.commonpath((os.path.abspath(full_dir), output_dir)) != output_dir:
                return ViewTarget(403)
            output_dir = full_dir
        filename = os.path.basename(filename)
        path = os.path.join(output_dir, filename)
        if not os.path.isfile(path):
            return ViewTarget(404)
        return ViewTarget(200, path, filename)

    @staticmethod
    def content_type(filename: str) -> str:
        extension = os.path.splitext(filename)[1].lower()
        content_type = (
            CONTENT_TYPES.get(extension) or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        )
        return "application/octet-stream" if content_type in UNSAFE_CONTENT_TYPES else content_type

    # --- /upload/image ----------------------------------------------------------------------------

    def upload(
        self, data: bytes, filename: str, type_name: str | None, subfolder: str, overwrite: bool
    ) -> dict | int:
        """Returns the JSON answer, or a bare status code. Same name + same bytes keeps the name."""
        type_name = type_name or "input"
        upload_dir = self.directory(type_name)
        if upload_dir is None:
            raise ValueError(f"unknown upload type {type_name!r}")  # the real server crashes: 500
        folder = os.path.join(upload_dir, os.path.normpath(subfolder))
        path = os.path.abspath(os.path.join(folder, filename))
        if os.path.commonpath((upload_dir, path)) != upload_dir:
            return 400
        os.makedirs(folder, exist_ok=True)
        stem, extension = os.path.splitext(filename)
        duplicate = False
        attempt = 1
        while not overwrite and os.path.exists(path):
            if _sha256_file(path) == hashlib.sha256(data).hexdigest():
                duplicate = True
                break
            filename = f"{stem} ({attempt}){extension}"
            path = os.path.join(folder, filename)
            attempt += 1
        if not duplicate:
            with open(path, "wb") as handle:
                handle.write(data)
        return {"name": filename, "subfolder": subfolder, "type": type_name}

    # --- inputs for LoadImage ---------------------------------------------------------------------

    def input_images(self) -> list[str]:
        names = [
            name
            for name in os.listdir(self.input_dir)
            if os.path.isfile(os.path.join(self.input_dir, name))
            and os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS
        ]
        return sorted(names)

    def input_path(self, annotated_name: str) -> str | None:
        name, base = annotated_name, self.input_dir
        annotated = _ANNOTATION.match(annotated_name)
        if annotated:
            name, base = annotated.group(1), self.directory(annotated.group(2)) or self.input_dir
        path = os.path.abspath(os.path.join(base, name))
        if os.path.commonpath((base, path)) != base or not os.path.isfile(path):
            return None
        return path

    def input_digest(self, annotated_name: str) -> str | None:
        path = self.input_path(annotated_name)
        return _sha256_file(path) if path else None


def _sha256_file(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _next_counter(folder: str, filename: str) -> int:
    prefix_length = len(filename)
    counters = []
    for existing in os.listdir(folder):
        prefix = existing[: prefix_length + 1]
        if os.path.normcase(prefix[:-1]) != os.path.normcase(filename) or prefix[-1:] != "_":
            continue
        try:
            counters.append(int(existing[prefix_length + 1 :].split("_")[0]))
        except ValueError:
            counters.append(0)
    return max(counters, default=0) + 1


def _expand_prefix_variables(prefix: str, width: int, height: int) -> str:
    now = time.localtime()
    replacements = {
        "%width%": str(width),
        "%height%": str(height),
        "%year%": str(now.tm_year),
        "%month%": str(now.tm_mon).zfill(2),
        "%day%": str(now.tm_mday).zfill(2),
        "%hour%": str(now.tm_hour).zfill(2),
        "%minute%": str(now.tm_min).zfill(2),
        "%second%": str(now.tm_sec).zfill(2),
    }
    for variable, value in replacements.items():
        prefix = prefix.replace(variable, value)
    return prefix
