"""REST latency through the gateway, against this machine's ceiling (issue 3). Not a test; prints JSON lines.

    .venv/bin/python bench/rest_latency.py [--seconds 10] [--rounds 3] [--concurrency 64] [--log-level LEVEL]

Starts the whole stack with `scripts/run_stack.py --free-ports` on a temporary data directory, seeds one
project with 100 scenes x 20 clips through the API, then measures with keep-alive HTTP/1.1 connections:
- ceiling: a bare FastAPI endpoint (this file, `--ceiling-app`, under uvicorn in its own process) that makes
  one gRPC health Check on the projects service, at the same concurrency;
- clip reads: GET /api/v1/clips/{id} (random clips) at the same concurrency: req/s, p50, p99;
- timeline: GET /api/v1/projects/{id}/timeline (2,000 clips), one request at a time: p50, p99.
Ceiling and clip rounds alternate, and the summary takes medians, so other load on the machine hits both.
Targets: clip reads >= 60% of the ceiling's req/s with p99 < 80 ms; timeline p50 < 150 ms.
Everything it started is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import socket
import subprocess
import sys
import tempfile
import time

from stack import ROOT, Stack

SCENES, CLIPS_PER_SCENE = 100, 20


# --- the ceiling: a bare FastAPI endpoint making one trivial gRPC call
# -------------------------------------------

def ceiling_app(target: str):  # noqa: ANN201 - built only in the ceiling subprocess
    import grpc
    from fastapi import FastAPI
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    app = FastAPI()
    state: dict[str, object] = {}

    @app.get("/ping")
    async def ping() -> dict[str, str]:
        if "stub" not in state:
            state["stub"] = health_pb2_grpc.HealthStub(grpc.aio.insecure_channel(target))
        reply = await state["stub"].Check(health_pb2.HealthCheckRequest(service=""),
                                          timeout=10)  # type: ignore[attr-defined]
        return {"status": health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)}

    return app


def serve_ceiling(target: str, port: int) -> None:
    import uvicorn

    uvicorn.run(ceiling_app(target), host="127.0.0.1", port=port, log_level="warning", access_log=False)


# --- process handling
# ----------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_ceiling(projects_addr: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--ceiling-app", projects_addr, str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the ceiling app did not start")


# --- seeding through the API
# ---------------------------------------------------------------------------------------

async def seed(base_url: str) -> tuple[str, list[str]]:
    import httpx

    async with httpx.AsyncClient(base_url=base_url + "/api/v1", timeout=30) as client:
        project = (await client.post("/projects", json={"name": "Bench"})).raise_for_status().json()["id"]
        gate = asyncio.Semaphore(16)

        async def post(path: str, body: dict[str, object]) -> str:
            async with gate:
                return (await client.post(path, json=body)).raise_for_status().json()["id"]

        scenes = await asyncio.gather(*(post("/scenes", {"project_id": project, "name": f"S{i}", "order": i})
                                        for i in range(SCENES)))
        clips = await asyncio.gather(*(
            post("/clips", {"scene_id": scene, "name": f"Clip {j}", "order": j, "length": 4.0,
                            "timeline_position": 4.0 * j, "image_prompt": "a quiet street at night, rain"})
            for scene in scenes for j in range(CLIPS_PER_SCENE)))
    return project, list(clips)


# --- load: keep-alive HTTP/1.1 on raw asyncio streams (an HTTP client library would be the bottleneck)
# -------------

async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))  # type: ignore[union-attr]
    await reader.readexactly(length)
    return status


async def load(base_url: str, paths: list[str], concurrency: int, seconds: float,
               warmup: float = 2.0) -> dict[str, float]:
    host_port = base_url.removeprefix("http://")
    host, port = host_port.split(":")
    latencies: list[float] = []
    errors = 0
    loop = asyncio.get_running_loop()
    start = loop.time()
    measure_from, stop_at = start + warmup, start + warmup + seconds

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while (now := loop.time()) < stop_at:
                status = await _get(reader, writer, host_port, random.choice(paths))
                done = loop.time()
                if now >= measure_from:
                    latencies.append(done - now)
                    errors += status != 200
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    latencies.sort()
    n = len(latencies)
    return {"requests": n, "errors": errors, "rps": round(n / seconds, 1),
            "p50_ms": round(latencies[n // 2] * 1000, 2) if n else 0.0,
            "p99_ms": round(latencies[min(n - 1, int(n * 0.99))] * 1000, 2) if n else 0.0}


def emit(**fields: object) -> None:
    print(json.dumps({"bench": "rest_latency", **fields}), flush=True)


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


async def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-rest-") as data_dir:
        stack = Stack(data_dir, {"STORYBOARD_LOG_LEVEL": args.log_level})
        ceiling = None
        try:
            stack.wait_ready()
            started = time.perf_counter()
            project_id, clip_ids = await seed(stack.base_url)
            emit(metric="seed", scenes=SCENES, clips=len(clip_ids),
                 seconds=round(time.perf_counter() - started, 1))
            ceiling, ceiling_port = start_ceiling(stack.address("projects"))
            clip_paths = [f"/api/v1/clips/{c}" for c in clip_ids]
            ceilings, reads = [], []
            for round_ in range(1, args.rounds + 1):
                ceiling_url = f"http://127.0.0.1:{ceiling_port}"
                base = await load(ceiling_url, ["/ping"], args.concurrency, args.seconds)
                emit(metric="ceiling", round=round_, what="bare FastAPI + one gRPC health Check",
                     concurrency=args.concurrency, **base)
                clips = await load(stack.base_url, clip_paths, args.concurrency, args.seconds)
                emit(metric="clip_get", round=round_, path="/api/v1/clips/{id}", concurrency=args.concurrency,
                     **clips, ratio_to_ceiling=round(clips["rps"] / base["rps"], 3) if base["rps"] else 0.0)
                ceilings.append(base)
                reads.append(clips)
            ratio = round(median([r["rps"] for r in reads]) / median([c["rps"] for c in ceilings]), 3)
            p99 = median([r["p99_ms"] for r in reads])
            emit(metric="clip_get_summary", rounds=args.rounds, log_level=args.log_level,
                 ceiling_rps=median([c["rps"] for c in ceilings]), rps=median([r["rps"] for r in reads]),
                 p50_ms=median([r["p50_ms"] for r in reads]), p99_ms=p99, ratio_to_ceiling=ratio,
                 target="ratio >= 0.6 and p99 < 80 ms",
                 ok=ratio >= 0.6 and p99 < 80 and not any(r["errors"] for r in reads))
            timeline = await load(stack.base_url, [f"/api/v1/projects/{project_id}/timeline"], 1,
                                  args.timeline_seconds, warmup=1.0)
            emit(metric="timeline", path="/api/v1/projects/{id}/timeline", clips=len(clip_ids), concurrency=1,
                 **timeline, target="p50 < 150 ms", ok=timeline["p50_ms"] < 150 and timeline["errors"] == 0)
        finally:
            if ceiling is not None:
                ceiling.terminate()
                ceiling.wait(timeout=10)
            stack.stop()
    return 0


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--ceiling-app":
        serve_ceiling(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per load run")
    parser.add_argument("--timeline-seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3, help="alternating ceiling / clip-read rounds")
    # The ceiling endpoint writes no access log, so by default neither does the stack; --log-level INFO adds
    # the gateway's and the service's access lines (relayed through run_stack's pipes) to the clip reads.
    parser.add_argument("--log-level", default="WARNING", help="STORYBOARD_LOG_LEVEL for the stack")
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
