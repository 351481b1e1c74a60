"""Non-file values: PrimitiveString produces text, PreviewAny shows any value as `{"text": [...]}`."""

from __future__ import annotations

import json

from ..catalog import LINK, STRING, NodeContext, NodeDef, NodeResult


async def primitive_string(ctx: NodeContext, value: str) -> NodeResult:
    return NodeResult((value,))


def preview_text(source: object) -> str:
    if isinstance(source, str):
        return source
    if isinstance(source, int | float | bool):
        return str(source)
    if source is None:
        return "None"
    try:
        return json.dumps(source)
    except (TypeError, ValueError):
        return str(source)


async def preview_any(ctx: NodeContext, source: object = None) -> NodeResult:
    return NodeResult((), {"text": [preview_text(source)]})


TEXT_NODES = [
    NodeDef(
        "PrimitiveString",
        primitive_string,
        required={"value": STRING()},
        outputs=("STRING",),
        category="utils/primitive",
        display_name="String",
        python_module="comfy_extras.nodes_primitive",
        v3=True,
    ),
    NodeDef(
        "PreviewAny",
        preview_any,
        required={"source": LINK("*")},
        output_node=True,
        category="utils",
        display_name="Preview Any",
        python_module="comfy_extras.nodes_preview_any",
    ),
]
