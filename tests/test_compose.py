"""docker-compose.yml and the Dockerfile checked against the code, so neither can silently rot.

No Docker engine runs here, so this is the guard: every command, port, address and variable in the compose
file must be one that the components really use.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml
from pydantic import AliasChoices

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
APPS = {"projects": "projects_service", "comfyui": "comfyui_service", "generation": "generation_service",
        "media": "media_service", "gateway": "api_gateway"}
GRPC = [name for name in APPS if name != "gateway"]


def settings_class(name: str):
    return importlib.import_module(f"{APPS[name]}.config").Settings


def recognised_variables(cls) -> set[str]:
    prefix = cls.model_config.get("env_prefix", "")
    names = set()
    for field_name, field in cls.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        elif isinstance(alias, str):
            names.add(alias)
        else:
            names.add(f"{prefix}{field_name}".upper())
    return names


def substituted(value: str) -> str:
    """${VAR:-default} -> default; ${VAR:?message} -> a stand-in value."""
    value = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value))
    return re.sub(r"\$\{[A-Z_]+:\?[^}]*\}", "stand-in", value)


def test_compose_runs_mongo_and_every_component():
    assert set(COMPOSE) == {"mongo", *APPS}


@pytest.mark.parametrize("name", list(APPS))
def test_command_and_build_target_start_the_components_package(name):
    service = COMPOSE[name]
    assert service["build"] == {"context": ".", "target": name}
    assert service["command"] == ["python", "-m", APPS[name]]
    importlib.import_module(f"{APPS[name]}.__main__")  # the entry module exists and imports cleanly
    stage = re.search(rf"^FROM base AS {name}\n(.*?)(?=^FROM |\Z)", DOCKERFILE, re.M | re.S)
    assert stage, f"Dockerfile has no {name} target"
    assert f'CMD ["python", "-m", "{APPS[name]}"]' in stage.group(1)
    assert "USER storyboard" in stage.group(1)


@pytest.mark.parametrize("name", list(APPS))
def test_every_environment_variable_is_one_the_component_reads(name):
    known = recognised_variables(settings_class(name)) | {"STORYBOARD_LOG_LEVEL", "STORYBOARD_LOG_FORMAT"}
    unknown = set(COMPOSE[name]["environment"]) - known
    assert unknown == set()


@pytest.mark.parametrize("name", list(APPS))
def test_the_compose_environment_builds_valid_settings(name, monkeypatch):
    for key, value in COMPOSE[name]["environment"].items():
        monkeypatch.setenv(key, substituted(value))
    settings_class(name)()


@pytest.mark.parametrize("name", GRPC)
def test_grpc_port_health_check_and_default_agree(name):
    service = COMPOSE[name]
    port = int(service["environment"][f"{name.upper()}_GRPC_PORT"])
    assert settings_class(name).model_fields["grpc_port"].default == port
    assert service["healthcheck"]["test"] == ["CMD", "python", "-m", "storyboard_common.healthcheck",
                                              f"localhost:{port}"]
    assert f"EXPOSE {port}" in DOCKERFILE
    assert "ports" not in service, "only the gateway publishes a port"


@pytest.mark.parametrize("name", list(APPS))
def test_service_addresses_point_at_the_right_service_and_port(name):
    for key, value in COMPOSE[name]["environment"].items():
        if key.endswith("_SERVICE_ADDR"):
            target = key.removesuffix("_SERVICE_ADDR").lower()
            port = COMPOSE[target]["environment"][f"{target.upper()}_GRPC_PORT"]
            assert value == f"{target}:{port}"


def test_services_on_mongo_wait_for_it_and_use_it():
    for name in GRPC:
        assert COMPOSE[name]["environment"]["MONGODB_URI"] == "mongodb://mongo:27017"
        assert COMPOSE[name]["depends_on"]["mongo"]["condition"] == "service_healthy"


def test_gateway_publishes_its_port_and_waits_for_healthy_services():
    gateway = COMPOSE["gateway"]
    container_port = int(gateway["environment"]["GATEWAY_PORT"])
    assert [substituted(p) for p in gateway["ports"]] == [f"8000:{container_port}"]
    assert {k: v["condition"] for k, v in gateway["depends_on"].items()} == {n: "service_healthy" for n in GRPC}
    for target in GRPC:
        assert f"{target.upper()}_SERVICE_ADDR" in gateway["environment"]


def test_media_keeps_its_files_on_a_named_volume():
    assert any(v.endswith(":/data") for v in COMPOSE["media"]["volumes"])


def test_every_required_variable_is_documented_in_env_example():
    required = set(re.findall(r"\$\{([A-Z_]+):\?", (ROOT / "docker-compose.yml").read_text()))
    documented = (ROOT / ".env.example").read_text()
    assert required and all(f"{var}=" in documented for var in required)
