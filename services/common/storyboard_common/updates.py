"""Field-mask rules every Update RPC shares (ARCHITECTURE section 5), on plain path strings."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from storyboard_common.errors import InvalidArgumentError

NO_FIELDS = "No valid fields provided for update"


def update_paths(paths: Iterable[str], writable: Collection[str], ignored: Collection[str] = (),
                 allow_star: bool = False) -> set[str]:
    """The writable fields an update mask names.

    An empty mask, or a path that names no field of the resource, is INVALID_ARGUMENT. Paths in `ignored`
    (output-only or immutable fields) are accepted and dropped. With `allow_star`, `*` names every writable
    field.
    """
    named = list(paths)
    if not named:
        raise InvalidArgumentError(NO_FIELDS)
    if allow_star and "*" in named:
        return set(writable)
    unknown = [p for p in named if p not in writable and p not in ignored]
    if unknown:
        raise InvalidArgumentError(f"{NO_FIELDS}: unknown field '{unknown[0]}'")
    return {p for p in named if p in writable}
