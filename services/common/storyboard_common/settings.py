"""The settings base every component extends; values come from the environment only."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CommonSettings(BaseSettings):
    """Values shared by every process, under the STORYBOARD_ prefix whatever the component's own prefix."""

    # populate_by_name: code (tests, scripts) may pass fields by name even when the variable has an alias.
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    data_dir: Path = Field(Path("data"), validation_alias=AliasChoices("STORYBOARD_DATA_DIR"))
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", validation_alias=AliasChoices("STORYBOARD_LOG_LEVEL")
    )
    log_format: Literal["json", "text"] = Field("json", validation_alias=AliasChoices("STORYBOARD_LOG_FORMAT"))


class ServiceSettings(CommonSettings):
    """What every gRPC service has: a port, a store, deadlines and a shutdown grace."""

    service_name: ClassVar[str] = "service"
    grpc_host: str = "0.0.0.0"
    grpc_port: int = Field(0, ge=0, le=65535)
    # Empty: MONGODB_URI when set (database storyboard_<service>), else SQLite under data_dir.
    store_uri: str = ""
    mongodb_uri: str = Field("", validation_alias=AliasChoices("MONGODB_URI"))
    rpc_timeout_s: float = Field(5.0, gt=0)
    shutdown_grace_s: float = Field(10.0, ge=0)

    def resolved_store_uri(self) -> str:
        if self.store_uri:
            return self.store_uri
        if self.mongodb_uri:
            return with_database(self.mongodb_uri, f"storyboard_{self.service_name}")
        return f"sqlite:///{self.data_dir / (self.service_name + '.sqlite3')}"


def with_database(mongodb_uri: str, database: str) -> str:
    """Puts `database` in the path of a MongoDB URI, keeping its options."""
    scheme, sep, rest = mongodb_uri.partition("://")
    hosts, _, tail = rest.partition("/")
    _, qmark, options = tail.partition("?")
    return f"{scheme}{sep}{hosts}/{database}{qmark}{options}"


DEFAULT_PORTS = {"projects": 50051, "comfyui": 50052, "generation": 50053, "media": 50054}


def service_address(name: str) -> Any:
    """A field for another service's address, read from the shared <NAME>_SERVICE_ADDR variable."""
    return Field(f"localhost:{DEFAULT_PORTS[name]}", validation_alias=AliasChoices(f"{name.upper()}_SERVICE_ADDR"))
