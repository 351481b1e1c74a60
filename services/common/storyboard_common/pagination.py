"""Opaque page tokens: an offset bound to the query it came from, so a replay with another filter is refused."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from storyboard_common.errors import InvalidArgumentError

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000

T = TypeVar("T")


def page_size(requested: int, default: int = DEFAULT_PAGE_SIZE, maximum: int = MAX_PAGE_SIZE) -> int:
    """0 means the default, larger values are capped, negative is invalid."""
    if requested < 0:
        raise InvalidArgumentError("page_size must not be negative", reason="INVALID_PARAMETER")
    return min(requested or default, maximum)


def _fingerprint(query: Mapping[str, Any]) -> str:
    blob = json.dumps(query, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def encode_token(offset: int, query: Mapping[str, Any]) -> str:
    raw = json.dumps({"o": offset, "q": _fingerprint(query)}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: str, query: Mapping[str, Any]) -> int:
    """The offset a token stands for; empty means the start."""
    if not token:
        return 0
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded))
        offset = int(data["o"])
        matches = data["q"] == _fingerprint(query)
    except (ValueError, KeyError, TypeError):
        raise InvalidArgumentError("Invalid page_token", reason="INVALID_PARAMETER") from None
    if not matches or offset < 0:
        raise InvalidArgumentError("page_token does not match this query", reason="INVALID_PARAMETER")
    return offset


def resolve_page(requested_size: int, page_token: str, offset: int, query: Mapping[str, Any],
                 default: int = DEFAULT_PAGE_SIZE) -> tuple[int, int]:
    """(limit, start) for a List call: the token wins over a plain offset."""
    if offset < 0:
        raise InvalidArgumentError("offset must not be negative", reason="INVALID_PARAMETER")
    return page_size(requested_size, default=default), decode_token(page_token, query) if page_token else offset


def next_page_token(start: int, returned: int, total: int, query: Mapping[str, Any]) -> str:
    """A token for the next page, or "" when this page reached the end."""
    end = start + returned
    return encode_token(end, query) if returned and end < total else ""


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a List call: its items, the token for the next page ("" at the end) and the total."""

    items: list[T]
    next_page_token: str
    total_size: int


async def fetch_page(query: Mapping[str, Any], requested_size: int, page_token: str, offset: int,
                     fetch: Callable[[int, int], Awaitable[tuple[list[T], int]]],
                     default: int = DEFAULT_PAGE_SIZE) -> Page[T]:
    """A List call's page: resolves (limit, start) as resolve_page does, awaits `fetch(limit, start)` for
    (items, total) and adds the token for the next page. The page request is checked before `fetch` runs."""
    size, start = resolve_page(requested_size, page_token, offset, query, default=default)
    items, total = await fetch(size, start)
    return Page(items, next_page_token(start, len(items), total, query), total)
