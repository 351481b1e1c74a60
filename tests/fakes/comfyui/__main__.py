"""python -m tests.fakes.comfyui [--host 127.0.0.1] [--port 8188] [--base-dir DIR] [--models FILE.json]

Prints `FAKE_COMFYUI_URL=http://host:port` once listening (useful with --port 0), runs until SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal

from .process import URL_LINE_PREFIX
from .server import FakeComfyUI


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.fakes.comfyui", description="Fake ComfyUI 0.3.64 server"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8188, help="0 picks a free port")
    parser.add_argument("--base-dir", default=None, help="holds output/, input/, temp/ (default: a temp dir)")
    parser.add_argument("--models", default=None, help='JSON file: {"checkpoints": ["a.safetensors"], ...}')
    parser.add_argument("--latency", type=float, default=0.002, help="default seconds per node")
    parser.add_argument("--absent-node-class", action="append", default=[], help="repeatable")
    parser.add_argument("--device", choices=["cuda", "cpu"], default=None, help="cpu: a CPU-only server's stats")
    parser.add_argument("--vram-total", type=int, default=None)
    parser.add_argument("--vram-free", type=int, default=None)
    return parser.parse_args(argv)


def read_models(path: str | None) -> dict | None:
    if path is None:
        return None
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


async def serve(args: argparse.Namespace, models: dict | None) -> None:
    stats = {
        k: v
        for k, v in (("device", args.device), ("vram_total", args.vram_total), ("vram_free", args.vram_free))
        if v is not None
    }
    fake = FakeComfyUI(
        host=args.host,
        port=args.port,
        base_dir=args.base_dir,
        models=models,
        absent_node_classes=args.absent_node_class,
        latency=args.latency,
        system_stats=stats,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with fake:
        print(f"{URL_LINE_PREFIX}{fake.url}", flush=True)
        await stop.wait()


def main() -> None:
    args = parse_args()
    asyncio.run(serve(args, read_models(args.models)))


if __name__ == "__main__":
    main()
