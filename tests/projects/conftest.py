"""The projects service in-process with a real gRPC stub, for the tests of one area each."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.projects.projects_rpc import ProjectsRpc, projects_rpc


@pytest.fixture
async def rpc(data_dir: Path) -> AsyncIterator[ProjectsRpc]:
    async with projects_rpc(data_dir) as rpc:
        yield rpc
