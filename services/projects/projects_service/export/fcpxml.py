"""FCPXML 1.9 through the OpenTimelineIO FCP X adapter (otio-fcpx-xml-adapter).

The adapter walks the timeline, registers one asset per distinct file and builds the spine and its lanes. This
writer adjusts what the adapter leaves to an older dialect so Final Cut Pro and Resolve import the result:
version 1.9 inside library/event, a defined format with the frame size, spine clips as `asset-clip`, holes as
`gap`, and every time an exact rational on the frame grid (the adapter rounds through floats and integer
rates, which drifts at NTSC rates).
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import opentimelineio as otio
from otio_fcpx_xml_adapter.fcpx_xml import FcpxOtio

from projects_service.export.plan import ExportPlan
from projects_service.export.rates import FrameRate

FCPXML_VERSION = "1.9"


class _Writer(FcpxOtio):
    def __init__(self, timeline: otio.schema.Timeline, rate: FrameRate, width: int, height: int):
        super().__init__(timeline)
        self._rate, self._width, self._height = rate, width, height
        self._spine_items: list[tuple[int, int, ElementTree.Element]] = []  # (start, end, element) of lane 0
        self.fcpx_xml.set("version", FCPXML_VERSION)
        library = ElementTree.SubElement(self.fcpx_xml, "library")
        self.event_resource = ElementTree.SubElement(library, "event", {"name": timeline.name})

    # --- times: frame counts at the export rate, written as exact rationals ---

    def _calculate_rational_number(self, duration: float, rate: float) -> str:  # type: ignore[override]
        return self._rate.rational(round(duration))

    def _time(self, rational_time: otio.opentime.RationalTime) -> str:
        return self._rate.rational(round(rational_time.value))

    # --- resources ---

    def _find_or_create_format_from(self, clip: Any) -> ElementTree.Element:
        found = self.resource_element.find("./format")
        if found is not None:
            return found
        return ElementTree.SubElement(self.resource_element, "format", {
            "id": self._resource_id_generator(), "frameDuration": self._rate.rational(1),
            "width": str(self._width), "height": str(self._height),
        })

    def _create_asset_clip_element(self, clip: Any, format_element: Any, resource_id: str) -> None:
        """No event browser clips: the project's sequence is the whole export."""

    def _asset_by_path(self, path: str) -> ElementTree.Element | None:
        # The adapter builds an XPath from the URL, which breaks on quotes; compare attributes instead.
        return next((a for a in self.resource_element.findall("./asset") if a.get("src") == path), None)

    def _asset_clip_by_name(self, name: str) -> None:
        return None

    # --- sequence, spine and lanes ---

    def _stack_to_sequence(self, stack: Any, compound_clip: bool = False) -> ElementTree.Element:
        sequence = super()._stack_to_sequence(stack, compound_clip)
        sequence.set("tcStart", "0s")
        sequence.set("tcFormat", "NDF")
        return sequence

    def _element_for_clip(self, item: Any, asset_id: str, duration: str, lane: int) -> ElementTree.Element:
        element = ElementTree.Element("asset-clip", {
            "ref": asset_id, "name": item.name,
            "offset": self._time(item.trimmed_range_in_parent().start_time),
            "start": "0s", "duration": duration,
        })
        if item.parent().kind == otio.schema.TrackKind.Audio:
            element.set("audioRole", "music")
        return element

    def _element_for_gap(self, item: Any, duration: str) -> ElementTree.Element:
        return ElementTree.Element("gap", {
            "name": "Gap", "offset": self._time(item.trimmed_range_in_parent().start_time), "start": "0s",
            "duration": duration,
        })

    def _track_for_spine(self, track: Any, lane_id: int, spine: Any, compound: bool) -> list[Any]:
        """Lane 0 items go in the spine; other lanes attach to the spine item under their start, with an
        offset in that item's local time (its own start is 0s)."""
        for child in track:
            if not isinstance(child, otio.schema.Clip | otio.schema.Gap):
                continue
            element = self._element_for_item(child, lane_id, compound=compound)
            start = round(track.trimmed_range_of_child(child).start_time.value)
            if not lane_id:
                self._spine_items.append((start, start + round(child.duration().value), element))
                spine.append(element)
            elif isinstance(child, otio.schema.Clip):
                parent_start, parent = self._spine_item_at(start)
                element.set("offset", self._rate.rational(start - parent_start))
                parent.append(element)
        return []

    def _spine_item_at(self, frame: int) -> tuple[int, ElementTree.Element]:
        for start, end, element in self._spine_items:
            if start <= frame < end:
                return start, element
        start, _, element = self._spine_items[-1]  # never past the end: track 1 is padded to the sequence end
        return start, element


def write_fcpxml(plan: ExportPlan, timeline: otio.schema.Timeline, width: int, height: int) -> str:
    # A stable project uid lets Final Cut Pro recognise a re-import of the same project.
    timeline.metadata["fcpx"] = {"uid": plan.project_id.upper()}
    return _Writer(timeline, plan.rate, width, height).to_xml()
