"""Request fields holding client-supplied media URLs, checked on write (REST contract 0.8)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator
from storyboard_common.media_urls import media_url_problem


def _acceptable(value: str) -> str:
    problem = media_url_problem(value)
    if problem:
        raise ValueError(f"media URL {problem}")
    return value


def _acceptable_or_none(value: str | None) -> str | None:
    """An empty string means "no URL", as forms send it."""
    return _acceptable(value) if value else None


# Schema violations, so FastAPI answers 422 like any other bad field.
MediaUrl = Annotated[str, AfterValidator(_acceptable)]
OptionalMediaUrl = Annotated[str | None, AfterValidator(_acceptable_or_none)]
