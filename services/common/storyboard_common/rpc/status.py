"""DomainError <-> gRPC status with google.rpc.ErrorInfo, kept as data in both directions."""

from __future__ import annotations

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2

from storyboard_common import errors

STATUS_DETAILS_KEY = "grpc-status-details-bin"

CODE_FOR_ERROR: dict[type[errors.DomainError], grpc.StatusCode] = {
    errors.InvalidArgumentError: grpc.StatusCode.INVALID_ARGUMENT,
    errors.NotFoundError: grpc.StatusCode.NOT_FOUND,
    errors.AlreadyExistsError: grpc.StatusCode.ALREADY_EXISTS,
    errors.OutOfRangeError: grpc.StatusCode.OUT_OF_RANGE,
    errors.FailedPreconditionError: grpc.StatusCode.FAILED_PRECONDITION,
    errors.AbortedError: grpc.StatusCode.ABORTED,
    errors.ResourceExhaustedError: grpc.StatusCode.RESOURCE_EXHAUSTED,
    errors.UnavailableError: grpc.StatusCode.UNAVAILABLE,
    errors.DeadlineExceededError: grpc.StatusCode.DEADLINE_EXCEEDED,
    errors.InternalError: grpc.StatusCode.INTERNAL,
}
ERROR_FOR_CODE = {code: cls for cls, code in CODE_FOR_ERROR.items()}


def code_for(error: errors.DomainError) -> grpc.StatusCode:
    for cls in type(error).__mro__:
        if cls in CODE_FOR_ERROR:
            return CODE_FOR_ERROR[cls]  # type: ignore[index]
    return grpc.StatusCode.INTERNAL


def status_details(code: grpc.StatusCode, message: str, reason: str, domain: str,
                   metadata: dict[str, str]) -> bytes:
    """The serialized google.rpc.Status that carries ErrorInfo in the trailers."""
    info = any_pb2.Any()
    info.Pack(error_details_pb2.ErrorInfo(reason=reason, domain=domain, metadata=metadata))
    return status_pb2.Status(code=code.value[0], message=message, details=[info]).SerializeToString()


def error_info(trailing_metadata: object) -> error_details_pb2.ErrorInfo | None:
    """The ErrorInfo a server attached, if any (reads grpc-status-details-bin)."""
    for key, value in tuple(trailing_metadata or ()):  # type: ignore[arg-type]
        if key == STATUS_DETAILS_KEY and isinstance(value, bytes):
            status = status_pb2.Status.FromString(value)
            for detail in status.details:
                info = error_details_pb2.ErrorInfo()
                if detail.Unpack(info):
                    return info
    return None


def domain_error_from_rpc(exc: grpc.aio.AioRpcError, service: str) -> errors.DomainError:
    """A downstream failure as a DomainError, so the caller's own status mapping applies."""
    info = error_info(exc.trailing_metadata())
    code = exc.code()
    cls = ERROR_FOR_CODE.get(code, errors.UnavailableError if code == grpc.StatusCode.UNAVAILABLE
                             else errors.InternalError)
    if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED) and info is None:
        return errors.UnavailableError(f"The {service} service is unavailable", metadata={"service": service})
    if code == grpc.StatusCode.DEADLINE_EXCEEDED and info is None:
        return errors.DeadlineExceededError(f"The {service} service did not answer in time",
                                            metadata={"service": service})
    reason = info.reason if info else None
    metadata = dict(info.metadata) if info else {}
    return cls(exc.details() or "", reason=reason, metadata=metadata)
