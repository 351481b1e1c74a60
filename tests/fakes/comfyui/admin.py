"""Admin routes under `/_fake/` for driving a fake in another process (e2e tests, bench).

POST /_fake/scenario   {"<control>": {kwargs}, ...}  calls FakeComfyUI.<control>(**kwargs) in order and
                       answers {"results": {...}}. Controls that stop listening (crash, go_offline
                       "refuse", restart with down_for) are "scheduled": they run once the answer is out.
GET  /_fake/state      offline mode, queue size, connected clientIds, models, scenario.
GET  /_fake/requests   recorded requests (DELETE clears them).
GET  /_fake/events     emitted WebSocket events (?type=executing to filter).
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import json
from typing import Any

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .core import FakeCore
from .responses import json_response

CONTROLS = {
    "set_latency",
    "set_progress",
    "inject_error",
    "clear_errors",
    "reject_next_prompt",
    "set_models",
    "add_models",
    "remove_models",
    "set_model_metadata",
    "remove_node_classes",
    "restore_node_classes",
    "set_system_stats",
    "set_history_delay",
    "add_http_fault",
    "clear_http_faults",
    "stall_websockets",
    "refuse_websockets",
    "drop_websockets",
    "clear_requests",
    "crash",
    "restart",
    "go_offline",
    "go_online",
}


def cuts_own_connection(name: str, kwargs: dict) -> bool:
    """Controls that stop listening would cut the admin request too: they run once the answer is out."""
    return (
        name == "crash"
        or (name == "go_offline" and kwargs.get("mode", "refuse") == "refuse")
        or (name == "restart" and bool(kwargs.get("down_for")))
    )


def _jsonable(value: Any) -> Any:
    return json.loads(
        json.dumps(
            value,
            default=lambda v: (
                dataclasses.asdict(v)
                if dataclasses.is_dataclass(v)
                else sorted(v)
                if isinstance(v, set)
                else str(v)
            ),
        )
    )


def admin_routes(core: FakeCore, controls: Any) -> list[Route]:
    background: set[asyncio.Task] = set()

    def run_later(calls: list[tuple[str, dict]]) -> None:
        async def run_in_order() -> None:
            for name, kwargs in calls:
                await getattr(controls, name)(**kwargs)

        task = asyncio.create_task(run_in_order())
        background.add(task)
        task.add_done_callback(background.discard)

    async def scenario(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except ValueError:
            return json_response({"error": "body must be JSON"}, 400)
        if not isinstance(body, dict):
            return json_response({"error": "body must be an object of {control: kwargs}"}, 400)
        results: dict[str, Any] = {}
        deferred: list[tuple[str, dict]] = []
        for name, kwargs in body.items():
            kwargs = dict(kwargs or {})
            if name not in CONTROLS:
                return json_response({"error": f"unknown control {name!r}"}, 400)
            if cuts_own_connection(name, kwargs):
                deferred.append((name, kwargs))
                results[name] = "scheduled"
                continue
            if name == "restart" and request.client:
                kwargs["spare_peer"] = (request.client.host, request.client.port)
            try:
                result = getattr(controls, name)(**kwargs)
                if inspect.isawaitable(result):
                    result = await result
            except (TypeError, ValueError) as ex:
                return json_response({"error": f"{name}: {ex}"}, 400)
            results[name] = _jsonable(result)
        task = BackgroundTask(run_later, deferred) if deferred else None
        response = json_response({"results": results})
        response.background = task
        return response

    async def state(request: Request) -> Response:
        return json_response(_jsonable(controls.state()))

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            core.requests.clear()
            return json_response({"cleared": True})
        return json_response([r.as_dict() for r in core.requests])

    async def events(request: Request) -> Response:
        wanted = request.query_params.get("type")
        return json_response(
            _jsonable(
                [
                    {"type": e.type, "data": e.data, "sid": e.sid}
                    for e in core.events.entries
                    if wanted in (None, e.type)
                ]
            )
        )

    return [
        Route("/scenario", scenario, methods=["POST"]),
        Route("/state", state, methods=["GET"]),
        Route("/requests", requests, methods=["GET", "DELETE"]),
        Route("/events", events, methods=["GET"]),
    ]
