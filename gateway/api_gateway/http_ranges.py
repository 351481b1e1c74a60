"""The HTTP `Range` and `If-None-Match` headers as /uploads/... understands them (REST contract 0.9). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SINGLE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RangeRequest:
    """One byte range: `offset` with `length` (0 = to the end), or the last `suffix_length` bytes."""

    offset: int = 0
    length: int = 0
    suffix_length: int = 0


# "bytes=-0": a valid range that no file can satisfy.
UNSATISFIABLE = RangeRequest(suffix_length=-1)


def parse_range(header: str | None) -> RangeRequest | None:
    """The single range asked for; None for no range, a multi-range or a malformed one (all answered with the
    full file), or UNSATISFIABLE."""
    if not header:
        return None
    match = _SINGLE.match(header)
    if not match:
        return None  # several ranges, another unit, or not a range at all
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        suffix = int(last)
        return RangeRequest(suffix_length=suffix) if suffix else UNSATISFIABLE
    start = int(first)
    if not last:
        return RangeRequest(offset=start)
    end = int(last)
    if end < start:
        return None  # syntactically invalid: ignored (RFC 9110, 14.1.1)
    return RangeRequest(offset=start, length=end - start + 1)


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names this (strong) entity tag; weak comparison, `*` matches all."""
    if not if_none_match:
        return False
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == etag:
            return True
    return False
