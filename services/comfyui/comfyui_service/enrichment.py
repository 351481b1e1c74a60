"""CivitAI enrichment of model records (REST contract 1.14): sync by hash or file name, search, link."""

from __future__ import annotations

from storyboard_common.errors import InvalidArgumentError, NotFoundError
from storyboard_common.timestamps import Clock

from comfyui_service.civitai import CivitaiClient, CivitaiModel, CivitaiVersion
from comfyui_service.library import RESOURCE_TYPE, ModelLibrary
from comfyui_service.library_domain import CivitaiInfo, CivitaiSearchResult, ModelRecord, default_display_name

DEFAULT_SEARCH_LIMIT = 5
MAX_SEARCH_LIMIT = 20
NAME_SEARCH_LIMIT = 10
# REST model type -> the CivitAI model types its files are published as.
CIVITAI_TYPES = {
    "checkpoint": ("Checkpoint",),
    "diffusion_model": ("Checkpoint",),
    "lora": ("LORA", "LoCon", "DoRA"),
    "vae": ("VAE",),
    "upscale_model": ("Upscaler",),
}


def not_on_civitai(model_id: str) -> NotFoundError:
    return NotFoundError(f"{RESOURCE_TYPE} with ID '{model_id}' not found on CivitAI",
                         metadata={"resource_type": RESOURCE_TYPE, "resource_id": model_id, "civitai": "not found"})


def _result(model: CivitaiModel) -> CivitaiSearchResult:
    newest = model.versions[0] if model.versions else None
    return CivitaiSearchResult(
        civitai_model_id=model.id, civitai_version_id=newest.version_id if newest else None, name=model.name,
        version_name=newest.version_name if newest else "", type=model.type,
        base_model=newest.base_model if newest else "", download_count=model.download_count,
        thumbnail_url=newest.thumbnail_url if newest else None)


class CivitaiEnrichment:
    def __init__(self, library: ModelLibrary, client: CivitaiClient, clock: Clock):
        self._library = library
        self._client = client
        self._clock = clock

    async def sync(self, model_id: str) -> ModelRecord:
        """By the file's hash when known; else, or when CivitAI does not know the hash, by a search for the
        file name that must find a version with a file of exactly that name (never a guess)."""
        record = await self._library.get(model_id)
        version = await self._client.version_by_hash(record.hash) if record.hash else None
        if version is None:
            version = await self._by_file_name(record)
        if version is None:
            raise not_on_civitai(model_id)
        return await self._store(record, version)

    async def _by_file_name(self, record: ModelRecord) -> CivitaiVersion | None:
        wanted = record.filename.lower()
        hits = await self._client.search(default_display_name(record.name), NAME_SEARCH_LIMIT,
                                         CIVITAI_TYPES.get(record.type, ()))
        for model in hits:
            for version in model.versions:
                if any(name.lower() == wanted for name in version.file_names):
                    return version
        return None

    async def search(self, model_id: str, query: str, limit: int) -> list[CivitaiSearchResult]:
        limit = limit or DEFAULT_SEARCH_LIMIT
        if not 1 <= limit <= MAX_SEARCH_LIMIT:
            raise InvalidArgumentError(f"limit must be between 1 and {MAX_SEARCH_LIMIT}", metadata={"field": "limit"})
        record = await self._library.get(model_id)
        text = query.strip() or default_display_name(record.name)
        return [_result(m) for m in await self._client.search(text, limit, CIVITAI_TYPES.get(record.type, ()))]

    async def link(self, model_id: str, civitai_model_id: int, civitai_version_id: int | None) -> ModelRecord:
        if civitai_model_id <= 0:
            raise InvalidArgumentError("civitai_model_id must be a positive integer",
                                       metadata={"field": "civitai_model_id"})
        record = await self._library.get(model_id)
        model = await self._client.model(civitai_model_id)
        versions = model.versions if model else ()
        version = next((v for v in versions if civitai_version_id in (None, v.version_id)), None)
        if version is None:
            raise not_on_civitai(model_id)
        return await self._store(record, version)

    async def _store(self, record: ModelRecord, version: CivitaiVersion) -> ModelRecord:
        info = CivitaiInfo(
            civitai_model_id=version.model_id, civitai_version_id=version.version_id, name=version.model_name,
            version_name=version.version_name, base_model=version.base_model,
            trained_words=version.trained_words, thumbnail_url=version.thumbnail_url,
            page_url=self._client.page_url(version.model_id, version.version_id), synced_at=self._clock())
        return await self._library.update(record.id, {"civitai_info": info})
