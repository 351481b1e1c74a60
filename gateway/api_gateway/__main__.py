"""python -m api_gateway: serves create_app() with uvicorn."""

from __future__ import annotations

import errno
import logging
import socket
import sys

import uvicorn
from storyboard_common import logging as sb_logging
from storyboard_common.gc_tuning import tune_for_serving
from storyboard_common.malloc_tuning import keep_chunk_memory

from api_gateway.config import Settings

log = logging.getLogger("api_gateway")


def main() -> int:
    keep_chunk_memory()  # uploads and downloads stream through in 1 MiB chunks
    settings = Settings()
    sb_logging.configure("gateway", settings.log_level, settings.log_format)
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind((settings.host, settings.port))
    except OSError as exc:
        reason = "already in use" if exc.errno == errno.EADDRINUSE else exc.strerror
        log.error("cannot listen on %s:%d: the port is %s (set GATEWAY_PORT)", settings.host, settings.port, reason)
        return 1
    finally:
        probe.close()
    tune_for_serving()
    uvicorn.run("api_gateway.main:create_app", factory=True, host=settings.host, port=settings.port,
                log_config=None, access_log=False, timeout_graceful_shutdown=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
