"""Persistence of the model library: the only module that knows the `models` collection and its documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from storyboard_common.errors import AlreadyExistsError
from storyboard_common.store import Doc, Store

from comfyui_service.library_domain import CivitaiInfo, ModelRecord


def civitai_to_doc(info: CivitaiInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    doc = asdict(info)
    doc["trained_words"] = list(info.trained_words)
    return doc


def _civitai_from_doc(doc: Any) -> CivitaiInfo | None:
    if not isinstance(doc, Mapping):
        return None
    known = CivitaiInfo.__dataclass_fields__
    fields = {k: v for k, v in doc.items() if k in known}
    fields["trained_words"] = tuple(fields.get("trained_words") or ())
    return CivitaiInfo(**fields)


def record_from_doc(doc: Doc) -> ModelRecord:
    return ModelRecord(
        id=doc["id"], server_id=doc["server_id"], server_name=doc.get("server_name", ""), type=doc["type"],
        name=doc["name"], display_name=doc.get("display_name") or doc["name"], hash=doc.get("hash"),
        present=bool(doc.get("present", False)), enabled=bool(doc.get("enabled", True)),
        civitai_info=_civitai_from_doc(doc.get("civitai_info")), metadata=doc.get("metadata") or {},
        created_at=doc["created_at"], updated_at=doc["updated_at"], last_synced_at=doc.get("last_synced_at"))


def record_to_doc(record: ModelRecord) -> Doc:
    return {
        "id": record.id, "server_id": record.server_id, "server_name": record.server_name, "type": record.type,
        "name": record.name, "display_name": record.display_name, "hash": record.hash, "present": record.present,
        "enabled": record.enabled, "civitai_info": civitai_to_doc(record.civitai_info),
        "metadata": dict(record.metadata), "created_at": record.created_at, "updated_at": record.updated_at,
        "last_synced_at": record.last_synced_at,
    }


class ModelRepository:
    """Documents: the ModelRecord fields plus `hash_checked` (the server was asked for the file's hash once)."""

    def __init__(self, store: Store):
        self._items = store.collection("models")

    async def ensure_indexes(self) -> None:
        await self._items.ensure_index(["server_id"])
        await self._items.ensure_index(["type"])

    async def get(self, model_id: str) -> ModelRecord | None:
        doc = await self._items.get(model_id)
        return record_from_doc(doc) if doc else None

    async def find(self, server_id: str | None = None, model_type: str | None = None) -> list[ModelRecord]:
        """Every record, optionally of one server and one type (the library is small: files on a few servers)."""
        where: dict[str, str] = {}
        if server_id is not None:
            where["server_id"] = server_id
        if model_type is not None:
            where["type"] = model_type
        return [record_from_doc(d) for d in await self._items.find(where, limit=None)]

    async def find_for_sync(self, server_id: str) -> list[tuple[ModelRecord, bool]]:
        """Every record of a server, each with whether the server was already asked for its hash."""
        docs = await self._items.find({"server_id": server_id}, limit=None)
        return [(record_from_doc(d), bool(d.get("hash_checked"))) for d in docs]

    async def insert(self, record: ModelRecord, hash_checked: bool) -> bool:
        """False when a record with this id already exists (a concurrent sync made it)."""
        try:
            await self._items.insert({**record_to_doc(record), "hash_checked": hash_checked})
        except AlreadyExistsError:
            return False
        return True

    async def update(self, model_id: str, changes: Mapping[str, Any]) -> ModelRecord | None:
        doc = await self._items.update(model_id, changes)
        return record_from_doc(doc) if doc else None

    async def delete(self, model_id: str) -> bool:
        return await self._items.delete(model_id)
