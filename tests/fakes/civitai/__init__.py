"""A fake CivitAI REST API (the three routes the comfyui service calls), on 127.0.0.1."""

from tests.fakes.civitai.server import FakeCivitai, FakeFile, FakeModel, FakeVersion

__all__ = ["FakeCivitai", "FakeFile", "FakeModel", "FakeVersion"]
