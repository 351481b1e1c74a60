"""Domain errors raised by services; the RPC layer maps them to status codes. Imports nothing from grpc."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")


class DomainError(Exception):
    """A failure the caller can act on: an English message, an UPPER_SNAKE reason and string metadata."""

    default_reason = "ERROR"

    def __init__(self, message: str, *, reason: str | None = None, metadata: Mapping[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.reason = reason or self.default_reason
        self.metadata = {k: str(v) for k, v in (metadata or {}).items()}


class InvalidArgumentError(DomainError):
    default_reason = "VALIDATION_ERROR"


class NotFoundError(DomainError):
    default_reason = "RESOURCE_NOT_FOUND"

    @classmethod
    def of(cls, resource_type: str, resource_id: str) -> NotFoundError:
        """The contract's message for a missing resource: "<Type> with ID '<id>' not found"."""
        return cls(
            f"{resource_type} with ID '{resource_id}' not found",
            metadata={"resource_type": resource_type, "resource_id": resource_id},
        )


def require_found(value: T | None, resource_type: str, resource_id: str) -> T:
    """`value`, unless it is None (how a repository answers for a missing document): then
    NotFoundError.of(resource_type, resource_id)."""
    if value is None:
        raise NotFoundError.of(resource_type, resource_id)
    return value


class OutOfRangeError(DomainError):
    """A value past the end of something that exists (a byte range past a file's end)."""

    default_reason = "OUT_OF_RANGE"


class AlreadyExistsError(DomainError):
    default_reason = "DUPLICATE_RESOURCE"


class FailedPreconditionError(DomainError):
    default_reason = "CONFLICT"


class AbortedError(DomainError):
    default_reason = "CONFLICT"


class ResourceExhaustedError(DomainError):
    default_reason = "RESOURCE_EXHAUSTED"


class UnavailableError(DomainError):
    default_reason = "SERVICE_UNAVAILABLE"


class DeadlineExceededError(DomainError):
    default_reason = "GATEWAY_TIMEOUT"


class InternalError(DomainError):
    default_reason = "INTERNAL_ERROR"
