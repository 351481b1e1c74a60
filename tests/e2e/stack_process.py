"""Starts scripts/run_stack.py as a user would and waits for its READY line."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class StackProcess:
    proc: subprocess.Popen
    url: str = ""
    lines: list[str] = field(default_factory=list)

    def output(self) -> str:
        return "".join(self.lines)


def _pump(stack: StackProcess, ready: threading.Event) -> None:
    assert stack.proc.stdout is not None
    for line in stack.proc.stdout:
        stack.lines.append(line)
        if line.startswith("READY "):
            stack.url = line.split()[1]
            ready.set()
    ready.set()  # the process ended: stop waiting either way


@contextlib.contextmanager
def running_stack(data_dir: Path, extra_env: dict[str, str] | None = None,
                  args: tuple[str, ...] = ("--free-ports",)) -> Iterator[StackProcess]:
    env = {**os.environ, **(extra_env or {})}
    proc = subprocess.Popen([sys.executable, str(ROOT / "scripts/run_stack.py"), "--data-dir", str(data_dir), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    stack = StackProcess(proc)
    ready = threading.Event()
    pump = threading.Thread(target=_pump, args=(stack, ready), daemon=True)
    pump.start()
    ready.wait(timeout=90)
    try:
        yield stack
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        pump.join(timeout=5)
