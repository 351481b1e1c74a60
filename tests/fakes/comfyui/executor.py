"""The queue worker: runs one prompt at a time and emits ComfyUI's event sequence.

Per run (protocol doc 4.3): execution_start, execution_cached, then per node progress_state(running),
executing, [progress...], [executed], progress_state(finished); then execution_success, or
execution_error / execution_interrupted. The history entry is written next, then `status`, then
`executing {"node": null}`, the last message of every run.
"""

from __future__ import annotations

import asyncio
import traceback
import uuid
from dataclasses import dataclass, field

from .cache import CacheEntry, OutputCache, node_signatures
from .catalog import NodeDef, v3_combo_failure
from .files import FileStore
from .models import ServerEnvironment
from .node_runner import InjectedFault, Interrupted, NodeRunContext, invoke_node
from .nodes import NODE_DEFS
from .ordering import DependencyCycleError, ExecutionOrder
from .run import Run
from .scenario import Scenario
from .state import PromptQueue, QueueItem
from .validation import full_type_name
from .ws import SocketHub

INJECTED_TRACEBACK = [
    '  File "/ComfyUI/execution.py", line 496, in execute\n'
    "    output_data, output_ui, has_subgraph, has_pending_tasks = await get_output_data(prompt_id, ...)\n",
    '  File "/ComfyUI/execution.py", line 315, in get_output_data\n'
    "    return_values = await _async_map_node_over_list(prompt_id, unique_id, obj, input_data_all, ...)\n",
]


@dataclass
class Failure:
    node_id: str
    interrupted: bool = False
    exception_type: str = ""
    exception_message: str = ""
    traceback: list[str] = field(default_factory=list)
    current_inputs: dict = field(default_factory=dict)


def format_value(value: object) -> object:
    """execution.format_value: scalars as they are, anything else as str()."""
    return value if value is None or isinstance(value, int | float | bool | str) else str(value)


class PromptExecutor:
    def __init__(
        self, queue: PromptQueue, hub: SocketHub, scenario: Scenario, files: FileStore, env: ServerEnvironment
    ) -> None:
        self.queue = queue
        self.hub = hub
        self.scenario = scenario
        self.files = files
        self.env = env
        self.cache = OutputCache()
        self.interrupt_requested = False
        self.client_id: str | None = None  # the submitter of the latest run (server.client_id)
        self.last_node_id: str | None = None

    # --- interrupts -------------------------------------------------------------------------------

    def interrupt(self, prompt_id: str | None = None) -> None:
        """POST /interrupt: a targeted one only hits the running prompt; a global one hits whatever runs."""
        if prompt_id and not self.queue.is_running(prompt_id):
            return
        self.interrupt_requested = True

    def check_interrupt(self) -> None:
        if self.interrupt_requested:
            self.interrupt_requested = False
            raise Interrupted()

    # --- the worker -------------------------------------------------------------------------------

    async def serve_queue(self) -> None:
        while True:
            item_id, item = await self.queue.get()
            run = await self.execute(item)
            if self.scenario.history_delay > 0:
                await asyncio.sleep(self.scenario.history_delay)  # "late history": widens the race window
            self.queue.task_done(item_id, run.history_outputs(), run.history_meta(), run.history_status())
            if self.client_id is not None:
                self.hub.send("executing", {"node": None, "prompt_id": item.prompt_id}, self.client_id)

    async def execute(self, item: QueueItem) -> Run:
        self.interrupt_requested = False  # a stale interrupt never reaches the next prompt
        self.client_id = item.client_id
        run = Run(item, self.hub)
        run.add_message("execution_start", {"prompt_id": run.prompt_id})
        keys = node_signatures(run.prompt, lambda node_id: self._change_token(run.prompt, node_id))
        self.cache.keep_only(set(keys.values()))
        cached = [node_id for node_id in run.prompt if self.cache.get(keys[node_id]) is not None]
        run.add_message("execution_cached", {"nodes": cached, "prompt_id": run.prompt_id})
        order = ExecutionOrder(
            run.prompt,
            is_output=lambda node_id: self._node_def(run.prompt, node_id).output_node,
            is_cached=lambda node_id: self.cache.get(keys[node_id]) is not None,
        )
        for output_id in item.outputs_to_execute:
            order.add_node(output_id)
        failure = None
        while not order.is_empty():
            try:
                node_id = order.next_node()
            except DependencyCycleError as cycle:
                failure = Failure(
                    cycle.node_id,
                    exception_type="graph.DependencyCycleError",
                    exception_message="Dependency cycle detected",
                )
                break
            failure = await self._execute_node(run, node_id, keys)
            if failure is not None:
                break
            order.complete(node_id)
        if failure is None:
            run.succeeded = True
            run.add_message("execution_success", {"prompt_id": run.prompt_id})
        else:
            self._report_failure(run, failure)
        self.last_node_id = None
        return run

    # --- one node ---------------------------------------------------------------------------------

    async def _execute_node(self, run: Run, node_id: str, keys: dict[str, str]) -> Failure | None:
        node = run.prompt[node_id]
        node_def = self._node_def(run.prompt, node_id)
        cached = self.cache.get(keys[node_id])
        if cached is not None:
            # An output node taken from cache reports its old result: no `executing`, no new file.
            if run.client_id is not None:
                output = cached.ui["output"] if cached.ui else None
                self.hub.send(
                    "executed",
                    {"node": node_id, "display_node": node_id, "output": output, "prompt_id": run.prompt_id},
                    run.client_id,
                )
            if cached.ui is not None:
                run.ui[node_id] = cached.ui
            run.progress.finish(node_id)
            return None

        run.progress.start(node_id)
        inputs = self._gather_inputs(node, node_def, keys)
        if run.client_id is not None:
            self.last_node_id = node_id
            self.hub.send(
                "executing",
                {"node": node_id, "display_node": node_id, "prompt_id": run.prompt_id},
                run.client_id,
            )
        fault = self.scenario.take_node_fault(node_id, node_def.name)
        latency = self.scenario.latency_for(node_id, node_def.name)
        ctx = NodeRunContext(run, node_id, self.files, latency, fault, self.check_interrupt)
        try:
            combo_failure = v3_combo_failure(node_def, self.env, inputs)
            if combo_failure is not None:
                raise combo_failure
            result = await invoke_node(node_def, inputs, ctx, self.scenario)
        except Interrupted:
            return Failure(node_id, interrupted=True)
        except InjectedFault as injected:
            tip = injected.fault.tip
            return Failure(
                node_id,
                exception_type=injected.fault.exception_type,
                exception_message=f"{injected.fault.message}\n{tip}",
                traceback=INJECTED_TRACEBACK,
                current_inputs=self._format_inputs(run, node_def, inputs),
            )
        except Exception as ex:  # noqa: BLE001 - any node exception becomes execution_error
            return Failure(
                node_id,
                exception_type=full_type_name(type(ex)),
                exception_message=f"{ex}\n",
                traceback=traceback.format_tb(ex.__traceback__),
                current_inputs=self._format_inputs(run, node_def, inputs),
            )

        ui = None
        if result.ui:
            meta = {"node_id": node_id, "display_node": node_id, "parent_node": None, "real_node_id": node_id}
            ui = {"meta": meta, "output": result.ui}
            run.ui[node_id] = ui
            if run.client_id is not None:
                self.hub.send(
                    "executed",
                    {
                        "node": node_id,
                        "display_node": node_id,
                        "output": result.ui,
                        "prompt_id": run.prompt_id,
                    },
                    run.client_id,
                )
        self.cache.set(keys[node_id], CacheEntry(result.outputs, ui))
        run.progress.finish(node_id)
        run.executed.append(node_id)
        return None

    def _report_failure(self, run: Run, failure: Failure) -> None:
        data = {
            "prompt_id": run.prompt_id,
            "node_id": failure.node_id,
            "node_type": run.prompt[failure.node_id]["class_type"],
            # The real server keeps these in sets: their order varies from process to process.
            "executed": list(set(run.executed)),
        }
        if failure.interrupted:
            run.add_message("execution_interrupted", data, broadcast=True)
            return
        data.update(
            exception_message=failure.exception_message,
            exception_type=failure.exception_type,
            traceback=failure.traceback,
            current_inputs=failure.current_inputs,
            current_outputs=list(set(run.prompt)),
        )
        run.add_message("execution_error", data)

    # --- helpers ----------------------------------------------------------------------------------

    @staticmethod
    def _node_def(prompt: dict, node_id: str) -> NodeDef:
        return NODE_DEFS[prompt[node_id]["class_type"]]

    def _change_token(self, prompt: dict, node_id: str) -> object:
        node_def = self._node_def(prompt, node_id)
        if self.scenario.has_fault_for(node_id, node_def.name):
            return uuid.uuid4().hex  # a node set to fail must run, not come from cache
        if node_def.is_changed is None:
            return None
        return node_def.is_changed(self.env, prompt[node_id].get("inputs") or {})

    def _gather_inputs(self, node: dict, node_def: NodeDef, keys: dict[str, str]) -> dict:
        values = {}
        for name in (*node_def.required, *node_def.optional):
            if name not in node["inputs"]:
                continue
            value = node["inputs"][name]
            if isinstance(value, list):
                value = self.cache.get(keys[value[0]]).outputs[value[1]]
            values[name] = value
        return values

    @staticmethod
    def _format_inputs(run: Run, node_def: NodeDef, inputs: dict) -> dict:
        formatted = {name: [format_value(value)] for name, value in inputs.items()}
        hidden_values = {"PROMPT": run.prompt, "EXTRA_PNGINFO": run.item.extra_data.get("extra_pnginfo")}
        for name, kind in node_def.hidden.items():
            formatted[name] = [format_value(hidden_values.get(kind))]
        return formatted
