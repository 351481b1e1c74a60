"""The client's file name, reduced to something safe to store and show (REST contract 3.7).

It is informational only: stored files are always named <media_id>.<ext>.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 255
UNNAMED = "unnamed_file"
# Control characters (C0, DEL, C1) and the characters no file system or shell should see in a name.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|]')


def sanitize_filename(name: str) -> str:
    """A basename without control characters or / \\ : * ? " < > |, at most 255 UTF-8 bytes."""
    name = unicodedata.normalize("NFC", name)
    base = re.split(r"[/\\]", name)[-1]  # a basename on every platform, whichever separator the client used
    base = _UNSAFE.sub("", base).strip()
    if base in ("", ".", ".."):
        return UNNAMED
    encoded = base.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        base = _truncate(base, MAX_NAME_BYTES)
    return base or UNNAMED


def _truncate(name: str, limit: int) -> str:
    """Cuts to `limit` UTF-8 bytes, keeping the extension and never splitting a character."""
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext.encode()) > 16:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    room = limit - len(suffix.encode())
    return stem.encode("utf-8")[:room].decode("utf-8", errors="ignore") + suffix
