"""ExportService: checks the options, loads the project's timeline and renders one file."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from storyboard_common.errors import FailedPreconditionError
from storyboard_common.timestamps import Clock

from projects_service.domain import Timeline
from projects_service.export.edl import write_edl
from projects_service.export.fcp7 import write_fcp7
from projects_service.export.fcpxml import write_fcpxml
from projects_service.export.json_document import write_json
from projects_service.export.otio_timeline import build_timeline
from projects_service.export.plan import AUTO, MEDIA_SELECTIONS, build_plan
from projects_service.export.rates import invalid_parameter, parse_fps

FCPXML, EDL, FCP7, JSON = "fcpxml", "edl", "fcp7", "json"
FORMATS = (FCPXML, EDL, FCP7, JSON)
DEFAULT_WIDTH, DEFAULT_HEIGHT, MAX_SIZE = 1920, 1080, 8192
XML_TYPE = "application/xml; charset=utf-8"
# The file travels in one gRPC message; callers' channels accept 8 MiB (storyboard_common.rpc.channels).
MAX_EXPORT_BYTES = 7 * 1024 * 1024


@dataclass(frozen=True)
class ExportOptions:
    format: str
    fps: str = ""
    media: str = AUTO
    width: int = 0
    height: int = 0
    start_tc: str = ""
    base_url: str = ""


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str


def _size(name: str, value: int, default: int) -> int:
    if value == 0:
        return default
    if not 1 <= value <= MAX_SIZE:
        raise invalid_parameter(f"{name} must be between 1 and {MAX_SIZE}", field=name)
    return value


def _check(options: ExportOptions) -> None:
    if options.format not in FORMATS:
        raise invalid_parameter("format must be one of fcpxml, edl, resolve (fcp7), json", field="format")
    if (options.media or AUTO) not in MEDIA_SELECTIONS:
        raise invalid_parameter("media must be one of auto, video, image", field="media")
    if options.base_url and not options.base_url.startswith(("http://", "https://")):
        raise invalid_parameter("base_url must be an absolute http(s) URL", field="base_url")


class ExportService:
    def __init__(self, load_timeline: Callable[[str], Awaitable[Timeline]], clock: Clock):
        self._load_timeline = load_timeline
        self._clock = clock

    async def export(self, project_id: str, options: ExportOptions) -> ExportFile:
        _check(options)
        rate = parse_fps(options.fps)
        width = _size("width", options.width, DEFAULT_WIDTH)
        height = _size("height", options.height, DEFAULT_HEIGHT)
        start_frame = rate.parse_timecode(options.start_tc or "00:00:00:00")
        timeline = await self._load_timeline(project_id)  # NOT_FOUND (Project) when missing
        selection, base_url = options.media or AUTO, options.base_url
        plan = build_plan(timeline, rate, selection, base_url)
        exported_at = self._clock()

        def render() -> ExportFile:  # CPU only, on immutable data: off the event loop
            if options.format == EDL:
                return ExportFile(write_edl(plan, start_frame).encode(), "text/plain; charset=utf-8",
                                  f"project_{project_id}.edl")
            if options.format == FCPXML:
                otio_timeline = build_timeline(plan, float(rate.rate), pad_first_track=True)
                return ExportFile(write_fcpxml(plan, otio_timeline, width, height).encode(), XML_TYPE,
                                  f"project_{project_id}.fcpxml")
            otio_timeline = build_timeline(plan, float(rate.rate))
            if options.format == FCP7:
                return ExportFile(write_fcp7(plan, otio_timeline, width, height).encode(), XML_TYPE,
                                  f"project_{project_id}_resolve.xml")
            document = write_json(timeline, rate, selection, base_url, exported_at, otio_timeline)
            return ExportFile(document.encode(), "application/json", f"project_{project_id}.json")

        exported = await asyncio.to_thread(render)
        if len(exported.content) > MAX_EXPORT_BYTES:
            raise FailedPreconditionError(
                f"The {options.format} export is {len(exported.content) // 1024} KiB, over the "
                f"{MAX_EXPORT_BYTES // 1024} KiB limit of one response", reason="EXPORT_TOO_LARGE",
                metadata={"size_bytes": str(len(exported.content)), "limit_bytes": str(MAX_EXPORT_BYTES)})
        return exported
