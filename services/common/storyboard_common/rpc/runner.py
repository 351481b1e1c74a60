"""The entry point every service shares: settings, logging, fail-fast checks, serve until signalled."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from pydantic import ValidationError

from storyboard_common import logging as sb_logging
from storyboard_common.gc_tuning import tune_for_serving
from storyboard_common.rpc.server import GrpcServer, PortInUseError, run_until_signalled
from storyboard_common.settings import ServiceSettings

log = logging.getLogger("storyboard.runner")
S = TypeVar("S", bound=ServiceSettings)


def _check_data_dir(settings: ServiceSettings) -> None:
    if settings.resolved_store_uri().startswith("sqlite:///"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        probe = settings.data_dir / ".write-test"
        probe.write_text("ok")
        probe.unlink()


def run(component: str, settings_cls: type[S], serve: Callable[[S], Awaitable[Any]]) -> int:
    """Builds settings, then serves; exits 1 with one clear log line on a bad value, port or store."""
    try:
        settings = settings_cls()
    except ValidationError as exc:
        sb_logging.configure(component)
        prefix = settings_cls.model_config.get("env_prefix", "")
        names = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        variables = sorted(n if n.isupper() else f"{prefix}{n}".upper() for n in names)
        log.error("invalid configuration for %s: check %s", component, ", ".join(variables))
        return 1
    sb_logging.configure(component, settings.log_level, settings.log_format)
    try:
        _check_data_dir(settings)
        tune_for_serving()
        asyncio.run(serve(settings))
    except PortInUseError as exc:
        log.error("%s (set %sGRPC_PORT)", exc, settings.model_config.get("env_prefix", ""))
        return 1
    except OSError as exc:
        log.error("cannot use the data directory %s (STORYBOARD_DATA_DIR): %s", settings.data_dir, exc.strerror)
        return 1
    except KeyboardInterrupt:
        return 0
    except Exception as exc:  # noqa: BLE001 - one line naming the failure, then exit non-zero
        log.error("%s failed to start: %s", component, exc)
        return 1
    return 0


def main(component: str, settings_cls: type[S], serve: Callable[[S], Awaitable[Any]]) -> None:
    sys.exit(run(component, settings_cls, serve))


async def serve_until_signalled(settings: S, build_deps: Callable[[S], Awaitable[Any]],
                                build_server: Callable[[S, Any], GrpcServer]) -> None:
    """Builds the dependencies, then the server, and serves; dependencies close on every path out."""
    deps = await build_deps(settings)
    try:
        server = build_server(settings, deps)
    except BaseException:
        await deps.aclose()
        raise
    await run_until_signalled(server, settings.shutdown_grace_s, deps.aclose)
