"""The run command, end to end: real processes, real ports, HTTP like the frontend."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys

import httpx
import pytest

from tests.e2e.stack_process import ROOT, running_stack

pytestmark = pytest.mark.e2e


def test_stack_starts_serves_a_project_over_http_and_stops_cleanly_on_ctrl_c(tmp_path):
    data_dir = tmp_path / "data"
    with running_stack(data_dir) as stack:
        assert stack.url, stack.output()
        with httpx.Client(base_url=stack.url, timeout=10) as http:
            health = http.get("/api/v1/health").json()
            assert health["status"] == "healthy", health
            created = http.post("/api/projects", json={"name": "E2E"}).json()
            assert http.get(f"/api/v1/projects/{created['id']}").json()["name"] == "E2E"
            assert [p["id"] for p in http.get("/api/projects").json()] == [created["id"]]
        stack.proc.send_signal(signal.SIGINT)
        assert stack.proc.wait(timeout=30) == 0, stack.output()
    for name in ("projects", "comfyui", "generation", "media"):
        assert (data_dir / f"{name}.sqlite3").exists()
    assert "stopped" in stack.output()


def test_a_port_in_use_stops_the_stack_with_a_message_naming_it(tmp_path):
    with socket.socket() as blocker:
        blocker.bind(("0.0.0.0", 0))
        blocker.listen()
        busy = blocker.getsockname()[1]
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts/run_stack.py"), "--data-dir", str(tmp_path)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
            env={"PATH": "/usr/bin:/bin", "GATEWAY_PORT": str(busy), "PROJECTS_GRPC_PORT": "0",
                 "COMFYUI_GRPC_PORT": "0", "GENERATION_GRPC_PORT": "0", "MEDIA_GRPC_PORT": "0"})
    assert result.returncode == 1
    assert f"gateway port {busy}" in result.stderr


def test_a_service_alone_refuses_a_busy_port_with_one_clear_line(tmp_path):
    with socket.socket() as blocker:
        blocker.bind(("0.0.0.0", 0))
        blocker.listen()
        busy = blocker.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "projects_service"], cwd=ROOT, capture_output=True,
                                text=True, timeout=60,
                                env={"PATH": "/usr/bin:/bin", "PROJECTS_GRPC_PORT": str(busy),
                                     "STORYBOARD_DATA_DIR": str(tmp_path), "STORYBOARD_LOG_FORMAT": "text"})
    assert result.returncode == 1
    assert f"{busy}" in result.stdout and "already in use" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_malformed_setting_stops_a_service_with_one_line_naming_the_variable(tmp_path):
    result = subprocess.run([sys.executable, "-m", "projects_service"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, env={"PATH": "/usr/bin:/bin", "PROJECTS_GRPC_PORT": "not-a-port",
                                             "STORYBOARD_DATA_DIR": str(tmp_path), "STORYBOARD_LOG_FORMAT": "text"})
    assert result.returncode == 1
    assert "PROJECTS_GRPC_PORT" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_an_unwritable_data_dir_stops_a_service_naming_it(tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    result = subprocess.run([sys.executable, "-m", "media_service"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, env={"PATH": "/usr/bin:/bin", "MEDIA_GRPC_PORT": "0",
                                             "STORYBOARD_DATA_DIR": str(blocked / "sub"),
                                             "STORYBOARD_LOG_FORMAT": "text"})
    assert result.returncode == 1
    assert "STORYBOARD_DATA_DIR" in result.stdout or "data directory" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
