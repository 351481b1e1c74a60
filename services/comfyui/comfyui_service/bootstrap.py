"""Composition root: the one place that builds concrete objects. The status monitor starts here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx
from storyboard_common.store import Store, open_store
from storyboard_common.timestamps import system_clock

from comfyui_service.config import Settings
from comfyui_service.crypto import load_secret_box
from comfyui_service.guarded_http import guarded_client
from comfyui_service.info import InfoService
from comfyui_service.monitor import MonitorTiming, StatusMonitor
from comfyui_service.prober import Prober
from comfyui_service.repository import CatalogRepository, ServerRepository
from comfyui_service.service import PresetService, ProbeTargets, RegistryService
from comfyui_service.url_policy import UrlPolicy


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

    async def aclose(self) -> None:
        await self.monitor.stop()
        await self.http.aclose()
        await self.store.aclose()


async def build_deps(settings: Settings) -> Deps:
    secret = settings.secret_key.get_secret_value() if settings.secret_key else None
    secrets = load_secret_box(secret, settings.environment == "production", settings.data_dir)
    policy = UrlPolicy.from_setting(settings.allowed_hosts, settings.block_private,
                                    dns_timeout_s=settings.dns_timeout_s)
    store = await open_store(settings.resolved_store_uri())
    servers, catalogs = ServerRepository(store), CatalogRepository(store)
    await servers.ensure_indexes()
    http = guarded_client(policy, settings.probe_timeout_s)
    prober = Prober(http, timeout_s=settings.probe_timeout_s, catalog_timeout_s=settings.catalog_timeout_s,
                    runpod_api_base=settings.runpod_api_base, runpod_catalogs=settings.runpod_catalogs)
    timing = MonitorTiming(settings.health_interval_s, settings.health_max_backoff_s,
                           settings.catalog_interval_s, settings.max_parallel_probes)
    targets = ProbeTargets(servers, secrets)
    monitor = StatusMonitor(prober, catalogs, targets.active_servers, targets.target, system_clock, timing)
    registry = RegistryService(servers, catalogs, policy, secrets, monitor, system_clock, new_id)
    info = InfoService(registry, monitor, system_clock, settings.info_max_age_s)
    monitor.start()
    return Deps(store=store, http=http, monitor=monitor, registry=registry, info=info,
                presets=PresetService())

