"""Every error the gateway answers, in the contract's shapes (rest-contract.md, section 0.5).

Status comes from the ErrorInfo reason a service attached, falling back to the gRPC code table
(google/rpc/code.proto, as grpc-gateway applies it). Internals never reach a response.
"""

from __future__ import annotations

import logging
from typing import Any

import grpc
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from storyboard_common.context import request_id_var
from storyboard_common.rpc.status import error_info
from storyboard_common.updates import NO_FIELDS

log = logging.getLogger("api_gateway.errors")

HTTP_FOR_REASON = {
    "VALIDATION_ERROR": 400,
    "INVALID_PARAMETER": 400,
    "INVALID_FILE": 400,
    "INVALID_FILE_TYPE": 400,
    "EMPTY_FILE": 400,
    "RESOURCE_NOT_FOUND": 404,
    "ROUTE_NOT_FOUND": 404,
    "METHOD_NOT_ALLOWED": 405,
    "CONFLICT": 409,
    "DUPLICATE_RESOURCE": 409,
    "TIMELINE_OVERLAP": 409,
    "FILE_TOO_LARGE": 413,
    "RANGE_NOT_SATISFIABLE": 416,
    "RESOURCE_EXHAUSTED": 429,
    "INTERNAL_ERROR": 500,
    "GENERATION_FAILED": 500,
    "NOT_IMPLEMENTED": 501,
    "SERVICE_UNAVAILABLE": 503,
    "GATEWAY_TIMEOUT": 504,
    "INSUFFICIENT_STORAGE": 507,
}

# (HTTP status, error_code) for a status without a known reason.
HTTP_FOR_CODE: dict[grpc.StatusCode, tuple[int, str]] = {
    grpc.StatusCode.INVALID_ARGUMENT: (400, "VALIDATION_ERROR"),
    grpc.StatusCode.FAILED_PRECONDITION: (409, "CONFLICT"),
    grpc.StatusCode.OUT_OF_RANGE: (400, "INVALID_PARAMETER"),
    grpc.StatusCode.UNAUTHENTICATED: (401, "UNAUTHENTICATED"),
    grpc.StatusCode.PERMISSION_DENIED: (403, "PERMISSION_DENIED"),
    grpc.StatusCode.NOT_FOUND: (404, "RESOURCE_NOT_FOUND"),
    grpc.StatusCode.ALREADY_EXISTS: (409, "DUPLICATE_RESOURCE"),
    grpc.StatusCode.ABORTED: (409, "CONFLICT"),
    grpc.StatusCode.RESOURCE_EXHAUSTED: (429, "RESOURCE_EXHAUSTED"),
    grpc.StatusCode.CANCELLED: (499, "CANCELLED"),
    grpc.StatusCode.UNIMPLEMENTED: (501, "NOT_IMPLEMENTED"),
    grpc.StatusCode.UNAVAILABLE: (503, "SERVICE_UNAVAILABLE"),
    grpc.StatusCode.DEADLINE_EXCEEDED: (504, "GATEWAY_TIMEOUT"),
}

# Upload rejections keep the older backend's string detail, which the frontend shows as text.
STRING_DETAIL_REASONS = {"FILE_TOO_LARGE", "INVALID_FILE", "INVALID_FILE_TYPE", "EMPTY_FILE"}
# ErrorInfo metadata are strings; these details are numbers in the contract (0.5: required_mb, available_mb).
NUMERIC_DETAILS = {"required_mb", "available_mb"}


class ApiError(Exception):
    """An error the gateway itself decides (bad query value, no fields to update, ...)."""

    def __init__(self, status: int, error_code: str, message: str, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.status, self.error_code, self.message, self.details = status, error_code, message, details or {}


def no_fields_to_update() -> ApiError:
    """400 for an update request that sets no field, decided before any service is called."""
    return ApiError(400, "VALIDATION_ERROR", NO_FIELDS)


def typed_body(status: int, error_code: str, message: str, details: dict[str, Any]) -> dict[str, Any]:
    return {
        "detail": {"error": message, "error_code": error_code, "status_code": status, "details": details},
        "request_id": request_id_var.get(),
    }


def typed_response(status: int, error_code: str, message: str, details: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    if status >= 500 and error_code == "INTERNAL_ERROR":
        message = "Internal server error"
    return JSONResponse(typed_body(status, error_code, message, details or {}), status_code=status,
                        headers=headers)


def _timeline_conflict(message: str, meta: dict[str, str]) -> JSONResponse:
    suggestion = meta.get("suggested_position") or None
    return JSONResponse(status_code=409, content={"detail": {
        "error": message,
        "suggested_position": float(suggestion) if suggestion else None,
        "clip_id": meta.get("clip_id"),
        "requested_position": float(meta.get("requested_position") or 0),
    }})


def rpc_error_response(exc: grpc.aio.AioRpcError, service: str | None = None) -> JSONResponse:
    """The HTTP answer for a failed backend call."""
    info = error_info(exc.trailing_metadata())
    code = exc.code()
    message = exc.details() or ""
    meta = dict(info.metadata) if info else {}
    reason = info.reason if info else ""
    if reason == "TIMELINE_OVERLAP":
        return _timeline_conflict(message, meta)
    if reason in HTTP_FOR_REASON:
        status, error_code = HTTP_FOR_REASON[reason], reason
    else:
        status, error_code = HTTP_FOR_CODE.get(code, (500, "INTERNAL_ERROR"))
    if reason in STRING_DETAIL_REASONS:
        return JSONResponse({"detail": message, "request_id": request_id_var.get()}, status_code=status)
    if info is None and code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
        # The backend itself is unreachable or slow: say which one, never the transport's text.
        message = ("Service unavailable" if code == grpc.StatusCode.UNAVAILABLE else "Service timed out")
        meta = {"service": service} if service else {}
    if status >= 500 and error_code == "INTERNAL_ERROR":
        log.error("backend internal error: %s (%s)", message, code.name)
    details: dict[str, Any] = {k: _number(v) if k in NUMERIC_DETAILS else v for k, v in meta.items()}
    return typed_response(status, error_code, message, details)


def _number(value: str) -> float | str:
    try:
        return float(value)
    except ValueError:
        return value


async def _on_rpc_error(request: Request, exc: grpc.aio.AioRpcError) -> JSONResponse:
    return rpc_error_response(exc)


async def _on_api_error(request: Request, exc: ApiError) -> JSONResponse:
    return typed_response(exc.status, exc.error_code, exc.message, exc.details)


# Write-only fields: a 422 echoes `input` (for a missing field, the whole body), so these are masked.
SECRET_FIELDS = frozenset({"api_key"})


def _redact(value: Any, secret: bool = False) -> Any:
    if secret:
        return "***"
    if isinstance(value, dict):
        return {k: _redact(v, k in SECRET_FIELDS) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


async def _on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = jsonable_encoder(exc.errors(), custom_encoder={bytes: lambda b: b.decode(errors="replace")})
    for e in errors:  # never echo a stack of internals; pydantic's ctx may hold exception objects
        if isinstance(e.get("ctx"), dict):
            e["ctx"] = {k: str(v) for k, v in e["ctx"].items()}
        if "input" in e:
            e["input"] = _redact(e["input"], bool(e.get("loc")) and e["loc"][-1] in SECRET_FIELDS)
    return JSONResponse({"detail": errors, "request_id": request_id_var.get()}, status_code=422)


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if exc.status_code == 404:
        return typed_response(404, "ROUTE_NOT_FOUND", f"Route {request.url.path} not found")
    if exc.status_code == 405:
        return typed_response(405, "METHOD_NOT_ALLOWED", f"Method {request.method} not allowed",
                              headers=dict(exc.headers or {}))
    code = HTTP_FOR_REASON_BY_STATUS.get(exc.status_code, "ERROR")
    return typed_response(exc.status_code, code, str(exc.detail), headers=dict(exc.headers or {}))


HTTP_FOR_REASON_BY_STATUS = {400: "VALIDATION_ERROR", 413: "FILE_TOO_LARGE", 416: "RANGE_NOT_SATISFIABLE"}


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(grpc.aio.AioRpcError, _on_rpc_error)  # type: ignore[arg-type]
    app.add_exception_handler(ApiError, _on_api_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _on_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http_error)  # type: ignore[arg-type]
    # Unexpected exceptions become the typed 500 in middleware.RequestContextMiddleware, inside the
    # request-id scope, so even those responses carry X-Request-ID.
