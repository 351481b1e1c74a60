"""Client-supplied media URLs (rest-contract 0.8): a safe `/uploads/...` path or an absolute http(s) URL.

URLs are checked on write, never on read, so a stored value can never make a resource unreadable.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from storyboard_common.errors import InvalidArgumentError

MAX_URL_LENGTH = 2048
UPLOADS_PREFIX = "/uploads/"
# /uploads/<kind>/<media_id>.<ext>: the media id is the file name without its extension.
_UPLOADS_FILE = re.compile(r"^/uploads/[A-Za-z0-9_-]+/([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9]+)?$")


def media_url_problem(value: str, max_length: int = MAX_URL_LENGTH) -> str | None:
    """Why `value` is not an acceptable media URL, or None when it is."""
    if len(value) > min(max_length, MAX_URL_LENGTH):
        return f"must be at most {min(max_length, MAX_URL_LENGTH)} characters"
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in value):
        return "must not contain spaces or control characters"
    if value.startswith(UPLOADS_PREFIX):
        lowered = value.lower()
        if "\\" in value or "%2e" in lowered or "%2f" in lowered or "%5c" in lowered:
            return "must not contain backslashes or encoded dots or slashes"
        path = value.split("?", 1)[0].split("#", 1)[0]
        if any(segment in ("..", ".") for segment in path.split("/")):
            return "must not contain '.' or '..' segments"
        return None
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or not parts.hostname:
        return "must be a path under /uploads/ or an absolute http(s) URL"
    return None


def check_media_url(field: str, value: str | None, max_length: int = MAX_URL_LENGTH) -> str | None:
    """`value` unchanged (None passes), or InvalidArgumentError (VALIDATION_ERROR) naming the field."""
    if value is None:
        return None
    problem = media_url_problem(value, max_length)
    if problem:
        raise InvalidArgumentError(f"{field} {problem}", metadata={"field": field})
    return value


def media_id_from_url(url: str | None) -> str | None:
    """The media id in a `/uploads/<kind>/<media_id>.<ext>` path (absolute or root-relative), else None."""
    if not url:
        return None
    path = urlsplit(url).path if not url.startswith("/") else url.split("?", 1)[0]
    match = _UPLOADS_FILE.match(path)
    return match.group(1) if match else None
