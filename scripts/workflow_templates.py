"""Writes generation's workflow templates (their ids, kinds, model types and needs) as the JSON snapshot the
gateway lists while the generation service does not serve ListWorkflowTemplates yet.

    .venv/bin/python scripts/workflow_templates.py > gateway/api_gateway/workflow_templates.json

Components never import one another, so the gateway reads this snapshot; tests/gateway checks it is current.
"""

from __future__ import annotations

import json
import sys

from generation_service.workflows import list_templates


def snapshot() -> list[dict]:
    return [{"id": t.id, "version": t.version, "name": t.name, "kind": t.kind, "model_types": list(t.model_types),
             "required_nodes": sorted(t.required_nodes),
             "required_models": {folder: sorted(names) for folder, names in sorted(t.required_models.items())}}
            for t in list_templates()]


if __name__ == "__main__":
    json.dump(snapshot(), sys.stdout, indent=1)
    sys.stdout.write("\n")
