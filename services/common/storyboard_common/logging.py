"""One logging setup per process: JSON lines (or readable text) on stdout, each with the request id."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from storyboard_common.context import request_id_var

_EXTRA_KEYS = ("job_id", "server_id", "method", "code", "duration_ms", "status", "path")


class _ContextFilter(logging.Filter):
    def __init__(self, component: str):
        super().__init__()
        self.component = component

    def filter(self, record: logging.LogRecord) -> bool:
        record.component = self.component
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "severity": record.levelname,
            "component": getattr(record, "component", None),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        entry.update({k: getattr(record, k) for k in _EXTRA_KEYS if hasattr(record, k)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        extras = " ".join(f"{k}={getattr(record, k)}" for k in _EXTRA_KEYS if hasattr(record, k))
        rid = getattr(record, "request_id", None)
        line = f"{self.formatTime(record, '%H:%M:%S')} {record.levelname:<7} {record.name}: {record.getMessage()}"
        line += f" {extras}" if extras else ""
        line += f" [{rid}]" if rid else ""
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure(component: str, level: str = "INFO", fmt: str = "json") -> None:
    """Replaces the root handlers; call once at process start."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    handler.addFilter(_ContextFilter(component))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access", "pymongo", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
