"""Imports point downward: rule and persistence modules know nothing of gRPC or generated code, and no
component imports another component's package."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICE_PACKAGES = sorted(ROOT.glob("services/*/*_service"))
RULE_MODULES = ("service.py", "domain.py", "repository.py")
COMPONENTS = {p.name for p in SERVICE_PACKAGES} | {"api_gateway"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_every_service_package_is_checked():
    assert {p.name for p in SERVICE_PACKAGES} == {"projects_service", "comfyui_service", "generation_service",
                                                  "media_service"}


def test_rule_and_persistence_modules_import_no_grpc_or_generated_code():
    offenders = []
    for package in SERVICE_PACKAGES:
        for name in RULE_MODULES:
            path = package / name
            if not path.exists():
                continue
            for module in imported_modules(path):
                if module.split(".")[0] in ("grpc", "storyboard", "google"):
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_common_errors_import_nothing_from_grpc():
    path = ROOT / "services/common/storyboard_common/errors.py"
    assert not any(m.startswith("grpc") for m in imported_modules(path))


def test_no_component_imports_another_component():
    offenders = []
    for package in [*SERVICE_PACKAGES, ROOT / "gateway/api_gateway"]:
        for path in package.rglob("*.py"):
            for module in imported_modules(path):
                top = module.split(".")[0]
                if top in COMPONENTS and top != package.name:
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []
