"""JSON bodies serialized in one pass, for the big answers (a 2,000-clip timeline, complete clip lists).

A handler that returns a model makes FastAPI validate it again against `response_model` and serialize it
with the stdlib json. Handlers that return `json_response(...)` of the plain dicts from the `*_json` mappers
skip both; their `response_model` still documents the shape in OpenAPI.
"""

from __future__ import annotations

from typing import Any

import pydantic_core
from fastapi import Response


def json_response(content: Any) -> Response:
    return Response(pydantic_core.to_json(content), media_type="application/json")
