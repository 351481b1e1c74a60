"""SQLite adapter: one file per service, WAL, one table of JSON documents per collection.

Statements are short and indexed, so they run directly on the event loop: a worker-thread hop costs more than
the statement itself on these machines (see ARCHITECTURE.md, section 4). Every write is one SQL statement, so
it is atomic across tasks and, through SQLite's own locking, across processes sharing the file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from storyboard_common.errors import AlreadyExistsError
from storyboard_common.store.base import NO_CHANGES, NO_FILTER, Doc, Sort, Where, check_field, without_nulls


def _path(field: str) -> str:
    return "$." + check_field(field)


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _param(value: Any) -> Any:
    """json_extract returns SQL scalars: booleans as 0/1, strings, numbers."""
    return int(value) if isinstance(value, bool) else value


def _where_sql(where: Where) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for field, value in where.items():
        expr = f"json_extract(doc, '{_path(field)}')"
        if isinstance(value, list | tuple):
            if not value:
                clauses.append("0")
                continue
            clauses.append(f"{expr} IN ({','.join('?' * len(value))})")
            params.extend(_param(v) for v in value)
        elif value is None:
            clauses.append(f"{expr} IS NULL")
        else:
            clauses.append(f"{expr} = ?")
            params.append(_param(value))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _set_sql(changes: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """An expression over `doc` that sets (or, for None, removes) top-level fields."""
    expr, params = "doc", []
    removed = [k for k, v in changes.items() if v is None]
    kept = {k: v for k, v in changes.items() if v is not None}
    if removed:
        expr = f"json_remove({expr}, {', '.join(repr(_path(k)) for k in removed)})"
    if kept:
        pairs = ", ".join(f"'{_path(k)}', json(?)" for k in kept)
        expr = f"json_set({expr}, {pairs})"
        params.extend(_json(v) for v in kept.values())
    return expr, params


class SqliteCollection:
    def __init__(self, db: sqlite3.Connection, name: str):
        self.name = check_field(name)
        self._db = db
        db.execute(f"CREATE TABLE IF NOT EXISTS {self.name} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)")

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            raise AlreadyExistsError(f"{self.name}: a document with the same key already exists") from exc

    def _returning(self, sql: str, params: Sequence[Any]) -> Doc | None:
        row = self._exec(sql + " RETURNING doc", params).fetchone()
        return json.loads(row[0]) if row else None

    async def ensure_index(self, fields: Sequence[str], *, unique: bool = False) -> None:
        cols = ", ".join(f"json_extract(doc, '{_path(f)}')" for f in fields)
        name = f"ix_{self.name}_{'_'.join(f.replace('.', '_') for f in fields)}"
        kind = "UNIQUE INDEX" if unique else "INDEX"
        self._db.execute(f"CREATE {kind} IF NOT EXISTS {name} ON {self.name} ({cols})")

    async def insert(self, doc: Mapping[str, Any]) -> None:
        self._exec(f"INSERT INTO {self.name} (id, doc) VALUES (?, json(?))", (doc["id"], _json(without_nulls(doc))))

    async def insert_many(self, docs: Sequence[Mapping[str, Any]]) -> None:
        rows = [(d["id"], _json(without_nulls(d))) for d in docs]
        try:
            with self._db:  # one transaction
                self._db.executemany(f"INSERT INTO {self.name} (id, doc) VALUES (?, json(?))", rows)
        except sqlite3.IntegrityError as exc:
            raise AlreadyExistsError(f"{self.name}: a document with the same key already exists") from exc

    async def get(self, id: str) -> Doc | None:
        row = self._db.execute(f"SELECT doc FROM {self.name} WHERE id = ?", (id,)).fetchone()
        return json.loads(row[0]) if row else None

    async def find(
        self, where: Where = NO_FILTER, *, order_by: Sequence[Sort] = (), limit: int | None = 100, offset: int = 0
    ) -> list[Doc]:
        sql, params = _where_sql(where)
        keys = [f"json_extract(doc, '{_path(f)}') {'DESC' if desc else 'ASC'}" for f, desc in order_by]
        sql = f"SELECT doc FROM {self.name}{sql} ORDER BY {', '.join([*keys, 'id ASC'])}"
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return [json.loads(r[0]) for r in self._db.execute(sql, params)]

    async def count(self, where: Where = NO_FILTER) -> int:
        sql, params = _where_sql(where)
        return self._db.execute(f"SELECT COUNT(*) FROM {self.name}{sql}", params).fetchone()[0]

    async def update(self, id: str, changes: Mapping[str, Any]) -> Doc | None:
        return await self.update_if(id, {}, changes)

    async def update_if(self, id: str, expected: Where, changes: Mapping[str, Any]) -> Doc | None:
        if "id" in changes:
            raise ValueError("id cannot change")
        expr, params = _set_sql(changes)
        cond, cond_params = _where_sql(expected)
        cond = cond.replace(" WHERE ", " AND ", 1)
        return self._returning(f"UPDATE {self.name} SET doc = {expr} WHERE id = ?{cond}", [*params, id, *cond_params])

    async def append(self, id: str, field: str, value: Any, changes: Mapping[str, Any] = NO_CHANGES) -> Doc | None:
        expr, params = _set_sql(changes)
        path = _path(field)
        # json_insert at '[#]' appends; a missing array is created first.
        expr = (
            f"json_insert(json_set({expr}, '{path}', json(coalesce(json_extract(doc, '{path}'), '[]'))), "
            f"'{path}[#]', json(?))"
        )
        return self._returning(f"UPDATE {self.name} SET doc = {expr} WHERE id = ?", [*params, _json(value), id])

    async def increment(self, id: str, field: str, by: int | float = 1) -> Doc | None:
        path = _path(field)
        expr = f"json_set(doc, '{path}', coalesce(json_extract(doc, '{path}'), 0) + ?)"
        return self._returning(f"UPDATE {self.name} SET doc = {expr} WHERE id = ?", [by, id])

    async def delete(self, id: str) -> bool:
        return self._db.execute(f"DELETE FROM {self.name} WHERE id = ?", (id,)).rowcount > 0

    async def delete_many(self, where: Where) -> int:
        sql, params = _where_sql(where)
        return self._db.execute(f"DELETE FROM {self.name}{sql}", params).rowcount


class SqliteStore:
    def __init__(self, db: sqlite3.Connection, path: str):
        self._db = db
        self.path = path
        self._collections: dict[str, SqliteCollection] = {}

    @classmethod
    def open(cls, path: str) -> SqliteStore:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=5000")
        return cls(db, path)

    def collection(self, name: str) -> SqliteCollection:
        if name not in self._collections:
            self._collections[name] = SqliteCollection(self._db, name)
        return self._collections[name]

    async def ping(self) -> None:
        self._db.execute("SELECT 1").fetchone()

    async def drop(self) -> None:
        for name in list(self._collections):
            self._db.execute(f"DROP TABLE IF EXISTS {name}")
        self._collections.clear()

    async def aclose(self) -> None:
        self._db.close()
