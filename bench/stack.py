"""The whole stack for a benchmark: `scripts/run_stack.py --free-ports` as a child process.

Shared by the benchmarks, which import it as `from stack import Stack` (each runs as `python bench/<name>.py`,
so this folder is on sys.path). Not a benchmark itself; `make bench` skips it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY = re.compile(r"READY (http://\S+)")
SERVICES = re.compile(r"^SERVICES (.*)")
OUTPUT_KEPT = 30  # last lines of the stack's output, shown when it does not become ready


class Stack:
    """scripts/run_stack.py as a child process; its output is drained so it never blocks on a full pipe.

    `base_url` is the gateway's address once READY; `address(name)` a service's gRPC address from the
    SERVICES line that run_stack prints just before READY.
    """

    def __init__(self, data_dir: str | Path, env: Mapping[str, str] | None = None):
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts/run_stack.py"), "--free-ports", "--data-dir", str(data_dir)],
            cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True)
        self.base_url = ""
        self.addresses: dict[str, str] = {}
        self.output: list[str] = []
        self._ready = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.proc.stdout
        for line in self.proc.stdout:
            self.output = [*self.output[-OUTPUT_KEPT:], line]
            if not self.addresses and (m := SERVICES.search(line)):
                self.addresses = dict(pair.split("=", 1) for pair in m.group(1).split())
            if not self.base_url and (m := READY.search(line)):
                self.base_url = m.group(1)
                self._ready.set()
        self._ready.set()

    def wait_ready(self, timeout: float = 120) -> None:
        self._ready.wait(timeout)
        if not self.base_url:
            raise RuntimeError("the stack did not become ready:\n" + "".join(self.output))

    def address(self, service: str) -> str:
        """The gRPC address (host:port) of one service, as run_stack announced it."""
        if service not in self.addresses:
            raise RuntimeError(f"the stack did not announce the {service} service's address")
        return self.addresses[service]

    def children(self) -> dict[str, int]:
        """{component: pid} of run_stack's children, named by the module they run."""
        named = {}
        for pid in Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split():
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            module = args[args.index(b"-m") + 1].decode() if b"-m" in args else "?"
            named[module.removesuffix("_service").replace("api_gateway", "gateway")] = int(pid)
        return named

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # run_stack stops its children gracefully
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
