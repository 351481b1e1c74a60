"""The small document-store interface every repository is written against.

Documents are JSON-shaped dicts with a string `id`. A field whose value is None is the same as an absent
field: adapters drop it on write, so unique indexes ignore documents without the field on both adapters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol

Doc = dict[str, Any]
Scalar = str | int | float | bool | None
# A list or tuple value matches any of its items; anything else matches by equality.
Where = Mapping[str, Scalar | Sequence[Scalar]]
# (field, descending)
Sort = tuple[str, bool]

# Read-only empty defaults (a dict default would be shared and mutable).
NO_FILTER: Where = MappingProxyType({})
NO_CHANGES: Mapping[str, Any] = MappingProxyType({})

ASC = False
DESC = True

_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def check_field(name: str) -> str:
    """Field names reach query text in the SQLite adapter, so only plain dotted identifiers pass."""
    if not _FIELD.match(name) or name == "_id":
        raise ValueError(f"invalid field name {name!r}")
    return name


def without_nulls(doc: Mapping[str, Any]) -> Doc:
    return {k: v for k, v in doc.items() if v is not None}


class Collection(Protocol):
    """One named set of documents."""

    name: str

    async def ensure_index(self, fields: Sequence[str], *, unique: bool = False) -> None:
        """Creates the index once; unique ones raise AlreadyExistsError on a clash."""

    async def insert(self, doc: Mapping[str, Any]) -> None:
        """Adds a document; AlreadyExistsError on an id or unique-index clash."""

    async def insert_many(self, docs: Sequence[Mapping[str, Any]]) -> None:
        """Adds documents in one round trip; all or nothing on SQLite, best effort ordered on MongoDB."""

    async def get(self, id: str) -> Doc | None: ...

    async def find(
        self, where: Where = NO_FILTER, *, order_by: Sequence[Sort] = (), limit: int | None = 100, offset: int = 0
    ) -> list[Doc]:
        """Matching documents, sorted by order_by then id; limit None means all."""

    async def count(self, where: Where = NO_FILTER) -> int: ...

    async def update(self, id: str, changes: Mapping[str, Any]) -> Doc | None:
        """Sets top-level fields (None removes one); the new document, or None when absent."""

    async def update_if(self, id: str, expected: Where, changes: Mapping[str, Any]) -> Doc | None:
        """Atomic compare-and-set: applies changes only while every expected field matches; None = lost."""

    async def append(self, id: str, field: str, value: Any, changes: Mapping[str, Any] = NO_CHANGES) -> Doc | None:
        """Atomically appends value to an array field (and sets changes); concurrent appends all survive."""

    async def increment(self, id: str, field: str, by: int | float = 1) -> Doc | None:
        """Atomically adds to a numeric field (absent counts as 0); the new document."""

    async def delete(self, id: str) -> bool: ...

    async def delete_many(self, where: Where) -> int: ...


class Store(Protocol):
    """A database: one per service."""

    def collection(self, name: str) -> Collection: ...

    async def ping(self) -> None:
        """Raises when the database cannot be reached."""

    async def drop(self) -> None:
        """Deletes every collection (tests only)."""

    async def aclose(self) -> None: ...
