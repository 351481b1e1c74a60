"""Job states and the transitions cascades may apply (pure)."""

from __future__ import annotations

QUEUED, DISPATCHED, RUNNING, CANCELING = "queued", "dispatched", "running", "canceling"
SUCCEEDED, FAILED, CANCELLED = "succeeded", "failed", "cancelled"
IN_FLIGHT = (DISPATCHED, RUNNING, CANCELING)
TERMINAL = (SUCCEEDED, FAILED, CANCELLED)


def cancel_changes(state: str, now: float) -> dict[str, object] | None:
    """A queued job is cancelled at once; an in-flight one is marked for its worker to cancel; else nothing."""
    if state == QUEUED:
        return {"state": CANCELLED, "cancel_requested": True, "completed_at": now, "updated_at": now}
    if state in (DISPATCHED, RUNNING):
        return {"state": CANCELING, "cancel_requested": True, "updated_at": now}
    return None
