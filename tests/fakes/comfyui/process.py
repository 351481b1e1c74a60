"""FakeComfyUIProcess: the fake as a child process, like a real server for e2e tests and bench.

async with FakeComfyUIProcess() as server:      # port 0: a free port, read back from stdout
    server.url, server.control (RemoteControl)
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from .remote import RemoteControl

REPO_ROOT = Path(__file__).resolve().parents[3]
URL_LINE_PREFIX = "FAKE_COMFYUI_URL="  # the line __main__ prints once listening


class FakeComfyUIProcess:
    def __init__(
        self, *extra_args: str, host: str = "127.0.0.1", port: int = 0, startup_timeout: float = 30.0
    ):
        self.args = ["--host", host, "--port", str(port), *extra_args]
        self.startup_timeout = startup_timeout
        self.process: asyncio.subprocess.Process | None = None
        self.url = ""

    @property
    def control(self) -> RemoteControl:
        return RemoteControl(self.url)

    async def __aenter__(self) -> FakeComfyUIProcess:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.fakes.comfyui",
            *self.args,
            cwd=REPO_ROOT,
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            line = await asyncio.wait_for(self.process.stdout.readline(), self.startup_timeout)
        except TimeoutError:
            await self.stop()
            raise
        text = line.decode().strip()
        if not text.startswith(URL_LINE_PREFIX):
            await self.stop()
            raise RuntimeError(f"fake ComfyUI did not start: {text!r}")
        self.url = text[len(URL_LINE_PREFIX) :]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
