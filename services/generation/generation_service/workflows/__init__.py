"""Workflow templates as data (REST contract 1.13, 3.6; protocol section 2): pure, no I/O, no gRPC.

The engine resolves a job's inputs (`resolve_input`), compiles them (`compile_workflow`), checks the target server
(`missing_requirements`), uploads `CompiledWorkflow.uploads`, then submits `CompiledWorkflow.graph`.
"""

from .compiler import CUSTOM_TEMPLATE_ID, CompiledWorkflow, Upload, compile_workflow, select_template
from .errors import Problem, WorkflowError
from .inputs import (
    FACE_METHODS,
    IMAGE,
    VIDEO,
    Character,
    ClipPrompts,
    GenerationInput,
    GenerationRequest,
    LoraRef,
    Preset,
    StyleTemplate,
    apply_character,
    character_text,
    choose_model,
    resolve_input,
)
from .params import GenerationParams, check_sampler_names, parse_params
from .requirements import TemplateInfo, list_templates, missing_requirements

__all__ = [
    "CUSTOM_TEMPLATE_ID", "FACE_METHODS", "IMAGE", "VIDEO", "Character", "ClipPrompts", "CompiledWorkflow",
    "GenerationInput", "GenerationParams", "GenerationRequest", "LoraRef", "Preset", "Problem", "StyleTemplate",
    "TemplateInfo", "Upload", "WorkflowError", "apply_character", "character_text", "check_sampler_names",
    "choose_model", "compile_workflow", "list_templates", "missing_requirements", "parse_params", "resolve_input",
    "select_template",
]
