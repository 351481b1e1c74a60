"""The fake's node catalogue: every class a stock 0.3.64 server needs for the test workflows and templates."""

from __future__ import annotations

from ..catalog import NodeDef
from .images import IMAGE_NODES
from .models import MODEL_NODES
from .outputs import OUTPUT_NODES
from .text import TEXT_NODES

NODE_DEFS: dict[str, NodeDef] = {
    node.name: node for node in [*IMAGE_NODES, *OUTPUT_NODES, *TEXT_NODES, *MODEL_NODES]
}

__all__ = ["NODE_DEFS"]
