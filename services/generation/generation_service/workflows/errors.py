"""The errors the workflow library raises; each names what is wrong so the caller can answer 4xx."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One client mistake: the offending `key` (a params key or request field) and why.

    `status` is the REST status the contract gives it: 422 for a value out of range or of the wrong type, 400
    for a request that is well formed but not possible (an unknown provider, too many LoRAs, a sampler the server
    does not offer).
    """

    key: str
    message: str
    status: int = 422

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


class WorkflowError(ValueError):
    """Raised with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    @property
    def status(self) -> int:
        """422 when any problem is a validation error, else 400."""
        return 422 if any(p.status == 422 for p in self.problems) else 400
