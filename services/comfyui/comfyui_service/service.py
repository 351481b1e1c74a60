"""The registry's rules: create, read, update and delete servers; credentials; presets. No grpc here."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from storyboard_common.errors import (
    AlreadyExistsError,
    FailedPreconditionError,
    InvalidArgumentError,
    NotFoundError,
    require_found,
)
from storyboard_common.pagination import Page, fetch_page
from storyboard_common.timestamps import Clock
from storyboard_common.updates import no_fields_to_update

from comfyui_service.crypto import SecretBox, UndecryptableSecretError
from comfyui_service.domain import SERVER_TYPES, Server
from comfyui_service.presets import MODEL_TYPES, ModelType, detect_model_type
from comfyui_service.prober import ProbeError, Target
from comfyui_service.repository import CatalogRepository, DuplicateUrlError, ServerRepository
from comfyui_service.url_policy import ServerUrl, UrlPolicy, parse_server_url

log = logging.getLogger(__name__)

RESOURCE_TYPE = "ComfyUI Server"
DEFAULT_PAGE_SIZE = 500
MAX_NAME_LENGTH = 200
MAX_API_KEY_LENGTH = 512
MAX_CONCURRENT = 64
UPDATABLE_FIELDS = frozenset({"name", "url", "server_type", "endpoint_id", "is_active", "max_concurrent"})
# Changing any of these makes it a different server to talk to: its cached status and catalog are dropped.
ADDRESS_FIELDS = frozenset({"url", "server_type", "endpoint_id"})
_ENDPOINT_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


class StatusCache(Protocol):
    def forget(self, server_id: str) -> None: ...

    def wake(self) -> None: ...


@dataclass(frozen=True)
class ServerSpec:
    name: str
    url: str
    server_type: str | None = None  # None: standard, unless the host says RunPod
    endpoint_id: str | None = None
    is_active: bool = True
    max_concurrent: int = 0  # 0: the default of 1


@dataclass(frozen=True)
class Credentials:
    """Plaintext key inside: only for GetServerCredentials and our own probes; never logged."""

    server: Server
    api_key: str | None

    def __repr__(self) -> str:
        return f"Credentials(server_id={self.server.id!r})"


def _invalid(message: str, field: str) -> InvalidArgumentError:
    return InvalidArgumentError(message, metadata={"field": field})


def _check_name(name: str) -> str:
    if not name.strip() or len(name) > MAX_NAME_LENGTH:
        raise _invalid(f"name must be 1 to {MAX_NAME_LENGTH} characters", "name")
    return name


def _check_max_concurrent(value: int) -> int:
    if not 1 <= value <= MAX_CONCURRENT:
        raise _invalid(f"max_concurrent must be between 1 and {MAX_CONCURRENT}", "max_concurrent")
    return value


def _check_api_key(api_key: str) -> str:
    if len(api_key) > MAX_API_KEY_LENGTH:
        raise _invalid(f"api_key must be at most {MAX_API_KEY_LENGTH} characters", "api_key")
    if not all(32 <= ord(c) < 127 for c in api_key):  # it travels in an HTTP header
        raise _invalid("api_key may only contain printable ASCII characters", "api_key")
    return api_key


def _type_and_endpoint(url: ServerUrl, server_type: str | None,
                       endpoint_id: str | None) -> tuple[str, str | None]:
    """RunPod when the host says so; a RunPod endpoint id from the path segment after /v2/ when not given."""
    server_type = server_type or "standard"
    if server_type not in SERVER_TYPES:
        raise _invalid("server_type must be standard or runpod", "server_type")
    if url.host == "runpod.ai" or url.host.endswith(".runpod.ai"):
        server_type = "runpod"
    if server_type == "runpod" and not endpoint_id:
        endpoint_id = url.path_segment_after("v2")
        if not endpoint_id:
            raise _invalid("A RunPod server needs endpoint_id or a URL ending in /v2/<endpoint_id>",
                           "endpoint_id")
    if endpoint_id and not _ENDPOINT_ID.match(endpoint_id):
        raise _invalid("endpoint_id may only contain letters, digits, '-' and '_'", "endpoint_id")
    return server_type, endpoint_id or None


def _duplicate(url: str) -> AlreadyExistsError:
    return AlreadyExistsError(f"A ComfyUI server with URL '{url}' is already registered",
                              metadata={"resource_type": RESOURCE_TYPE, "field": "url"})


class RegistryService:
    def __init__(self, servers: ServerRepository, catalogs: CatalogRepository, policy: UrlPolicy,
                 secrets: SecretBox, status: StatusCache, clock: Clock, new_id: Callable[[], str]):
        self._servers = servers
        self._catalogs = catalogs
        self._policy = policy
        self._secrets = secrets
        self._status = status
        self._clock = clock
        self._new_id = new_id

    async def _checked_url(self, raw: str) -> ServerUrl:
        url = parse_server_url(raw)
        await self._policy.check_url(url)
        return url

    async def create(self, spec: ServerSpec, api_key: str | None) -> Server:
        name = _check_name(spec.name)
        max_concurrent = _check_max_concurrent(spec.max_concurrent or 1)
        url = await self._checked_url(spec.url)
        server_type, endpoint_id = _type_and_endpoint(url, spec.server_type, spec.endpoint_id)
        if await self._servers.find_by_url(url.url):
            raise _duplicate(url.url)
        now = self._clock()
        doc = {"id": self._new_id(), "name": name, "url": url.url, "server_type": server_type,
               "endpoint_id": endpoint_id, "is_active": spec.is_active, "max_concurrent": max_concurrent,
               "api_key_encrypted": self._secrets.encrypt(_check_api_key(api_key)) if api_key else None,
               "created_at": now, "updated_at": now}
        try:
            server = await self._servers.insert({k: v for k, v in doc.items() if v is not None})
        except DuplicateUrlError:
            raise _duplicate(url.url) from None
        log.info("registered comfyui server", extra={"server_id": server.id})
        self._status.wake()
        return server

    async def get(self, server_id: str) -> Server:
        return require_found(await self._servers.get(server_id), RESOURCE_TYPE, server_id)

    async def list(self, is_active: bool | None, page_size: int, page_token: str,
                   offset: int) -> Page[Server]:
        return await fetch_page({"list": "servers", "is_active": is_active}, page_size, page_token, offset,
                                partial(self._servers.page, is_active), default=DEFAULT_PAGE_SIZE)

    async def update(self, server_id: str, changes: Mapping[str, Any], api_key: str | None) -> Server:
        """`changes` holds the masked fields; `api_key` None keeps the key, "" removes it, else replaces."""
        unknown = set(changes) - UPDATABLE_FIELDS
        if unknown:
            raise _invalid(f"Unknown or read-only fields: {', '.join(sorted(unknown))}", "update_mask")
        if not changes and api_key is None:
            raise no_fields_to_update()
        current = await self.get(server_id)
        fields: dict[str, Any] = {}
        if "name" in changes:
            fields["name"] = _check_name(changes["name"])
        if "is_active" in changes:
            fields["is_active"] = bool(changes["is_active"])
        if "max_concurrent" in changes:
            fields["max_concurrent"] = _check_max_concurrent(changes["max_concurrent"])
        if ADDRESS_FIELDS & set(changes):
            fields.update(await self._address_changes(current, changes))
        if api_key is not None:
            fields["api_key_encrypted"] = self._secrets.encrypt(_check_api_key(api_key)) if api_key else None
        fields["updated_at"] = self._clock()
        try:
            updated = await self._servers.update(server_id, fields)
        except DuplicateUrlError:
            raise _duplicate(fields.get("url", current.url)) from None
        server = require_found(updated, RESOURCE_TYPE, server_id)
        if api_key is not None or any(fields.get(f, getattr(current, f)) != getattr(current, f)
                                      for f in ADDRESS_FIELDS):
            self._status.forget(server_id)
            await self._catalogs.delete(server_id)
        elif server.is_active and not current.is_active:
            self._status.wake()
        return server

    async def _address_changes(self, current: Server, changes: Mapping[str, Any]) -> dict[str, Any]:
        url = await self._checked_url(changes["url"]) if "url" in changes else parse_server_url(current.url)
        server_type = changes["server_type"] if "server_type" in changes else current.server_type
        endpoint_id = changes["endpoint_id"] if "endpoint_id" in changes else current.endpoint_id
        if "url" in changes and "endpoint_id" not in changes and current.server_type == "runpod":
            endpoint_id = None  # derive it again from the new URL
        server_type, endpoint_id = _type_and_endpoint(url, server_type, endpoint_id)
        if url.url != current.url:
            existing = await self._servers.find_by_url(url.url)
            if existing and existing.id != current.id:
                raise _duplicate(url.url)
        return {"url": url.url, "server_type": server_type, "endpoint_id": endpoint_id}

    async def delete(self, server_id: str) -> None:
        if not await self._servers.delete(server_id):
            raise NotFoundError.of(RESOURCE_TYPE, server_id)
        self._status.forget(server_id)
        await self._catalogs.delete(server_id)
        log.info("deleted comfyui server", extra={"server_id": server_id})

    async def credentials(self, server_id: str) -> Credentials:
        server = await self.get(server_id)
        token = await self._servers.encrypted_key(server_id)
        try:
            api_key = self._secrets.decrypt(token) if token else None
        except UndecryptableSecretError:
            raise FailedPreconditionError(
                "The stored API key cannot be decrypted with the configured secret key") from None
        return Credentials(server, api_key)



class ProbeTargets:
    """What the status monitor probes: the active servers, each with its key decrypted just for the call."""

    def __init__(self, servers: ServerRepository, secrets: SecretBox):
        self._servers = servers
        self._secrets = secrets

    async def active_servers(self) -> list[Server]:
        servers, _ = await self._servers.page(True, None, 0)
        return servers

    async def target(self, server: Server) -> Target:
        token = await self._servers.encrypted_key(server.id)
        try:
            api_key = self._secrets.decrypt(token) if token else None
        except UndecryptableSecretError:
            raise ProbeError("The stored API key cannot be decrypted (was the secret key changed?)") from None
        return Target(server.id, server.url, server.server_type, server.endpoint_id, api_key)


class PresetService:
    """Model types and presets: a fixed table (presets.py), listed in id order."""

    async def list_types(self, page_size: int, page_token: str) -> Page[ModelType]:
        async def in_id_order(size: int, start: int) -> tuple[list[ModelType], int]:
            ids = sorted(MODEL_TYPES)
            return [MODEL_TYPES[i] for i in ids[start:start + size]], len(ids)

        return await fetch_page({"list": "model_types"}, page_size, page_token, 0, in_id_order)

    async def presets_for(self, model_name: str) -> ModelType:
        if not model_name:
            raise _invalid("model_name is required", "model_name")
        return MODEL_TYPES[detect_model_type(model_name)]
