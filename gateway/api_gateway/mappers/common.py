"""Conversions every area shares: timestamps, optionals."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from google.protobuf import json_format
from google.protobuf.struct_pb2 import Struct
from google.protobuf.timestamp_pb2 import Timestamp


def rfc3339(ts: Timestamp | None) -> str | None:
    """RFC 3339 UTC with Z and exactly three fractional digits; None for an unset timestamp."""
    if ts is None or (ts.seconds == 0 and ts.nanos == 0):
        return None
    return f"{_utc_second(ts.seconds)}.{ts.nanos // 1_000_000:03d}Z"


@lru_cache(maxsize=4096)
def _utc_second(seconds: int) -> str:
    """Cached: a list of resources made together shares a few seconds, and formatting dominated its mapping."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def now_rfc3339() -> str:
    moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def opt(message: object, field: str) -> object | None:
    """The value of a proto3 optional field, or None when unset."""
    return getattr(message, field) if message.HasField(field) else None  # type: ignore[attr-defined]


def media_url(path: object | None, base_url: str) -> str | None:
    """Root-relative /uploads/... paths become absolute when PUBLIC_BASE_URL is set (contract 0.8)."""
    if not isinstance(path, str) or not path:
        return path if isinstance(path, str) else None
    return base_url.rstrip("/") + path if base_url and path.startswith("/uploads/") else path


def struct_dict(struct: Struct | None) -> dict[str, Any]:
    """A google.protobuf.Struct as plain JSON values. A Struct holds every number as a double, so whole
    numbers come back as ints (a seed of 42 stays 42, not 42.0)."""
    if struct is None:
        return {}
    return {k: _plain(v) for k, v in json_format.MessageToDict(struct).items()}


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
