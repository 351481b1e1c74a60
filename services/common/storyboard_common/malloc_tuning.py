"""glibc malloc settings for the processes that stream files in 1 MiB chunks (the gateway and media).

By default glibc serves a 1 MiB allocation with a fresh mmap, or, once its threshold adapts, returns the freed
top of the heap to the kernel, so every chunk that passes through a process lands on new pages: tens of
thousands of page faults per 100 MiB, more CPU than the copies themselves, and how many depended on timing
(bench/media_transfer.py). A fixed mmap threshold above the chunk size and a trim threshold of a few chunks
let the memory of one chunk serve the next. Memory stays bounded: at most TRIM_THRESHOLD free bytes are kept
at the top of a heap. Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes

# mallopt parameters (glibc malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

MMAP_THRESHOLD = 4 * 1024 * 1024  # above a chunk message and the buffers gRPC and protobuf make around it
TRIM_THRESHOLD = 16 * 1024 * 1024


def keep_chunk_memory() -> bool:
    """Applies the settings to this process; False when the C library is not glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError, TypeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    applied = mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD), mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    return all(applied)  # mallopt returns 1 on success
