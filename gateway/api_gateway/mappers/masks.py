"""Field masks of REST updates: the fields a partial update sets, and the full replace of a PUT."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from google.protobuf.field_mask_pb2 import FieldMask

from api_gateway.errors import no_fields_to_update

# A PUT that replaces every writable field (the service keeps output-only and immutable ones).
FULL_REPLACE = FieldMask(paths=["*"])


def set_fields(values: Mapping[str, object]) -> dict[str, object]:
    """The fields a partial update sets: absent and null leave a field unchanged; setting none is a 400."""
    given = {k: v for k, v in values.items() if v is not None}
    if not given:
        raise no_fields_to_update()
    return given


def mask_of(fields: Iterable[str]) -> FieldMask:
    """The update mask naming exactly `fields`."""
    return FieldMask(paths=sorted(fields))
