"""Persistence on the document store: the only module that knows collection names and shapes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from storyboard_common.errors import AlreadyExistsError
from storyboard_common.store import ASC, Doc, Store

from comfyui_service.domain import Catalog, Server

ORDER = [("created_at", ASC)]  # then id, which the store always adds


class DuplicateUrlError(Exception):
    """The unique index on url refused a write (a concurrent create or update won)."""


def server_from_doc(doc: Doc) -> Server:
    return Server(
        id=doc["id"], name=doc["name"], url=doc["url"], server_type=doc.get("server_type", "standard"),
        endpoint_id=doc.get("endpoint_id"), is_active=bool(doc.get("is_active", True)),
        max_concurrent=int(doc.get("max_concurrent", 1)), has_api_key=bool(doc.get("api_key_encrypted")),
        created_at=doc["created_at"], updated_at=doc["updated_at"])


class ServerRepository:
    """Documents: the Server fields (minus has_api_key) plus `api_key_encrypted`, a Fernet token."""

    def __init__(self, store: Store):
        self._items = store.collection("servers")

    async def ensure_indexes(self) -> None:
        await self._items.ensure_index(["url"], unique=True)
        await self._items.ensure_index(["created_at"])
        await self._items.ensure_index(["is_active", "created_at"])

    async def insert(self, doc: Mapping[str, Any]) -> Server:
        try:
            await self._items.insert(doc)
        except AlreadyExistsError:
            raise DuplicateUrlError from None
        return server_from_doc(dict(doc))

    async def get(self, server_id: str) -> Server | None:
        doc = await self._items.get(server_id)
        return server_from_doc(doc) if doc else None

    async def encrypted_key(self, server_id: str) -> str | None:
        doc = await self._items.get(server_id)
        return doc.get("api_key_encrypted") if doc else None

    async def find_by_url(self, url: str) -> Server | None:
        docs = await self._items.find({"url": url}, limit=1)
        return server_from_doc(docs[0]) if docs else None

    async def page(self, is_active: bool | None, limit: int | None, offset: int) -> tuple[list[Server], int]:
        where = {} if is_active is None else {"is_active": is_active}
        docs = await self._items.find(where, order_by=ORDER, limit=limit, offset=offset)
        return [server_from_doc(d) for d in docs], await self._items.count(where)

    async def update(self, server_id: str, changes: Mapping[str, Any]) -> Server | None:
        try:
            doc = await self._items.update(server_id, changes)
        except AlreadyExistsError:
            raise DuplicateUrlError from None
        return server_from_doc(doc) if doc else None

    async def delete(self, server_id: str) -> bool:
        return await self._items.delete(server_id)


class CatalogRepository:
    """The last catalog read from each server, so a restart still shows models; document id = server id."""

    def __init__(self, store: Store):
        self._items = store.collection("server_catalog")

    async def get(self, server_id: str) -> Catalog | None:
        doc = await self._items.get(server_id)
        if not doc:
            return None
        known = Catalog.__dataclass_fields__
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in doc.items() if k in known}
        return Catalog(**fields)

    async def put(self, server_id: str, catalog: Catalog) -> None:
        doc = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(catalog).items()}
        if await self._items.update(server_id, doc) is None:
            try:
                await self._items.insert({"id": server_id, **doc})
            except AlreadyExistsError:  # a concurrent refresh inserted first; ours is as fresh
                await self._items.update(server_id, doc)

    async def delete(self, server_id: str) -> None:
        await self._items.delete(server_id)
