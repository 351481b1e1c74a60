"""Server and client interceptors: request ids, deadlines, error mapping and one access line per RPC."""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc

from storyboard_common.context import (
    REQUEST_ID_HEADER,
    deadline_var,
    new_request_id,
    request_id_var,
    valid_request_id,
)
from storyboard_common.errors import DomainError
from storyboard_common.rpc.status import STATUS_DETAILS_KEY, code_for, status_details

log = logging.getLogger("storyboard.rpc")


class ServerInterceptor(grpc.aio.ServerInterceptor):
    """Wraps every handler: binds the request id and deadline, maps errors, logs one access line."""

    def __init__(self, service: str):
        self._domain = f"{service}.storyboard"

    async def intercept_service(self, continuation: Callable[..., Awaitable[Any]],
                                details: grpc.HandlerCallDetails) -> Any:
        handler = await continuation(details)
        if handler is None or details.method.startswith(("/grpc.health", "/grpc.reflection")):
            return handler
        method = details.method
        if not _implemented(handler):
            return _unimplemented(handler, method)
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(
                self._wrap_unary(handler.unary_unary, method), handler.request_deserializer,
                handler.response_serializer)
        if handler.stream_unary:
            return grpc.stream_unary_rpc_method_handler(
                self._wrap_unary(handler.stream_unary, method), handler.request_deserializer,
                handler.response_serializer)
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(
                self._wrap_stream(handler.unary_stream, method), handler.request_deserializer,
                handler.response_serializer)
        return grpc.stream_stream_rpc_method_handler(
            self._wrap_stream(handler.stream_stream, method), handler.request_deserializer,
            handler.response_serializer)

    def _bind(self, context: grpc.aio.ServicerContext) -> None:
        metadata = dict(context.invocation_metadata() or ())
        request_id_var.set(valid_request_id(metadata.get(REQUEST_ID_HEADER)) or new_request_id())
        remaining = context.time_remaining()
        deadline_var.set(time.monotonic() + remaining if remaining is not None else None)

    async def _fail(self, exc: BaseException, context: grpc.aio.ServicerContext) -> None:
        if isinstance(exc, DomainError):
            code, message = code_for(exc), exc.message
            reason, metadata = exc.reason, exc.metadata
        else:
            log.exception("unhandled error (request id %s)", request_id_var.get())
            code, message = grpc.StatusCode.INTERNAL, f"internal error (request id {request_id_var.get()})"
            reason, metadata = "INTERNAL_ERROR", {}
        details = status_details(code, message, reason, self._domain, metadata)
        await context.abort(code, message, trailing_metadata=((STATUS_DETAILS_KEY, details),))

    def _access(self, method: str, started: float, context: grpc.aio.ServicerContext) -> None:
        name = _code_name(context.code())
        log.info("rpc", extra={"method": method, "code": name,
                               "duration_ms": round((time.perf_counter() - started) * 1000, 2)})

    def _wrap_unary(self, behavior: Callable[..., Awaitable[Any]], method: str) -> Callable[..., Awaitable[Any]]:
        async def wrapped(request: Any, context: grpc.aio.ServicerContext) -> Any:
            self._bind(context)
            started = time.perf_counter()
            try:
                return await behavior(request, context)
            except grpc.aio.AbortError:
                raise
            except Exception as exc:  # noqa: BLE001 - every failure becomes a status, never a traceback
                await self._fail(exc, context)
            finally:
                self._access(method, started, context)

        return wrapped

    def _wrap_stream(self, behavior: Callable[..., AsyncIterator[Any]],
                     method: str) -> Callable[..., AsyncIterator[Any]]:
        async def wrapped(request: Any, context: grpc.aio.ServicerContext) -> AsyncIterator[Any]:
            self._bind(context)
            started = time.perf_counter()
            try:
                async for item in behavior(request, context):
                    yield item
            except grpc.aio.AbortError:
                raise
            except Exception as exc:  # noqa: BLE001 - every failure becomes a status, never a traceback
                await self._fail(exc, context)
            finally:
                self._access(method, started, context)

        return wrapped


def _implemented(handler: grpc.RpcMethodHandler) -> bool:
    """Our servicers are async; the generated base class's placeholders are plain functions."""
    behavior = (handler.unary_unary or handler.stream_unary or handler.unary_stream or handler.stream_stream)
    return inspect.iscoroutinefunction(behavior) or inspect.isasyncgenfunction(behavior)


def _unimplemented(handler: grpc.RpcMethodHandler, method: str) -> grpc.RpcMethodHandler:
    async def abort(request: Any, context: grpc.aio.ServicerContext) -> Any:
        await context.abort(grpc.StatusCode.UNIMPLEMENTED, f"{method} is not implemented yet")

    factory = (grpc.unary_unary_rpc_method_handler if handler.unary_unary
               else grpc.stream_unary_rpc_method_handler if handler.stream_unary
               else grpc.unary_stream_rpc_method_handler if handler.unary_stream
               else grpc.stream_stream_rpc_method_handler)
    return factory(abort, handler.request_deserializer, handler.response_serializer)


def _code_name(code: Any) -> str:
    """aio contexts report the code as a StatusCode, an int or None (OK)."""
    if code is None:
        return "OK"
    if isinstance(code, grpc.StatusCode):
        return code.name
    return next((c.name for c in grpc.StatusCode if c.value[0] == code), str(code))


def _outbound_metadata(metadata: Any) -> list[tuple[str, str]]:
    items = list(metadata or ())
    rid = request_id_var.get()
    if rid and not any(k == REQUEST_ID_HEADER for k, _ in items):
        items.append((REQUEST_ID_HEADER, rid))
    return items


def _capped_timeout(timeout: float | None, default: float | None) -> float | None:
    """The call's own timeout or the default, never past the inbound call's deadline."""
    chosen = timeout if timeout is not None else default
    deadline = deadline_var.get()
    if deadline is not None:
        left = max(deadline - time.monotonic(), 0.001)
        chosen = left if chosen is None else min(chosen, left)
    return chosen


class _ClientBase:
    def __init__(self, default_timeout: float | None):
        self._default_timeout = default_timeout

    def _details(self, details: grpc.aio.ClientCallDetails, timeout_default: float | None) -> Any:
        return grpc.aio.ClientCallDetails(
            method=details.method,
            timeout=_capped_timeout(details.timeout, timeout_default),
            metadata=grpc.aio.Metadata(*_outbound_metadata(details.metadata)),
            credentials=details.credentials,
            wait_for_ready=details.wait_for_ready,
        )


class UnaryClientInterceptor(_ClientBase, grpc.aio.UnaryUnaryClientInterceptor):
    """Every unary call gets a deadline and the request id."""

    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._details(details, self._default_timeout), request)


class StreamResponseClientInterceptor(_ClientBase, grpc.aio.UnaryStreamClientInterceptor):
    """Server streams carry the request id; they end with their caller instead of a default deadline."""

    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._details(details, None), request)


class StreamRequestClientInterceptor(_ClientBase, grpc.aio.StreamUnaryClientInterceptor):
    """Client streams (uploads) carry the request id; callers pass their own longer timeout."""

    async def intercept_stream_unary(self, continuation: Any, details: Any, request_iterator: Any) -> Any:
        return await continuation(self._details(details, None), request_iterator)


def client_interceptors(default_timeout: float) -> list[Any]:
    return [UnaryClientInterceptor(default_timeout), StreamResponseClientInterceptor(None),
            StreamRequestClientInterceptor(None)]
