"""ProjectsService RPCs of the generation pool: translate only."""

from __future__ import annotations

from storyboard.projects.v1 import projects_service_pb2 as api

from projects_service.mappers import clip_to_proto, content_to_proto, content_type_name
from projects_service.mappers_assets import pool_item_to_proto, pool_item_values
from projects_service.rpc_base import AreaRpcs, Context


class PoolRpcs(AreaRpcs):
    async def CreatePoolItem(self, request: api.CreatePoolItemRequest,
                             context: Context) -> api.CreatePoolItemResponse:
        item = await self._deps.pool.create(request.pool_item.project_id, pool_item_values(request.pool_item))
        return api.CreatePoolItemResponse(pool_item=pool_item_to_proto(item))

    async def GetPoolItem(self, request: api.GetPoolItemRequest, context: Context) -> api.GetPoolItemResponse:
        item = await self._deps.pool.get(request.pool_item_id)
        return api.GetPoolItemResponse(pool_item=pool_item_to_proto(item))

    async def ListPoolItems(self, request: api.ListPoolItemsRequest,
                            context: Context) -> api.ListPoolItemsResponse:
        page = await self._deps.pool.list(request.project_id, content_type_name(request.content_type),
                                          list(request.tags), request.page_size, request.page_token,
                                          request.offset)
        return api.ListPoolItemsResponse(pool_items=[pool_item_to_proto(i) for i in page.items],
                                         next_page_token=page.next_page_token, total_size=page.total_size)

    async def UpdatePoolItem(self, request: api.UpdatePoolItemRequest,
                             context: Context) -> api.UpdatePoolItemResponse:
        item = await self._deps.pool.update(request.pool_item.id, pool_item_values(request.pool_item),
                                            request.update_mask.paths)
        return api.UpdatePoolItemResponse(pool_item=pool_item_to_proto(item))

    async def DeletePoolItem(self, request: api.DeletePoolItemRequest,
                             context: Context) -> api.DeletePoolItemResponse:
        await self._deps.pool.delete(request.pool_item_id)
        return api.DeletePoolItemResponse()

    async def ApplyPoolItemToClip(self, request: api.ApplyPoolItemToClipRequest,
                                  context: Context) -> api.ApplyPoolItemToClipResponse:
        content, clip = await self._deps.pool.apply_to_clip(request.pool_item_id, request.clip_id)
        selected = clip.selected_id(content.content_type) == content.id
        return api.ApplyPoolItemToClipResponse(content=content_to_proto(content, selected),
                                               clip=clip_to_proto(clip))
