"""Model types and presets (REST contract 1.2 and 3.6). A preset is flat: the fixed keys plus extras."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

PresetName = Literal["fast", "quality"]
Preset = dict[str, Any]


class ModelTypeSummary(BaseModel):
    presets: list[str]
    display_name: str
    generation_types: list[str]


class ModelTypesPublic(BaseModel):
    supported_models: dict[str, ModelTypeSummary]


class ModelDefaultsPublic(BaseModel):
    model_name: str
    detected_type: str
    defaults: Preset


class PresetPair(BaseModel):
    fast: Preset
    quality: Preset


class ModelPresetsPublic(BaseModel):
    model_name: str
    model_type: str
    presets: PresetPair


class ModelParametersPublic(BaseModel):
    model_name: str
    model_type: str
    preset: PresetName
    parameters: Preset
