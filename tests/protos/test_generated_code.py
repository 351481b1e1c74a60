"""Generated code is fresh (regenerating changes nothing) and the protos pass buf lint and format."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROTOS = ROOT / "protos"
COMMITTED = PROTOS / "gen" / "python"


def _files(root: Path) -> set[str]:
    """Generated files only: caches and the editable install's egg-info are not part of the output."""
    return {str(p.relative_to(root)) for p in root.rglob("*")
            if p.is_file() and not any(part == "__pycache__" or part.endswith(".egg-info") for part in p.parts)}


def test_regenerating_the_protos_reproduces_the_committed_code(tmp_path):
    out = tmp_path / "gen"
    subprocess.run([sys.executable, str(PROTOS / "generate.py"), str(out)], check=True)
    assert _files(out) == _files(COMMITTED)
    differing = [f for f in _files(out) if not filecmp.cmp(out / f, COMMITTED / f, shallow=False)]
    assert differing == [], "run `make protos` and commit the result"


def _buf() -> str:
    found = shutil.which("buf", path=str(Path(sys.executable).parent)) or shutil.which("buf")
    if not found:
        pytest.fail("buf is missing: it comes with buf-bin in requirements-dev.txt")
    return found


def test_buf_lint_is_clean():
    result = subprocess.run([_buf(), "lint"], cwd=PROTOS, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_buf_format_is_clean():
    result = subprocess.run([_buf(), "format", "-d", "--exit-code"], cwd=PROTOS, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
