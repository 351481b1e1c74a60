"""One contract for every store adapter: SQLite always, MongoDB when MONGODB_URI is set."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from storyboard_common.errors import AlreadyExistsError
from storyboard_common.settings import with_database
from storyboard_common.store import ASC, DESC, open_store

ADAPTERS = [
    "sqlite",
    pytest.param("mongo", marks=[pytest.mark.mongo, pytest.mark.skipif(
        not os.environ.get("MONGODB_URI"), reason="MONGODB_URI not set")]),
]


@pytest.fixture(params=ADAPTERS)
async def store(request, tmp_path):
    if request.param == "sqlite":
        uri = f"sqlite:///{tmp_path / 'contract.sqlite3'}"
    else:
        uri = with_database(os.environ["MONGODB_URI"], f"storyboard_test_{uuid.uuid4().hex[:8]}")
    s = await open_store(uri)
    yield s
    await s.drop()
    await s.aclose()


async def test_insert_then_get_returns_the_document_without_null_fields(store):
    items = store.collection("items")
    await items.insert({"id": "a", "name": "Alpha", "tags": ["x"], "meta": {"k": 1}, "gone": None})
    assert await items.get("a") == {"id": "a", "name": "Alpha", "tags": ["x"], "meta": {"k": 1}}
    assert await items.get("missing") is None


async def test_duplicate_id_raises_already_exists(store):
    items = store.collection("items")
    await items.insert({"id": "a"})
    with pytest.raises(AlreadyExistsError):
        await items.insert({"id": "a"})


async def test_unique_index_rejects_a_clash_but_ignores_absent_values(store):
    items = store.collection("items")
    await items.ensure_index(["request_id"], unique=True)
    await items.insert({"id": "a", "request_id": "r1"})
    await items.insert({"id": "b"})
    await items.insert({"id": "c", "request_id": None})
    with pytest.raises(AlreadyExistsError):
        await items.insert({"id": "d", "request_id": "r1"})
    with pytest.raises(AlreadyExistsError):
        await items.update("b", {"request_id": "r1"})
    assert await items.count() == 3


async def test_find_filters_by_equality_lists_and_null(store):
    items = store.collection("items")
    await items.insert_many([
        {"id": "1", "kind": "image", "ok": True},
        {"id": "2", "kind": "video", "ok": False},
        {"id": "3", "kind": "image", "ok": False},
        {"id": "4", "kind": "audio"},
    ])
    assert [d["id"] for d in await items.find({"kind": "image"})] == ["1", "3"]
    assert [d["id"] for d in await items.find({"kind": ["video", "audio"]})] == ["2", "4"]
    assert [d["id"] for d in await items.find({"ok": False})] == ["2", "3"]
    assert [d["id"] for d in await items.find({"ok": None})] == ["4"]
    assert await items.find({"kind": []}) == []
    assert await items.count({"kind": "image", "ok": True}) == 1


async def test_find_sorts_then_pages_with_id_as_tiebreak(store):
    items = store.collection("items")
    await items.insert_many([{"id": f"{i:02d}", "rank": i % 3, "name": f"n{i}"} for i in range(10)])
    ordered = await items.find(order_by=[("rank", DESC), ("id", ASC)], limit=None)
    assert [d["id"] for d in ordered] == ["02", "05", "08", "01", "04", "07", "00", "03", "06", "09"]
    page = await items.find(order_by=[("rank", DESC)], limit=3, offset=3)
    assert [d["id"] for d in page] == ["01", "04", "07"]
    assert await items.find(order_by=[("rank", DESC)], limit=5, offset=20) == []


async def test_update_sets_and_removes_fields(store):
    items = store.collection("items")
    await items.insert({"id": "a", "name": "x", "note": "n"})
    assert await items.update("a", {"name": "y", "note": None, "list": [1, 2]}) == {
        "id": "a", "name": "y", "list": [1, 2]}
    assert await items.update("missing", {"name": "z"}) is None


async def test_update_if_applies_only_while_expectation_holds(store):
    items = store.collection("items")
    await items.insert({"id": "a", "version": 1, "state": "queued"})
    assert await items.update_if("a", {"version": 2}, {"state": "x"}) is None
    won = await items.update_if("a", {"version": 1, "state": "queued"}, {"version": 2, "state": "running"})
    assert won == {"id": "a", "version": 2, "state": "running"}
    assert await items.update_if("a", {"version": 1}, {"state": "y"}) is None
    assert (await items.get("a"))["state"] == "running"


async def test_fifty_concurrent_appends_all_survive(store):
    items = store.collection("items")
    await items.insert({"id": "clip"})
    await asyncio.gather(*(items.append("clip", "gallery", {"n": i}, {"touched": i}) for i in range(50)))
    doc = await items.get("clip")
    assert sorted(e["n"] for e in doc["gallery"]) == list(range(50))
    assert await items.append("missing", "gallery", 1) is None


async def test_concurrent_increments_add_exactly(store):
    items = store.collection("items")
    await items.insert({"id": "t"})
    await asyncio.gather(*(items.increment("t", "use_count") for _ in range(30)))
    assert (await items.get("t"))["use_count"] == 30


async def test_many_concurrent_claims_give_exactly_one_winner(store):
    items = store.collection("items")
    await items.insert({"id": "job-1", "version": 0})
    results = await asyncio.gather(
        *(items.update_if("job-1", {"version": 0}, {"version": 1, "owner": f"w{i}"}) for i in range(20)))
    winners = [r for r in results if r is not None]
    assert len(winners) == 1
    assert (await items.get("job-1"))["owner"] == winners[0]["owner"]


async def test_delete_and_delete_many(store):
    items = store.collection("items")
    await items.insert_many([{"id": str(i), "p": "x" if i < 3 else "y"} for i in range(5)])
    assert await items.delete("0") is True
    assert await items.delete("0") is False
    assert await items.delete_many({"p": "x"}) == 2
    assert [d["id"] for d in await items.find()] == ["3", "4"]


def test_two_processes_claiming_one_sqlite_document_give_one_winner(tmp_path: Path):
    uri = f"sqlite:///{tmp_path / 'race.sqlite3'}"

    async def seed():
        s = await open_store(uri)
        await s.collection("items").insert({"id": "job-1"})
        await s.aclose()

    asyncio.run(seed())
    start = tmp_path / "start"
    procs = [
        subprocess.Popen([sys.executable, "-m", "tests.common.store_claim_worker", uri, f"p{i}", str(start)],
                         stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
        for i in range(2)
    ]
    start.touch()
    outputs = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    assert outputs == ["lost", "won"]
