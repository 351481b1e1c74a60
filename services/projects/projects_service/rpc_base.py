"""What every rpc_<area> mixin of ProjectsServicer shares: the services it calls, and the context type."""

from __future__ import annotations

from typing import TYPE_CHECKING

import grpc

if TYPE_CHECKING:
    from projects_service.bootstrap import Deps

Context = grpc.aio.ServicerContext


class AreaRpcs:
    """Base of the area mixins: each RPC translates, then calls one service of `_deps` (ProjectsServicer sets
    it)."""

    _deps: Deps
