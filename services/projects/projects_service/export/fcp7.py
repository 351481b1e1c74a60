"""FCP7 XML (xmeml version 4) for Premiere Pro and DaVinci Resolve, through the OpenTimelineIO FCP 7 adapter
(otio-fcp-adapter).

The adapter writes the sequence, one track per timeline track, clipitems with start/end/in/out, and each file
once (later uses refer to its id). It leaves the sequence format empty, so the frame size is added to it here,
and it writes each clipitem's rate twice, so the copy is dropped.
"""

from __future__ import annotations

from xml.etree import ElementTree

import opentimelineio as otio

from projects_service.export.plan import ExportPlan


def _sample_characteristics(plan: ExportPlan, width: int, height: int) -> ElementTree.Element:
    characteristics = ElementTree.Element("samplecharacteristics")
    rate = ElementTree.SubElement(characteristics, "rate")
    ElementTree.SubElement(rate, "timebase").text = str(plan.rate.nominal)
    ElementTree.SubElement(rate, "ntsc").text = "TRUE" if plan.rate.is_ntsc else "FALSE"
    ElementTree.SubElement(characteristics, "width").text = str(width)
    ElementTree.SubElement(characteristics, "height").text = str(height)
    ElementTree.SubElement(characteristics, "pixelaspectratio").text = "square"
    return characteristics


def write_fcp7(plan: ExportPlan, timeline: otio.schema.Timeline, width: int, height: int) -> str:
    written = otio.adapters.write_to_string(timeline, "fcp_xml")
    root = ElementTree.fromstring(written)
    for video_format in root.iterfind("./project/children/sequence/media/video/format"):
        video_format.append(_sample_characteristics(plan, width, height))
    for clipitem in root.iter("clipitem"):
        for extra_rate in clipitem.findall("rate")[1:]:
            clipitem.remove(extra_rate)
    ElementTree.indent(root, space="  ")
    body = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>\n{body}\n'
