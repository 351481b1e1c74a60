"""open_store(uri): the SQLite or MongoDB adapter behind one Collection interface."""

from __future__ import annotations

from storyboard_common.store.base import ASC, DESC, Collection, Doc, Sort, Store, Where

__all__ = ["ASC", "DESC", "Collection", "Doc", "Sort", "Store", "Where", "open_store"]


async def open_store(uri: str) -> Store:
    """`sqlite:///relative/file.sqlite3`, `sqlite:////absolute/file.sqlite3` or `mongodb://host/database`."""
    if uri.startswith("sqlite:///"):
        from storyboard_common.store.sqlite import SqliteStore

        return SqliteStore.open(uri.removeprefix("sqlite:///"))  # sqlite:////abs/path keeps its leading slash
    if uri.startswith(("mongodb://", "mongodb+srv://")):
        from storyboard_common.store.mongo import MongoStore

        return await MongoStore.open(uri)
    raise ValueError("store URI must start with sqlite:/// or mongodb://")
