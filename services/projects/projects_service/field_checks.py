"""Small field checks shared by the projects service's rule modules; each raises InvalidArgumentError."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from storyboard_common.errors import InvalidArgumentError


def check_required(values: Mapping[str, Any], *fields: str) -> None:
    """Each of `fields` is given, and not empty: a create's required fields."""
    for field in fields:
        if not values.get(field):
            raise InvalidArgumentError(f"{field} is required", metadata={"field": field})


def check_length(field: str, value: str | None, maximum: int, minimum: int = 0) -> None:
    if value is None:
        return
    if not minimum <= len(value) <= maximum:
        limits = f"{minimum}-{maximum}" if minimum else f"at most {maximum}"
        raise InvalidArgumentError(f"{field} must be {limits} characters", metadata={"field": field})


def check_count(field: str, items: Sequence[Any] | Mapping[str, Any] | None, maximum: int) -> None:
    if items is not None and len(items) > maximum:
        raise InvalidArgumentError(f"{field} must have at most {maximum} items", metadata={"field": field})


def check_choice(field: str, value: str, choices: Sequence[str]) -> None:
    if value not in choices:
        raise InvalidArgumentError(f"{field} must be one of {', '.join(choices)}", metadata={"field": field})


def check_number(field: str, value: float | None, minimum: float, maximum: float,
                 exclusive_minimum: bool = False) -> None:
    """A finite number in [minimum, maximum] (or (minimum, maximum] with exclusive_minimum)."""
    if value is None:
        return
    low_ok = value > minimum if exclusive_minimum else value >= minimum
    if not (math.isfinite(value) and low_ok and value <= maximum):
        low = f"greater than {minimum:g}" if exclusive_minimum else f"at least {minimum:g}"
        raise InvalidArgumentError(f"{field} must be {low} and at most {maximum:g}",
                                   metadata={"field": field})
