"""Time as the services store it (epoch seconds) and as protos carry it (Timestamp)."""

from __future__ import annotations

import time
from collections.abc import Callable

from google.protobuf.timestamp_pb2 import Timestamp

Clock = Callable[[], float]


def system_clock() -> float:
    return time.time()


def to_timestamp(seconds: float | None) -> Timestamp | None:
    if seconds is None:
        return None
    ts = Timestamp()
    ts.FromNanoseconds(int(round(seconds * 1_000_000)) * 1000)  # microsecond precision, as stored
    return ts


def from_timestamp(ts: Timestamp) -> float:
    return ts.ToNanoseconds() / 1e9
