"""Field-mask rules every Update RPC shares (ARCHITECTURE section 5), on plain path strings."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from storyboard_common.errors import InvalidArgumentError

NO_FIELDS = "No valid fields provided for update"


def no_fields_to_update() -> InvalidArgumentError:
    """An update that would change nothing: no writable field named, or none given."""
    return InvalidArgumentError(NO_FIELDS)


def update_paths(paths: Iterable[str], writable: Collection[str], ignored: Collection[str] = (),
                 allow_star: bool = False) -> set[str]:
    """The writable fields an update mask names.

    An empty mask, or a path that names no field of the resource, is INVALID_ARGUMENT. Paths in `ignored`
    (output-only or immutable fields) are accepted and dropped. With `allow_star`, `*` names every writable
    field.
    """
    named = list(paths)
    if not named:
        raise no_fields_to_update()
    if allow_star and "*" in named:
        return set(writable)
    unknown = [p for p in named if p not in writable and p not in ignored]
    if unknown:
        raise InvalidArgumentError(f"{NO_FIELDS}: unknown field '{unknown[0]}'")
    return {p for p in named if p in writable}


def masked_values(values: Mapping[str, Any], paths: Iterable[str], writable: Collection[str],
                  ignored: Collection[str] = (), allow_star: bool = False) -> dict[str, Any]:
    """The values of the writable fields an update mask names (see update_paths), absent ones as None.

    A mask that names no writable field at all is INVALID_ARGUMENT (no_fields_to_update).
    """
    named = update_paths(paths, writable, ignored, allow_star=allow_star)
    if not named:
        raise no_fields_to_update()
    return {k: values.get(k) for k in named}
