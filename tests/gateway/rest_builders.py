"""Test data created through the REST API, the way the frontend creates it."""

from __future__ import annotations

from typing import Any

import httpx


async def post_ok(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(path, json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def new_project(client: httpx.AsyncClient, mount: str, name: str = "Video") -> dict[str, Any]:
    return await post_ok(client, f"{mount}/projects", {"name": name, "description": ""})


async def new_scene(client: httpx.AsyncClient, mount: str, project_id: str, name: str = "Scene",
                    **fields: Any) -> dict[str, Any]:
    return await post_ok(client, f"{mount}/scenes", {"project_id": project_id, "name": name, **fields})


async def new_clip(client: httpx.AsyncClient, mount: str, scene_id: str, name: str = "Clip",
                   **fields: Any) -> dict[str, Any]:
    return await post_ok(client, f"{mount}/clips", {"scene_id": scene_id, "name": name, **fields})


async def new_pool_item(client: httpx.AsyncClient, mount: str, project_id: str,
                        **fields: Any) -> dict[str, Any]:
    body = {"project_id": project_id, "name": "Shot", "content_type": "image",
            "media_url": "/uploads/generated/shot.png", **fields}
    return await post_ok(client, f"{mount}/pool", body)


async def place_media(client: httpx.AsyncClient, mount: str, project_id: str, clip_id: str, content_type: str,
                      url: str) -> dict[str, Any]:
    """Puts a file in a clip's gallery the way the frontend can: a pool item applied to the clip."""
    item = await new_pool_item(client, mount, project_id, content_type=content_type, media_url=url)
    return await post_ok(client, f"{mount}/pool/item/{item['id']}/apply-to-clip/{clip_id}", {})
