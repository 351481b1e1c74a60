"""Running one node: interrupt check, simulated latency and progress, injected faults, the node's work.

Timing follows the real server: the interrupt flag is checked right before a node's function runs (after
its `executing` went out) and at every progress step; a node computing without steps is not cut short.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PIL import Image

from . import media
from .catalog import NodeDef, NodeResult
from .files import FileStore
from .run import Run
from .scenario import NodeFault, Scenario

PREVIEW_STAND_IN = Image.new("RGB", (64, 64), (96, 96, 96))


class Interrupted(Exception):
    """comfy.model_management.InterruptProcessingException."""


class InjectedFault(Exception):
    def __init__(self, fault: NodeFault) -> None:
        super().__init__(fault.message)
        self.fault = fault


class NodeRunContext:
    """The `ctx` a node's `run` receives (see catalog.NodeContext)."""

    def __init__(
        self,
        run: Run,
        node_id: str,
        files: FileStore,
        latency: float,
        fault: NodeFault | None,
        check_interrupt: Callable[[], None],
    ) -> None:
        self.run = run
        self.node_id = node_id
        self.prompt = run.prompt
        self.extra_data = run.item.extra_data
        self.files = files
        self.latency = latency
        self.fault = fault
        self.fault_fired = False
        self.check_interrupt = check_interrupt
        self._steps_done = 0

    async def compute(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.to_thread(fn, *args)

    async def step(self, value: int, total: int, preview: tuple[str, Image.Image] | None = None) -> None:
        """The ProgressBar hook: the step's share of latency, interrupt check, progress_state, progress."""
        if self.latency > 0:
            await asyncio.sleep(self.latency / max(total, 1))
        self.check_interrupt()
        run, hub = self.run, self.run.hub
        run.progress.update(self.node_id, value, total)
        with_metadata = preview is not None and hub.supports_preview_metadata(run.client_id)
        if preview is not None and with_metadata:
            hub.send_preview(preview[0], self._encode(preview), self._preview_metadata(), run.client_id)
        hub.send(
            "progress",
            {"value": value, "max": total, "prompt_id": run.prompt_id, "node": self.node_id},
            run.client_id,
        )
        if preview is not None and not with_metadata:
            hub.send_preview(preview[0], self._encode(preview), None, run.client_id)
        if self.fault is not None and self.fault.at_step == self._steps_done:
            self.fault_fired = True
            raise InjectedFault(self.fault)
        self._steps_done += 1

    def _preview_metadata(self) -> dict:
        return {
            "node_id": self.node_id,
            "prompt_id": self.run.prompt_id,
            "display_node_id": self.node_id,
            "parent_node_id": None,
            "real_node_id": self.node_id,
        }

    @staticmethod
    def _encode(preview: tuple[str, Image.Image]) -> bytes:
        image_type, image = preview
        return (
            media.jpeg_bytes(image, 95) if image_type == "JPEG" else media.png_bytes(image, compress_level=1)
        )


async def invoke_node(node_def: NodeDef, inputs: dict, ctx: NodeRunContext, scenario: Scenario) -> NodeResult:
    ctx.check_interrupt()  # before_node_execution()
    steps = 0 if node_def.native_progress else scenario.progress_steps_for(ctx.node_id, node_def.name)
    if steps:
        preview = ("JPEG", PREVIEW_STAND_IN) if scenario.progress_previews else None
        for step in range(steps):
            await ctx.step(step, steps, preview)
    elif not node_def.native_progress:
        await asyncio.sleep(ctx.latency)
    if ctx.fault is not None and ctx.fault.at_step is None:
        raise InjectedFault(ctx.fault)
    result = await node_def.run(ctx, **inputs)
    if ctx.fault is not None and not ctx.fault_fired:
        raise InjectedFault(ctx.fault)  # at_step beyond the node's steps: fail at the end
    return result
