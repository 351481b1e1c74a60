"""The fake's node catalogue: every class a stock 0.3.64 server needs for the test workflows and the generation
templates, plus the custom node packs the face templates use (see custom.py)."""

from __future__ import annotations

from ..catalog import NodeDef
from .custom import CUSTOM_NODE_CLASSES, CUSTOM_NODES
from .families import FAMILY_NODES
from .images import IMAGE_NODES
from .models import MODEL_NODES
from .outputs import OUTPUT_NODES
from .text import TEXT_NODES

NODE_DEFS: dict[str, NodeDef] = {
    node.name: node
    for node in [*IMAGE_NODES, *OUTPUT_NODES, *TEXT_NODES, *MODEL_NODES, *FAMILY_NODES, *CUSTOM_NODES]
}

__all__ = ["CUSTOM_NODE_CLASSES", "NODE_DEFS"]
