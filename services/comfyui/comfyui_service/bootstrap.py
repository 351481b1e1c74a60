"""Composition root: the one place that builds concrete objects. The status monitor starts here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx
from storyboard_common.store import Store, open_store
from storyboard_common.timestamps import system_clock

from comfyui_service.catalog_feed import LibraryFeedingCatalogs
from comfyui_service.civitai import CivitaiClient, TtlCache
from comfyui_service.config import Settings
from comfyui_service.crypto import load_secret_box
from comfyui_service.enrichment import CivitaiEnrichment
from comfyui_service.guarded_http import guarded_client
from comfyui_service.info import InfoService
from comfyui_service.library import ModelLibrary
from comfyui_service.library_repository import ModelRepository
from comfyui_service.library_sync import LibrarySync
from comfyui_service.monitor import MonitorTiming, StatusMonitor
from comfyui_service.prober import Prober
from comfyui_service.repository import ServerRepository
from comfyui_service.service import PresetService, ProbeTargets, RegistryService
from comfyui_service.url_policy import UrlPolicy

CIVITAI_CACHE_ENTRIES = 512


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Deps:
    store: Store
    http: httpx.AsyncClient
    monitor: StatusMonitor
    registry: RegistryService
    info: InfoService
    presets: PresetService
    library: ModelLibrary
    library_sync: LibrarySync
    civitai: CivitaiEnrichment
    civitai_http: httpx.AsyncClient

    async def aclose(self) -> None:
        await self.monitor.stop()
        await self.http.aclose()
        await self.civitai_http.aclose()
        await self.store.aclose()


async def build_deps(settings: Settings) -> Deps:
    secret = settings.secret_key.get_secret_value() if settings.secret_key else None
    secrets = load_secret_box(secret, settings.environment == "production", settings.data_dir)
    policy = UrlPolicy.from_setting(settings.allowed_hosts, settings.block_private,
                                    dns_timeout_s=settings.dns_timeout_s)
    store = await open_store(settings.resolved_store_uri())
    servers, models = ServerRepository(store), ModelRepository(store)
    await servers.ensure_indexes()
    await models.ensure_indexes()
    http = guarded_client(policy, settings.probe_timeout_s)
    prober = Prober(http, timeout_s=settings.probe_timeout_s, catalog_timeout_s=settings.catalog_timeout_s,
                    runpod_api_base=settings.runpod_api_base, runpod_catalogs=settings.runpod_catalogs)
    timing = MonitorTiming(settings.health_interval_s, settings.health_max_backoff_s,
                           settings.catalog_interval_s, settings.max_parallel_probes)
    targets = ProbeTargets(servers, secrets)
    library_sync = LibrarySync(models, servers, targets.target, prober, system_clock,
                               hash_budget_s=settings.catalog_timeout_s)
    catalogs = LibraryFeedingCatalogs(store, library_sync)  # every catalog refresh also syncs the library
    monitor = StatusMonitor(prober, catalogs, targets.active_servers, targets.target, system_clock, timing)
    registry = RegistryService(servers, catalogs, policy, secrets, monitor, system_clock, new_id)
    info = InfoService(registry, monitor, system_clock, settings.info_max_age_s)
    library = ModelLibrary(models, servers, monitor, library_sync, system_clock)
    # CivitAI is a fixed, configured host: a plain client, without environment proxies.
    civitai_http = httpx.AsyncClient(timeout=settings.civitai_timeout_s, follow_redirects=False, trust_env=False)
    api_key = settings.civitai_api_key.get_secret_value() if settings.civitai_api_key else None
    civitai = CivitaiClient(civitai_http, settings.civitai_base_url, api_key, enabled=settings.civitai_enabled,
                            timeout_s=settings.civitai_timeout_s,
                            cache=TtlCache(settings.civitai_cache_ttl_s, CIVITAI_CACHE_ENTRIES))
    monitor.start()
    return Deps(store=store, http=http, monitor=monitor, registry=registry, info=info,
                presets=PresetService(), library=library, library_sync=library_sync,
                civitai=CivitaiEnrichment(library, civitai, system_clock), civitai_http=civitai_http)

