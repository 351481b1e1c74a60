"""/pool routes: the generation pool (rest-contract 1.8, 3.5)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.deps import ProjectsStub, SettingsDep
from api_gateway.errors import ApiError
from api_gateway.mappers.clips import CONTENT_TYPES, content_public
from api_gateway.mappers.masks import mask_of, set_fields
from api_gateway.mappers.pool import pool_item_fields, pool_item_message, pool_item_public
from api_gateway.paging import DEFAULT_LIMIT, Limit, Offset, set_list_headers
from api_gateway.schemas.messages import MessagePublic
from api_gateway.schemas.pool import (
    PoolItemApplied,
    PoolItemCreate,
    PoolItemPublic,
    PoolItemUpdate,
    PoolItemUpdated,
)


def comma_list(value: str | None) -> list[str] | None:
    """"a, b" -> ["a", "b"]; an empty value is an empty list, an absent one None."""
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def merged_update(body: PoolItemUpdate | None, name: str | None, description: str | None,
                  tags: str | None) -> PoolItemUpdate:
    """Query parameters (the older style) overlaid by the JSON body, which wins field by field."""
    values = {"name": name, "description": description, "tags": comma_list(tags)}
    if body is not None:
        values.update(body.model_dump(exclude_none=True))
    try:
        return PoolItemUpdate.model_validate(values)
    except ValidationError as exc:  # a bad query value is a schema violation too: FastAPI's 422
        raise RequestValidationError(exc.errors()) from None


def build_router(surface: str) -> APIRouter:
    router = APIRouter(tags=["pool"])

    @router.post("/pool", response_model=PoolItemPublic)
    async def create_pool_item(body: PoolItemCreate, projects: ProjectsStub,
                               settings: SettingsDep) -> PoolItemPublic:
        reply = await projects.CreatePoolItem(api.CreatePoolItemRequest(pool_item=pool_item_message(body)))
        return pool_item_public(reply.pool_item, settings.public_base_url)

    @router.get("/pool/{project_id}", response_model=list[PoolItemPublic])
    async def list_pool_items(project_id: str, request: Request, response: Response, projects: ProjectsStub,
                              settings: SettingsDep, content_type: str | None = None, tags: str | None = None,
                              limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> list[PoolItemPublic]:
        """Newest first; `tags` is a comma list matched by any tag. A bare array with X-Total-Count, Link."""
        if content_type and content_type not in CONTENT_TYPES:
            raise ApiError(400, "INVALID_PARAMETER", "content_type must be image or video",
                           {"parameter": "content_type"})
        reply = await projects.ListPoolItems(api.ListPoolItemsRequest(
            project_id=project_id,
            content_type=CONTENT_TYPES.get(content_type or "", pb.CONTENT_TYPE_UNSPECIFIED),
            tags=comma_list(tags) or [], page_size=limit, offset=offset))
        set_list_headers(request, response, reply.total_size, limit, offset)
        return [pool_item_public(i, settings.public_base_url) for i in reply.pool_items]

    @router.get("/pool/item/{item_id}", response_model=PoolItemPublic)
    async def get_pool_item(item_id: str, projects: ProjectsStub, settings: SettingsDep) -> PoolItemPublic:
        reply = await projects.GetPoolItem(api.GetPoolItemRequest(pool_item_id=item_id))
        return pool_item_public(reply.pool_item, settings.public_base_url)

    @router.put("/pool/item/{item_id}", response_model=PoolItemUpdated)
    async def update_pool_item(item_id: str, projects: ProjectsStub, settings: SettingsDep,
                               body: Annotated[PoolItemUpdate | None, Body()] = None, name: str | None = None,
                               description: str | None = None, tags: str | None = None) -> PoolItemUpdated:
        """Partial: name, description and tags, as query parameters or JSON body fields (the body wins)."""
        update = merged_update(body, name, description, tags)
        given = set_fields(update.model_dump())
        reply = await projects.UpdatePoolItem(api.UpdatePoolItemRequest(
            pool_item=pb.PoolItem(id=item_id, **given), update_mask=mask_of(given)))
        return PoolItemUpdated(**pool_item_fields(reply.pool_item, settings.public_base_url),
                               message="Pool item updated successfully")

    @router.delete("/pool/item/{item_id}", response_model=MessagePublic)
    async def delete_pool_item(item_id: str, projects: ProjectsStub) -> MessagePublic:
        await projects.DeletePoolItem(api.DeletePoolItemRequest(pool_item_id=item_id))
        return MessagePublic(message="Pool item deleted successfully")

    @router.post("/pool/item/{item_id}/apply-to-clip/{clip_id}", response_model=PoolItemApplied)
    async def apply_pool_item(item_id: str, clip_id: str, projects: ProjectsStub,
                              settings: SettingsDep) -> PoolItemApplied:
        """The item becomes a new entry of the clip's gallery (contract 3.5)."""
        reply = await projects.ApplyPoolItemToClip(api.ApplyPoolItemToClipRequest(
            pool_item_id=item_id, clip_id=clip_id))
        return PoolItemApplied(message="Pool item applied to clip", content_id=reply.content.id,
                               content=content_public(reply.content, settings.public_base_url))

    return router
