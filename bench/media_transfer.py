"""Media upload and download throughput through the gateway, against a plain file copy (issue 5). Not a test;
prints JSON lines.

    .venv/bin/python bench/media_transfer.py [--sizes 20,100] [--dir /tmp] [--rounds 3]

For each size it starts the whole stack with `scripts/run_stack.py --free-ports` on a fresh data directory,
with MEDIA_MAX_MUSIC_MB raised to fit the file, makes a valid WAV of that size, and measures on the same disk:
- copy: shutil.copyfile of the WAV, the baseline;
- upload: POST /api/v1/projects/{id}/upload-music with the multipart body streamed from the file
  (Content-Length set, as a browser does), through the gateway into the media service (sha256, duration,
  fsync, rename);
- download: GET /uploads/music/<id>.wav streamed to a file on the same disk, then checked against the sha256.
Throughput is the best of --rounds. For each phase it also reports every process's peak RSS (VmHWM, reset
before the phase through /proc/<pid>/clear_refs) and the least CPU seconds the gateway, media and this client
used. Targets: upload and download at least 25% of the copy throughput; peak RSS that does not grow with the
file size.
Everything it started is stopped at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import struct
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from stack import Stack

MIB = 1024 * 1024
BLOCK = MIB
TARGET_RATIO = 0.25
CPU_REPORTED = ("gateway", "media", "bench_client")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def reset_peak_rss(pid: int) -> None:
    """Restarts VmHWM at the current RSS (Linux: "5" > /proc/<pid>/clear_refs), to see one phase's peak."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


class Phase:
    """Times one action and records, per process, its CPU seconds and the peak RSS it reached."""

    def __init__(self, pids: dict[str, int]):
        self.pids = pids
        self.seconds: list[float] = []
        self.cpu: list[dict[str, float]] = []
        self.peaks: dict[str, float] = {}

    def _cpu(self) -> dict[str, float]:
        own = {"bench_client": time.process_time()}
        return {name: cpu_seconds(pid) for name, pid in self.pids.items()} | own

    def run(self, action: Callable[[], Any]) -> Any:
        for pid in self.pids.values():
            reset_peak_rss(pid)
        before, started = self._cpu(), time.perf_counter()
        result = action()
        self.seconds.append(time.perf_counter() - started)
        after = self._cpu()
        self.cpu.append({name: after[name] - before[name] for name in CPU_REPORTED})
        for name, pid in self.pids.items():
            self.peaks[name] = max(self.peaks.get(name, 0.0), peak_rss_mb(pid))
        return result

    def least_cpu(self) -> dict[str, float]:
        """The least CPU any round used (less disturbed by other load on the machine than wall time)."""
        return {name: round(min(c[name] for c in self.cpu), 3) for name in CPU_REPORTED}


# --- the files ----------------------------------------------------------------------------------------------

def make_wav(path: Path, size: int) -> str:
    """A valid 16-bit stereo 44.1 kHz WAV of exactly `size` bytes (random samples); returns its sha256."""
    data_bytes = size - 44
    header = (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE" + b"fmt "
              + struct.pack("<IHHIIHH", 16, 1, 2, 44100, 44100 * 4, 4, 16)
              + b"data" + struct.pack("<I", data_bytes))
    block = os.urandom(BLOCK)
    digest = hashlib.sha256(header)
    with open(path, "wb") as out:
        out.write(header)
        left = data_bytes
        while left:
            piece = block[: min(BLOCK, left)]
            out.write(piece)
            digest.update(piece)
            left -= len(piece)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def forget_cached_pages(path: Path) -> None:
    """Asks the kernel to drop the file's cached pages, so every round reads it from the disk alike."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


class MultipartFile:
    """A multipart/form-data body with one file part, read from disk block by block."""

    def __init__(self, path: Path, filename: str):
        self.path = path
        boundary = uuid.uuid4().hex
        self.content_type = f"multipart/form-data; boundary={boundary}"
        self.head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                     "Content-Type: audio/wav\r\n\r\n").encode()
        self.tail = f"\r\n--{boundary}--\r\n".encode()
        self.length = len(self.head) + path.stat().st_size + len(self.tail)

    def __iter__(self) -> Iterator[bytes]:
        yield self.head
        with open(self.path, "rb") as source:
            while block := source.read(BLOCK):
                yield block
        yield self.tail


# --- the measurement ----------------------------------------------------------------------------------------

def measure(size_mb: int, base: Path, rounds: int) -> dict[str, object]:
    import httpx

    max_music_mb = max(50, 2 * size_mb)
    with tempfile.TemporaryDirectory(prefix="media-bench-", dir=base) as tmp_name:
        tmp = Path(tmp_name)
        source, copy, downloaded = tmp / "source.wav", tmp / "copy.wav", tmp / "downloaded.wav"
        sha = make_wav(source, size_mb * MIB)

        copy_s = []
        for _ in range(rounds):
            forget_cached_pages(source)
            copy.unlink(missing_ok=True)
            started = time.perf_counter()
            shutil.copyfile(source, copy)
            copy_s.append(time.perf_counter() - started)
        copy.unlink()

        env = {"MEDIA_MAX_MUSIC_MB": str(max_music_mb), "STORYBOARD_LOG_LEVEL": "WARNING"}
        stack = Stack(tmp / "data", env)
        try:
            stack.wait_ready()
            pids = stack.children()
            upload, download = Phase(pids), Phase(pids)
            with httpx.Client(base_url=stack.base_url, timeout=300) as client:
                created = client.post("/api/v1/projects", json={"name": "Bench"}).raise_for_status()
                project = created.json()["id"]

                def send() -> str:
                    body = MultipartFile(source, "bench.wav")
                    reply = client.post(f"/api/v1/projects/{project}/upload-music", content=iter(body),
                                        headers={"content-type": body.content_type,
                                                 "content-length": str(body.length)})
                    return reply.raise_for_status().json()["file_url"]

                def fetch(url: str) -> None:
                    with client.stream("GET", url) as response, open(downloaded, "wb") as out:
                        response.raise_for_status()
                        for block in response.iter_bytes(BLOCK):
                            out.write(block)

                for _ in range(rounds):
                    forget_cached_pages(source)
                    url = upload.run(send)
                    download.run(lambda url=url: fetch(url))
                    if file_sha256(downloaded) != sha:
                        raise RuntimeError("the downloaded file differs from the source")
                    downloaded.unlink()
            lifetime = {name: peak_rss_mb(pid) for name, pid in sorted(pids.items())}
        finally:
            stack.stop()

    copy_rate = size_mb / min(copy_s)
    up_rate, down_rate = size_mb / min(upload.seconds), size_mb / min(download.seconds)
    client_peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return {
        "bench": "media_transfer", "size_mb": size_mb, "rounds": rounds, "file": "WAV via upload-music",
        "media_max_music_mb": max_music_mb, "load_avg_1m": round(os.getloadavg()[0], 2),
        "copy_mb_s": round(copy_rate, 1), "upload_mb_s": round(up_rate, 1),
        "download_mb_s": round(down_rate, 1),
        "upload_ratio": round(up_rate / copy_rate, 3), "download_ratio": round(down_rate / copy_rate, 3),
        "cpu_s_upload": upload.least_cpu(), "cpu_s_download": download.least_cpu(),
        "peak_rss_mb_upload": upload.peaks, "peak_rss_mb_download": download.peaks,
        "peak_rss_mb_lifetime": {**lifetime, "bench_client": client_peak},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,100", help="file sizes in MiB, comma separated")
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where every file goes (one disk)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results = []
    for size in args.sizes.split(","):
        results.append(measure(int(size), Path(args.dir), args.rounds))
        print(json.dumps(results[-1]), flush=True)
    summary: dict[str, object] = {
        "bench": "media_transfer", "summary": True, "target_ratio": TARGET_RATIO,
        "ratios_met": all(min(r["upload_ratio"], r["download_ratio"]) >= TARGET_RATIO for r in results)}
    if len(results) > 1:  # memory independent of size: peaks with the largest file minus with the smallest
        small, large = results[0], results[-1]
        summary["peak_rss_growth_mb"] = {
            phase: {name: round(large[phase][name] - small[phase][name], 1) for name in large[phase]}
            for phase in ("peak_rss_mb_upload", "peak_rss_mb_download")}
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
