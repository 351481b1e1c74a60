"""Regenerates the Python code for every .proto under protos/storyboard: the only codegen entry point.

Usage: python protos/generate.py [OUTPUT_DIR]   (default: protos/gen/python)
"""

from __future__ import annotations

import shutil
import sys
from importlib import resources
from pathlib import Path

from grpc_tools import protoc

PROTOS_DIR = Path(__file__).resolve().parent
DEFAULT_OUT = PROTOS_DIR / "gen" / "python"


def proto_files() -> list[Path]:
    return sorted((PROTOS_DIR / "storyboard").rglob("*.proto"))


def generate(out_dir: Path = DEFAULT_OUT) -> None:
    # Only our package: the folder may also hold an editable install's metadata.
    shutil.rmtree(out_dir / "storyboard", ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    well_known = resources.files("grpc_tools") / "_proto"
    files = [str(p.relative_to(PROTOS_DIR)) for p in proto_files()]
    args = [
        "grpc_tools.protoc",
        f"-I{PROTOS_DIR}",
        f"-I{well_known}",
        f"--python_out={out_dir}",
        f"--pyi_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        *files,
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    # Namespace packages need no __init__.py; explicit ones keep tools (mypy, setuptools) happy.
    for folder in [out_dir / "storyboard", *(p for p in (out_dir / "storyboard").rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
