"""The projects core keeps gRPC at the edge: only the rpc_*, servicer, server and mappers modules see it."""

from __future__ import annotations

from pathlib import Path

from tests.common.test_layering import imported_modules

PACKAGE = Path(__file__).resolve().parents[2] / "services/projects/projects_service"
RULE_MODULES = ("domain.py", "timeline.py", "repository.py", "clip_repository.py", "service.py", "scenes.py",
                "clips.py", "gallery.py", "deletion.py", "project_children.py", "field_checks.py")


def test_core_rule_and_persistence_modules_import_no_grpc_or_generated_code():
    offenders = [f"{name} imports {module}" for name in RULE_MODULES
                 for module in imported_modules(PACKAGE / name)
                 if module.split(".")[0] in ("grpc", "storyboard", "google")]
    assert offenders == []
