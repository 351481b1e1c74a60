"""`POST /prompt` validation, mirroring ComfyUI's `execution.validate_prompt` / `validate_inputs`.

Error types, messages, `details`, `dependent_outputs` and the partial-acceptance rule match the real server,
quirks included (a failed node lists every failed output validated after it in `dependent_outputs`).
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .catalog import Environment, NodeDef, render_input_types

CONVERTERS = {"INT": int, "FLOAT": float, "STRING": str, "BOOLEAN": bool}


class MalformedPrompt(Exception):
    """The real server raises outside its error handling here and answers 500 text/plain."""


@dataclass
class Validation:
    ok: bool
    error: dict | None = None
    outputs: list[str] = field(default_factory=list)
    node_errors: dict = field(default_factory=dict)


def _error(type_: str, message: str, details: str = "", extra_info: dict | None = None) -> dict:
    return {"type": type_, "message": message, "details": details, "extra_info": extra_info or {}}


def full_type_name(cls: type) -> str:
    return cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def types_match(received: Any, expected: Any) -> bool:
    """execution.validate_node_input: equal, a wildcard, or overlapping comma-separated type lists."""
    if not received != expected:
        return True
    if not isinstance(received, str) or not isinstance(expected, str):
        return False
    received_set = {t.strip() for t in received.split(",")}
    expected_set = {t.strip() for t in expected.split(",")}
    if "*" in received_set or "*" in expected_set:
        return True
    return bool(received_set & expected_set)


def validate_prompt(
    prompt: Any, partial_targets: list[str] | None, nodes: Mapping[str, NodeDef], env: Environment
) -> Validation:
    if not isinstance(prompt, dict):
        raise MalformedPrompt("prompt is not an object")
    outputs: list[str] = []
    for node_id, node in prompt.items():
        if not isinstance(node, dict | list | str):
            raise MalformedPrompt(f"node {node_id!r} is not an object")
        if "class_type" not in node:
            message = "Cannot execute because a node is missing the class_type property."
            return Validation(False, _error("invalid_prompt", message, f"Node ID '#{node_id}'"))
        if not isinstance(node, dict):
            raise MalformedPrompt(f"node {node_id!r} is not an object")
        class_type = node["class_type"]
        node_def = nodes.get(class_type) if isinstance(class_type, str) else None
        if node_def is None:
            message = f"Cannot execute because node {class_type} does not exist."
            return Validation(False, _error("invalid_prompt", message, f"Node ID '#{node_id}'"))
        if node_def.output_node and (partial_targets is None or node_id in partial_targets):
            outputs.append(node_id)
    if not outputs:
        return Validation(False, _error("prompt_no_outputs", "Prompt has no outputs"))
    return _NodeValidator(prompt, nodes, env).validate_outputs(outputs)


class _NodeValidator:
    def __init__(self, prompt: dict, nodes: Mapping[str, NodeDef], env: Environment) -> None:
        self.prompt = prompt
        self.nodes = nodes
        self.env = env
        self.validated: dict[str, tuple[bool, list, str]] = {}
        self._input_types: dict[str, dict] = {}

    def validate_outputs(self, outputs: list[str]) -> Validation:
        good_outputs: list[str] = []
        failed: list[tuple[str, list]] = []
        node_errors: dict[str, dict] = {}
        for output_id in outputs:
            try:
                valid, reasons, _ = self.validate_node(output_id)
            except Exception as ex:  # noqa: BLE001 - the real server reports any exception here
                valid = False
                reasons = [
                    self._exception_reason(
                        "exception_during_validation", "Exception when validating node", ex
                    )
                ]
                self.validated[output_id] = (False, reasons, output_id)
            if valid:
                good_outputs.append(output_id)
                continue
            failed.append((output_id, reasons))
            for node_id, (node_valid, node_reasons, _) in self.validated.items():
                # Downstream nodes of a failed node are invalid without reasons: not reported.
                if node_valid or not node_reasons:
                    continue
                entry = node_errors.setdefault(
                    node_id,
                    {
                        "errors": node_reasons,
                        "dependent_outputs": [],
                        "class_type": self.prompt[node_id]["class_type"],
                    },
                )
                entry["dependent_outputs"].append(output_id)
        if good_outputs:
            return Validation(True, None, good_outputs, node_errors)
        details = "\n".join(f"{r['message']}: {r['details']}" for _, reasons in failed for r in reasons)
        error = _error("prompt_outputs_failed_validation", "Prompt outputs failed validation", details)
        return Validation(False, error, [], node_errors)

    def input_types(self, class_type: str) -> dict:
        if class_type not in self._input_types:
            self._input_types[class_type] = render_input_types(self.nodes[class_type], self.env)
        return self._input_types[class_type]

    def validate_node(self, node_id: str) -> tuple[bool, list, str]:
        if node_id in self.validated:
            return self.validated[node_id]
        node = self.prompt[node_id]
        inputs = node["inputs"]
        node_def = self.nodes[node["class_type"]]
        types = self.input_types(node_def.name)
        errors: list[dict] = []
        valid = True
        for category in ("required", "optional"):
            for name, spec in types.get(category, {}).items():
                input_type, extra = spec[0], (spec[1] if len(spec) > 1 else {})
                if name not in inputs:
                    if category == "required":
                        errors.append(
                            _error(
                                "required_input_missing",
                                "Required input is missing",
                                name,
                                {"input_name": name},
                            )
                        )
                    continue
                info = [input_type, extra]
                value = inputs[name]
                if isinstance(value, list):
                    link_ok = self._check_link(name, value, input_type, info, errors)
                    valid = valid and link_ok
                    continue
                self._check_widget(node_def, inputs, name, input_type, extra, info, errors)
        self._custom_validation(node_def, inputs, errors)
        result = (False, errors, node_id) if errors or not valid else (True, [], node_id)
        self.validated[node_id] = result
        return result

    def _check_link(self, name: str, value: list, input_type: Any, info: list, errors: list) -> bool:
        """Appends link errors; returns False when the upstream node is invalid (no reason recorded here)."""
        if len(value) != 2:
            errors.append(
                _error(
                    "bad_linked_input",
                    "Bad linked input, must be a length-2 list of [node_id, slot_index]",
                    name,
                    {"input_name": name, "input_config": info, "received_value": value},
                )
            )
            return True
        source_id, slot = value
        source_class = self.prompt[source_id]["class_type"]  # KeyError for a missing node, as on the server
        received_type = self.nodes[source_class].outputs[slot]
        if not types_match(received_type, input_type):
            details = f"{name}, received_type({received_type}) mismatch input_type({input_type})"
            errors.append(
                _error(
                    "return_type_mismatch",
                    "Return type mismatch between linked nodes",
                    details,
                    {
                        "input_name": name,
                        "input_config": info,
                        "received_type": received_type,
                        "linked_node": value,
                    },
                )
            )
            return True
        try:
            return self.validate_node(source_id)[0] is not False
        except Exception as ex:  # noqa: BLE001
            reason = self._exception_reason(
                "exception_during_inner_validation",
                "Exception when validating inner node",
                ex,
                {
                    "input_name": name,
                    "input_config": info,
                    "exception_message": str(ex),
                    "linked_node": value,
                },
            )
            self.validated[source_id] = (False, [reason], source_id)
            return False

    def _check_widget(
        self,
        node_def: NodeDef,
        inputs: dict,
        name: str,
        input_type: Any,
        extra: dict,
        info: list,
        errors: list,
    ) -> None:
        value = inputs[name]
        try:
            if isinstance(value, dict) and "__value__" in value:
                value = inputs[name] = value["__value__"]
            converter = CONVERTERS.get(input_type) if isinstance(input_type, str) else None
            if converter is not None:
                value = inputs[name] = converter(value)
        except Exception as ex:  # noqa: BLE001
            errors.append(
                _error(
                    "invalid_input_type",
                    f"Failed to convert an input value to a {input_type} value",
                    f"{name}, {value}, {ex}",
                    {
                        "input_name": name,
                        "input_config": info,
                        "received_value": value,
                        "exception_message": str(ex),
                    },
                )
            )
            return
        if name in node_def.custom_validated_inputs:
            return
        bounds_extra = {"input_name": name, "input_config": info, "received_value": value}
        if "min" in extra and value < extra["min"]:
            message = "Value {} smaller than min of {}".format(value, extra["min"])
            errors.append(_error("value_smaller_than_min", message, name, bounds_extra))
            return
        if "max" in extra and value > extra["max"]:
            message = "Value {} bigger than max of {}".format(value, extra["max"])
            errors.append(_error("value_bigger_than_max", message, name, bounds_extra))
            return
        # Only V1 combos (a plain list) are checked at submit: 0.3.64 lets a V3 `["COMBO", {...}]` value through
        # and the node fails when it runs (catalog.v3_combo_failure).
        if isinstance(input_type, list):
            options = input_type
            if value not in options:
                # Long lists (model folders) are summarised, as on the real server.
                listed, config = (
                    (f"(list of length {len(options)})", None) if len(options) > 20 else (str(options), info)
                )
                errors.append(
                    _error(
                        "value_not_in_list",
                        "Value not in list",
                        f"{name}: '{value}' not in {listed}",
                        {"input_name": name, "input_config": config, "received_value": value},
                    )
                )

    def _custom_validation(self, node_def: NodeDef, inputs: dict, errors: list) -> None:
        if node_def.custom_validation is None:
            return
        present = {n: inputs[n] for n in node_def.custom_validated_inputs if n in inputs}
        if not present:
            return
        result = node_def.custom_validation(self.env, present)
        if result is True:
            return
        for name in present:
            details = name if result is False else f"{name} - {result}"
            errors.append(
                _error(
                    "custom_validation_failed",
                    "Custom validation failed for node",
                    details,
                    {"input_name": name},
                )
            )

    @staticmethod
    def _exception_reason(type_: str, message: str, ex: Exception, extra: dict | None = None) -> dict:
        info = dict(extra or {})
        info["exception_type"] = full_type_name(type(ex))
        info["traceback"] = traceback.format_tb(ex.__traceback__)
        return _error(type_, message, str(ex), info)
