"""Settings come from the environment under the names the contract and README give."""

from __future__ import annotations

from comfyui_service.config import DEFAULT_RUNPOD_CATALOG, Settings


def test_defaults_keep_offline_detection_within_ten_seconds(monkeypatch):
    for name in ("COMFYUI_SECRET_KEY", "STORYBOARD_SECRET_KEY", "COMFYUI_ALLOWED_HOSTS", "ENVIRONMENT"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.health_interval_s + settings.probe_timeout_s <= 10
    assert settings.info_max_age_s == 10
    assert settings.secret_key is None and settings.environment == "development"
    assert settings.runpod_catalogs == {"*": DEFAULT_RUNPOD_CATALOG}


def test_environment_variables_and_their_aliases(monkeypatch):
    monkeypatch.setenv("STORYBOARD_SECRET_KEY", "shared-secret-from-the-contract")
    monkeypatch.setenv("COMFYUI_URL_ALLOWLIST", "gpu-1.lan,10.0.0.0/8")
    monkeypatch.setenv("COMFYUI_BLOCK_PRIVATE", "true")
    monkeypatch.setenv("COMFYUI_HEALTH_INTERVAL_S", "2.5")
    monkeypatch.setenv("COMFYUI_RUNPOD_CATALOGS", '{"ep1": {"checkpoints": ["a.safetensors"]}}')
    settings = Settings()
    assert settings.secret_key.get_secret_value() == "shared-secret-from-the-contract"
    assert "shared-secret" not in repr(settings)
    assert settings.allowed_hosts == "gpu-1.lan,10.0.0.0/8"
    assert settings.block_private is True and settings.health_interval_s == 2.5
    assert settings.runpod_catalogs == {"ep1": {"checkpoints": ["a.safetensors"]}}
    monkeypatch.setenv("COMFYUI_SECRET_KEY", "own-key-wins-over-the-shared-one")
    monkeypatch.setenv("COMFYUI_ALLOWED_HOSTS", "gpu-2.lan")
    settings = Settings()
    assert settings.secret_key.get_secret_value() == "own-key-wins-over-the-shared-one"
    assert settings.allowed_hosts == "gpu-2.lan"
