"""A separate process that races for one document (used by the cross-process claim test)."""

from __future__ import annotations

import asyncio
import sys

from storyboard_common.store import open_store


async def claim(uri: str, owner: str, start_file: str) -> None:
    store = await open_store(uri)
    items = store.collection("items")
    while True:  # a shared start line so both processes race the same instant
        try:
            open(start_file).close()
            break
        except FileNotFoundError:
            await asyncio.sleep(0.001)
    won = await items.update_if("job-1", {"owner": None}, {"owner": owner})
    print("won" if won else "lost", flush=True)
    await store.aclose()


if __name__ == "__main__":
    asyncio.run(claim(sys.argv[1], sys.argv[2], sys.argv[3]))
