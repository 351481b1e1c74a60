"""Frame rates, frame snapping and non-drop timecode for exports (REST contract 3.8)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from storyboard_common.errors import InvalidArgumentError

# The accepted labels and their exact rates; the NTSC rates are the 1001 rationals.
RATES = {
    "23.976": Fraction(24000, 1001), "24": Fraction(24), "25": Fraction(25), "29.97": Fraction(30000, 1001),
    "30": Fraction(30), "50": Fraction(50), "59.94": Fraction(60000, 1001), "60": Fraction(60),
}
DEFAULT_FPS = "24"
_TIMECODE = re.compile(r"^(\d{2}):(\d{2}):(\d{2}):(\d{2})$")


def exact(seconds: float | Fraction) -> Fraction:
    """A stored time (2 dp seconds) as the exact decimal it stands for."""
    return seconds if isinstance(seconds, Fraction) else Fraction(str(seconds))


def invalid_parameter(message: str, **metadata: str) -> InvalidArgumentError:
    return InvalidArgumentError(message, reason="INVALID_PARAMETER", metadata=metadata)


@dataclass(frozen=True)
class FrameRate:
    label: str
    rate: Fraction

    @property
    def nominal(self) -> int:
        """The timecode base: 24, 25, 30, 50 or 60."""
        return math.ceil(self.rate)

    @property
    def is_ntsc(self) -> bool:
        return self.rate.denominator != 1

    @property
    def frame_duration(self) -> Fraction:
        return 1 / self.rate

    def frames(self, seconds: float | Fraction) -> int:
        """round(seconds x rate), computed on the decimal value so 4.55 s is exactly 4.55 s."""
        return math.floor(exact(seconds) * self.rate + Fraction(1, 2))

    def seconds(self, frames: int) -> Fraction:
        return frames / self.rate

    def rational(self, frames: int) -> str:
        """A time on the frame grid as FCPXML writes it: "180/24s", "1001/30000s", or "0s"."""
        if frames == 0:
            return "0s"
        step = self.frame_duration
        return f"{frames * step.numerator}/{step.denominator}s"

    def timecode(self, frames: int) -> str:
        """Non-drop HH:MM:SS:FF on the nominal base."""
        seconds, ff = divmod(frames, self.nominal)
        minutes, ss = divmod(seconds, 60)
        hh, mm = divmod(minutes, 60)
        return f"{hh:02d}:{mm:02d}:{ss:02d}:{ff:02d}"

    def parse_timecode(self, text: str) -> int:
        match = _TIMECODE.match(text)
        if not match:
            raise invalid_parameter("start_tc must be a non-drop timecode HH:MM:SS:FF", field="start_tc")
        hh, mm, ss, ff = (int(g) for g in match.groups())
        if mm >= 60 or ss >= 60 or ff >= self.nominal:
            raise invalid_parameter("start_tc is out of range for the frame rate", field="start_tc")
        return ((hh * 60 + mm) * 60 + ss) * self.nominal + ff


def parse_fps(text: str) -> FrameRate:
    """One of the accepted rates, compared as numbers ("24.0" is 24); empty means 24."""
    text = (text or DEFAULT_FPS).strip()
    try:
        value = Decimal(text)
        for label, rate in RATES.items():
            if value.is_finite() and value == Decimal(label):
                return FrameRate(label, rate)
    except InvalidOperation:
        pass
    raise invalid_parameter(f"fps must be one of {', '.join(RATES)}", field="fps")
