"""glibc malloc settings for the processes that stream files in 1 MiB chunks (the gateway and media).

By default glibc serves a 1 MiB allocation with a fresh mmap, or, once its threshold adapts, returns the freed
top of the heap to the kernel, so every chunk that passes through a process lands on new pages: 40-50 thousand
page faults per 100 MiB, more CPU than the copies themselves, and how many depended on timing
(bench/media_transfer.py). A fixed mmap threshold above the chunk size and a trim threshold of 16 chunks let
the memory of one chunk serve the next. At most two arenas: each thread that allocates chunks (gRPC's I/O
threads, file readers) would otherwise keep an arena of free chunks of its own, and peak memory grew with the
file size (tens of MB more for 100 MiB than for 20 MiB). Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes

# mallopt parameters (glibc malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8

MMAP_THRESHOLD = 4 * 1024 * 1024  # above a chunk message and the buffers gRPC and protobuf make around it
TRIM_THRESHOLD = 16 * 1024 * 1024
ARENA_MAX = 2


def keep_chunk_memory() -> bool:
    """Applies the settings to this process (call it before starting threads); False when the C library is
    not glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError, TypeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    applied = [mallopt(option, value) for option, value in (
        (_M_ARENA_MAX, ARENA_MAX), (_M_MMAP_THRESHOLD, MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, TRIM_THRESHOLD))]
    return all(applied)  # mallopt returns 1 on success
