"""Runs the whole stack as local processes: four gRPC services and the gateway (`make run`, e2e tests).

Each child's output is prefixed with its name. Ctrl-C (or SIGTERM) stops every child gracefully.
Ports and the data directory come from the usual environment variables or from the options below;
`--free-ports` picks unused ports (tests). Once every process is healthy it prints one line:
`READY http://HOST:PORT` (the gateway's address), just after a `SERVICES name=HOST:PORT ...` line.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVICES = [  # name, module, port variable, default port, address variable
    ("projects", "projects_service", "PROJECTS_GRPC_PORT", 50051, "PROJECTS_SERVICE_ADDR"),
    ("comfyui", "comfyui_service", "COMFYUI_GRPC_PORT", 50052, "COMFYUI_SERVICE_ADDR"),
    ("generation", "generation_service", "GENERATION_GRPC_PORT", 50053, "GENERATION_SERVICE_ADDR"),
    ("media", "media_service", "MEDIA_GRPC_PORT", 50054, "MEDIA_SERVICE_ADDR"),
]
GATEWAY_PORT_VAR, GATEWAY_DEFAULT_PORT = "GATEWAY_PORT", 8000
READY_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


def plan_ports(free: bool) -> dict[str, int]:
    ports = {name: free_port() if free else int(os.environ.get(var, default))
             for name, _, var, default, _ in SERVICES}
    ports["gateway"] = free_port() if free else int(os.environ.get(GATEWAY_PORT_VAR, GATEWAY_DEFAULT_PORT))
    return ports


def child_env(ports: dict[str, int], data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("STORYBOARD_LOG_FORMAT", "text")
    env["STORYBOARD_DATA_DIR"] = str(data_dir)
    env["PYTHONUNBUFFERED"] = "1"
    for name, _, port_var, _, addr_var in SERVICES:
        env[port_var] = str(ports[name])
        env[addr_var] = f"127.0.0.1:{ports[name]}"
    env[GATEWAY_PORT_VAR] = str(ports["gateway"])
    return env


async def relay(name: str, stream: asyncio.StreamReader) -> None:
    width = max(len(n) for n, *_ in SERVICES)
    async for line in stream:
        sys.stdout.write(f"{name:<{width}} | {line.decode(errors='replace')}")
        sys.stdout.flush()


async def wait_healthy(ports: dict[str, int], procs: dict[str, asyncio.subprocess.Process]) -> bool:
    from storyboard_common.healthcheck import check

    loop = asyncio.get_running_loop()
    deadline = loop.time() + READY_TIMEOUT_S
    pending = {name for name, *_ in SERVICES}
    while pending and loop.time() < deadline:
        if any(p.returncode is not None for p in procs.values()):
            return False
        for name in list(pending):
            if await check(f"127.0.0.1:{ports[name]}", timeout=0.5):
                pending.discard(name)
        await asyncio.sleep(0.1)
    while not pending and loop.time() < deadline:  # the gateway: a TCP connect is enough
        if procs["gateway"].returncode is not None:
            return False
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", ports["gateway"])
            writer.close()
            return True
        except OSError:
            await asyncio.sleep(0.1)
    return False


async def stop_all(procs: dict[str, asyncio.subprocess.Process]) -> None:
    for p in procs.values():
        if p.returncode is None:
            p.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(asyncio.gather(*(p.wait() for p in procs.values())), timeout=20)
    except TimeoutError:
        for p in procs.values():
            if p.returncode is None:
                p.kill()


async def run(args: argparse.Namespace) -> int:
    ports = plan_ports(args.free_ports)
    busy = [f"{name} port {port}" for name, port in ports.items() if not port_is_free(port)]
    if busy:
        print(f"run_stack: cannot start, already in use: {', '.join(busy)}. "
              "Stop whatever holds it, or set PROJECTS_GRPC_PORT / COMFYUI_GRPC_PORT / GENERATION_GRPC_PORT / "
              "MEDIA_GRPC_PORT / GATEWAY_PORT.", file=sys.stderr)
        return 1
    data_dir = Path(args.data_dir).resolve()
    env = child_env(ports, data_dir)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    procs: dict[str, asyncio.subprocess.Process] = {}
    modules = [(name, module) for name, module, *_ in SERVICES] + [("gateway", "api_gateway")]
    for name, module in modules:
        procs[name] = await asyncio.create_subprocess_exec(
            sys.executable, "-m", module, env=env, cwd=ROOT, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT, start_new_session=True)  # Ctrl-C reaches us, and we stop them
    relays = [asyncio.create_task(relay(n, p.stdout)) for n, p in procs.items() if p.stdout]
    code = 0
    if await wait_healthy(ports, procs):
        # One line naming every service's address, for tools that talk gRPC directly (bench/rest_latency.py).
        print("SERVICES " + " ".join(f"{name}=127.0.0.1:{ports[name]}" for name, *_ in SERVICES), flush=True)
        print(f"READY http://127.0.0.1:{ports['gateway']}  (data in {data_dir}; Ctrl-C stops everything)",
              flush=True)
        exits = [asyncio.create_task(p.wait()) for p in procs.values()]
        stopper = asyncio.create_task(stop.wait())
        await asyncio.wait([stopper, *exits], return_when=asyncio.FIRST_COMPLETED)
        if not stop.is_set():
            dead = [n for n, p in procs.items() if p.returncode is not None]
            print(f"run_stack: {', '.join(dead)} exited; stopping the rest", file=sys.stderr)
            code = 1
    else:
        dead = [n for n, p in procs.items() if p.returncode is not None]
        print(f"run_stack: the stack did not become healthy ({', '.join(dead) or 'timeout'}); see the log above",
              file=sys.stderr)
        code = 1
    await stop_all(procs)
    await asyncio.gather(*relays, return_exceptions=True)
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=os.environ.get("STORYBOARD_DATA_DIR", str(ROOT / "data")))
    parser.add_argument("--free-ports", action="store_true", help="pick unused ports (tests)")
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
