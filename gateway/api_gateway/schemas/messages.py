from __future__ import annotations

from pydantic import BaseModel


class MessagePublic(BaseModel):
    """A bare confirmation, e.g. {"message": "Character deleted successfully"}."""

    message: str
