"""MongoDB adapter on PyMongo's async API (AsyncMongoClient). Raw query dicts never leave this module."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pymongo import ASCENDING, DESCENDING, AsyncMongoClient, ReturnDocument
from pymongo.errors import BulkWriteError, DuplicateKeyError

from storyboard_common.errors import AlreadyExistsError
from storyboard_common.store.base import NO_CHANGES, NO_FILTER, Doc, Sort, Where, check_field, without_nulls


def _to_mongo(doc: Mapping[str, Any]) -> dict[str, Any]:
    out = without_nulls(doc)
    out["_id"] = out.pop("id")
    return out


def _from_mongo(raw: Mapping[str, Any] | None) -> Doc | None:
    if raw is None:
        return None
    doc = dict(raw)
    doc["id"] = doc.pop("_id")
    return doc


def _filter(where: Where) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for field, value in where.items():
        key = "_id" if field == "id" else check_field(field)
        query[key] = {"$in": list(value)} if isinstance(value, list | tuple) else value
    return query


def _update(changes: Mapping[str, Any]) -> dict[str, Any]:
    update: dict[str, Any] = {}
    if sets := {check_field(k): v for k, v in changes.items() if v is not None}:
        update["$set"] = sets
    if unsets := {check_field(k): "" for k, v in changes.items() if v is None}:
        update["$unset"] = unsets
    return update


class MongoCollection:
    def __init__(self, coll: Any, name: str):
        self.name = name
        self._coll = coll

    async def ensure_index(self, fields: Sequence[str], *, unique: bool = False) -> None:
        keys = [(check_field(f), ASCENDING) for f in fields]
        options: dict[str, Any] = {"unique": True} if unique else {}
        if unique:
            # Absent fields never clash, as on SQLite (None values are never stored).
            options["partialFilterExpression"] = {f: {"$exists": True} for f in fields}
        await self._coll.create_index(keys, **options)

    async def insert(self, doc: Mapping[str, Any]) -> None:
        try:
            await self._coll.insert_one(_to_mongo(doc))
        except DuplicateKeyError as exc:
            raise AlreadyExistsError(f"{self.name}: a document with the same key already exists") from exc

    async def insert_many(self, docs: Sequence[Mapping[str, Any]]) -> None:
        if not docs:
            return
        try:
            await self._coll.insert_many([_to_mongo(d) for d in docs], ordered=True)
        except BulkWriteError as exc:
            raise AlreadyExistsError(f"{self.name}: a document with the same key already exists") from exc

    async def get(self, id: str) -> Doc | None:
        return _from_mongo(await self._coll.find_one({"_id": id}))

    async def find(
        self, where: Where = NO_FILTER, *, order_by: Sequence[Sort] = (), limit: int | None = 100, offset: int = 0
    ) -> list[Doc]:
        sort = [(check_field(f), DESCENDING if desc else ASCENDING) for f, desc in order_by] + [("_id", ASCENDING)]
        cursor = self._coll.find(_filter(where), sort=sort, skip=offset, limit=limit or 0)
        return [_from_mongo(raw) async for raw in cursor]  # type: ignore[misc]

    async def count(self, where: Where = NO_FILTER) -> int:
        return await self._coll.count_documents(_filter(where))

    async def update(self, id: str, changes: Mapping[str, Any]) -> Doc | None:
        return await self.update_if(id, {}, changes)

    async def update_if(self, id: str, expected: Where, changes: Mapping[str, Any]) -> Doc | None:
        if "id" in changes:
            raise ValueError("id cannot change")
        update = _update(changes)
        if not update:
            return await self.get(id) if await self.count({**expected, "id": id}) else None
        return await self._modify({**_filter(expected), "_id": id}, update)

    async def append(self, id: str, field: str, value: Any, changes: Mapping[str, Any] = NO_CHANGES) -> Doc | None:
        update = _update(changes)
        update["$push"] = {check_field(field): value}
        return await self._modify({"_id": id}, update)

    async def increment(self, id: str, field: str, by: int | float = 1) -> Doc | None:
        return await self._modify({"_id": id}, {"$inc": {check_field(field): by}})

    async def _modify(self, query: dict[str, Any], update: dict[str, Any]) -> Doc | None:
        try:
            raw = await self._coll.find_one_and_update(query, update, return_document=ReturnDocument.AFTER)
        except DuplicateKeyError as exc:
            raise AlreadyExistsError(f"{self.name}: a document with the same key already exists") from exc
        return _from_mongo(raw)

    async def delete(self, id: str) -> bool:
        return (await self._coll.delete_one({"_id": id})).deleted_count > 0

    async def delete_many(self, where: Where) -> int:
        return (await self._coll.delete_many(_filter(where))).deleted_count


class MongoStore:
    def __init__(self, client: AsyncMongoClient, database: str):
        self._client = client
        self._db = client[database]
        self._collections: dict[str, MongoCollection] = {}

    @classmethod
    async def open(cls, uri: str) -> MongoStore:
        client: AsyncMongoClient = AsyncMongoClient(uri, serverSelectionTimeoutMS=5000, tz_aware=True)
        database = client.get_default_database(default="storyboard").name
        store = cls(client, database)
        await store.ping()
        return store

    def collection(self, name: str) -> MongoCollection:
        if name not in self._collections:
            self._collections[name] = MongoCollection(self._db[check_field(name)], name)
        return self._collections[name]

    async def ping(self) -> None:
        await self._db.command("ping")

    async def drop(self) -> None:
        await self._client.drop_database(self._db.name)

    async def aclose(self) -> None:
        await self._client.close()
