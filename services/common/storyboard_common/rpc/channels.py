"""One long-lived channel per downstream service, with deadlines and request-id propagation."""

from __future__ import annotations

import grpc

from storyboard_common.rpc.interceptors import client_interceptors

# 1 MiB chunks plus framing fit the default 4 MiB cap; keep it explicit.
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", 8 * 1024 * 1024),
    ("grpc.keepalive_time_ms", 30_000),
]


def open_channel(address: str, default_timeout_s: float) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(address, options=CHANNEL_OPTIONS,
                                     interceptors=client_interceptors(default_timeout_s))
