"""Routes that drive execution: /prompt, /queue, /history, /interrupt, /free."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .core import FakeCore
from .responses import empty, json_response, server_trouble, trouble_on_exception
from .state import QueueItem
from .validation import MalformedPrompt, validate_prompt

SENSITIVE_EXTRA_DATA_KEYS = ("auth_token_comfy_org", "api_key_comfy_org")
NO_PROMPT = {
    "type": "no_prompt",
    "message": "No prompt provided",
    "details": "No prompt provided",
    "extra_info": {},
}


async def read_json(request: Request) -> Any:
    """Raises on a body that is not JSON; the route decorator turns that into the server's 500."""
    return json.loads(await request.body())


def clear_or_delete(data: Any, clear: Callable[[], None], delete: Callable[[str], object]) -> None:
    """The body POST /queue and POST /history share: `{"clear": true}` and/or `{"delete": [prompt_id, ...]}`;
    any other JSON is ignored."""
    if isinstance(data, dict):
        if data.get("clear"):
            clear()
        for prompt_id in data.get("delete", []):
            delete(prompt_id)


def prompt_routes(core: FakeCore) -> list[Route]:
    @trouble_on_exception
    async def post_prompt(request: Request) -> Response:
        data = await read_json(request)
        if not isinstance(data, dict):
            if not isinstance(data, list | str):
                return server_trouble()
            core.queue.take_number(front=False)
            return json_response({"error": NO_PROMPT, "node_errors": {}}, 400)
        if "number" in data:
            number: int | float = float(data["number"])
        else:
            number = core.queue.take_number(front=bool(data.get("front")))
        if "prompt" not in data:
            return json_response({"error": NO_PROMPT, "node_errors": {}}, 400)
        prompt = data["prompt"]
        prompt_id = str(data.get("prompt_id", uuid.uuid4()))
        rejection = core.scenario.take_rejection()
        if rejection is not None:
            return json_response(
                {"error": rejection.error, "node_errors": rejection.node_errors}, rejection.status
            )
        try:
            validation = validate_prompt(
                prompt, data.get("partial_execution_targets"), core.available_nodes(), core.env
            )
        except MalformedPrompt:
            return server_trouble()
        extra_data = dict(data.get("extra_data") or {})
        if "client_id" in data:
            extra_data["client_id"] = data["client_id"]
        if not validation.ok:
            return json_response({"error": validation.error, "node_errors": validation.node_errors}, 400)
        sensitive = {key: extra_data.pop(key) for key in SENSITIVE_EXTRA_DATA_KEYS if key in extra_data}
        core.queue.put(QueueItem(number, prompt_id, prompt, extra_data, validation.outputs, sensitive))
        return json_response(
            {"prompt_id": prompt_id, "number": number, "node_errors": validation.node_errors}
        )

    async def get_prompt(request: Request) -> Response:
        return json_response(core.queue_info())

    async def get_queue(request: Request) -> Response:
        return json_response(core.queue.snapshot())

    @trouble_on_exception
    async def post_queue(request: Request) -> Response:
        clear_or_delete(await read_json(request), core.queue.wipe, core.queue.delete)
        return empty()

    @trouble_on_exception
    async def get_history(request: Request) -> Response:
        max_items = request.query_params.get("max_items")
        offset = request.query_params.get("offset")
        page = core.queue.history_page(
            int(max_items) if max_items is not None else None, int(offset) if offset is not None else -1
        )
        return json_response(page)

    async def get_history_entry(request: Request) -> Response:
        return json_response(core.queue.history_entry(request.path_params["prompt_id"]))

    @trouble_on_exception
    async def post_history(request: Request) -> Response:
        clear_or_delete(await read_json(request), core.queue.wipe_history, core.queue.delete_history)
        return empty()

    async def post_interrupt(request: Request) -> Response:
        try:
            data = json.loads(await request.body())
        except ValueError:
            data = {}
        prompt_id = data.get("prompt_id") if isinstance(data, dict) else None
        core.executor.interrupt(prompt_id)
        return empty()

    @trouble_on_exception
    async def post_free(request: Request) -> Response:
        await read_json(request)  # nothing is loaded, so there is nothing to free
        return empty()

    return [
        Route("/prompt", post_prompt, methods=["POST"]),
        Route("/prompt", get_prompt, methods=["GET"]),
        Route("/queue", get_queue, methods=["GET"]),
        Route("/queue", post_queue, methods=["POST"]),
        Route("/history", get_history, methods=["GET"]),
        Route("/history", post_history, methods=["POST"]),
        Route("/history/{prompt_id}", get_history_entry, methods=["GET"]),
        Route("/interrupt", post_interrupt, methods=["POST"]),
        Route("/free", post_free, methods=["POST"]),
    ]
