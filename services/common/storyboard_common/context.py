"""Per-request values that follow a call through logs and downstream RPCs."""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

REQUEST_ID_HEADER = "x-request-id"
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
# Absolute time.monotonic() by which the inbound call must finish; caps outbound deadlines.
deadline_var: ContextVar[float | None] = ContextVar("deadline", default=None)


def valid_request_id(value: str | None) -> str | None:
    """The value itself when it is a safe request id, else None."""
    return value if value and _SAFE_REQUEST_ID.match(value) else None


def new_request_id() -> str:
    return str(uuid.uuid4())
