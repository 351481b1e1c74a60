"""Known params are typed and checked (contract 1.13); every problem is reported with its key."""

from __future__ import annotations

import json

import pytest
from generation_service.workflows import GenerationParams, WorkflowError, check_sampler_names, parse_params


def problems(raw: dict) -> dict[str, tuple[str, int]]:
    with pytest.raises(WorkflowError) as caught:
        parse_params(raw)
    return {p.key: (p.message, p.status) for p in caught.value.problems}


def test_known_keys_are_typed_and_others_kept_in_extra() -> None:
    params = parse_params({"width": 512, "height": 768.0, "steps": 30, "cfg": 7, "seed": 5, "use_refiner": True,
                           "pag_scale": 1.5, "denoise": 0.5})
    assert (params.width, params.height, params.steps, params.cfg, params.seed) == (512, 768, 30, 7.0, 5)
    assert isinstance(params.height, int) and isinstance(params.cfg, float)
    assert dict(params.extra) == {"use_refiner": True, "pag_scale": 1.5}
    assert params.given == {"width", "height", "steps", "cfg", "seed", "denoise"}


def test_defaults_leave_preset_keys_unset() -> None:
    params = parse_params({})
    assert params == GenerationParams()
    assert (params.width, params.steps, params.cfg, params.sampler) == (None, None, None, None)
    assert (params.seed, params.denoise, params.batch_size, params.motion_bucket_id) == (-1, 1.0, 1, 127)


def test_cfg_scale_is_an_alias_and_cfg_wins() -> None:
    assert parse_params({"cfg_scale": 4.5}).cfg == 4.5
    assert parse_params({"cfg_scale": 4.5, "cfg": 3.0}).cfg == 3.0
    assert "cfg_scale" not in parse_params({"cfg_scale": 4.5}).extra


def test_euler_a_is_normalised() -> None:
    assert parse_params({"sampler": "euler_a"}).sampler == "euler_ancestral"
    assert parse_params({"sampler": "dpmpp_2m"}).sampler == "dpmpp_2m"


def test_null_means_not_given() -> None:
    params = parse_params({"width": None, "steps": None})
    assert params.width is None and params.given == frozenset()


def test_every_problem_is_reported_with_its_key() -> None:
    found = problems({"width": 100, "height": 8192, "steps": 0, "cfg": 31, "seed": -2, "denoise": 1.5,
                      "batch_size": 9, "video_frames": 1001, "video_fps": 0.5, "motion_bucket_id": 1024,
                      "use_custom_workflow": "yes", "sampler": ""})
    assert set(found) == {"width", "height", "steps", "cfg", "seed", "denoise", "batch_size", "video_frames",
                          "video_fps", "motion_bucket_id", "use_custom_workflow", "sampler"}
    assert found["width"][0] == "must be a multiple of 8"
    assert all(status == 422 for _, status in found.values())


@pytest.mark.parametrize("value", [True, "512", 512.5, float("nan"), [512]])
def test_width_rejects_non_integers(value: object) -> None:
    assert problems({"width": value})["width"] == ("must be an integer", 422)


def test_seed_range() -> None:
    assert parse_params({"seed": 9007199254740991}).seed == 9007199254740991
    assert "seed" in problems({"seed": 9007199254740992})


def test_at_most_64_keys() -> None:
    raw = {f"k{i}": i for i in range(65)}
    assert "params" in problems(raw)
    assert len(parse_params({f"k{i}": i for i in range(64)}).extra) == 64


def test_provider_other_than_comfyui_is_400() -> None:
    assert problems({"provider": "replicate"})["provider"][1] == 400
    with pytest.raises(WorkflowError) as caught:
        parse_params({"provider": "replicate"})
    assert caught.value.status == 400


def test_custom_workflow_requires_valid_api_json() -> None:
    assert "required" in problems({"use_custom_workflow": True})["workflow_json"][0]
    assert "not valid JSON" in problems({"use_custom_workflow": True, "workflow_json": "{"})["workflow_json"][0]
    ui_format = json.dumps({"nodes": [], "links": []})
    assert "save format" in problems({"use_custom_workflow": True, "workflow_json": ui_format})["workflow_json"][0]
    no_class = json.dumps({"1": {"inputs": {}}})
    assert "class_type" in problems({"use_custom_workflow": True, "workflow_json": no_class})["workflow_json"][0]
    too_big = json.dumps({"1": {"class_type": "X", "inputs": {"t": "x" * (1024 * 1024)}}})
    assert "1 MiB" in problems({"use_custom_workflow": True, "workflow_json": too_big})["workflow_json"][0]
    # Not parsed at all while the flag is off.
    assert parse_params({"workflow_json": "{"}).workflow_json == "{"


def test_layering_only_overrides_given_keys() -> None:
    base = parse_params({"steps": 30, "denoise": 0.4, "use_refiner": True})
    top = parse_params({"denoise": 1.0, "seed": 7, "pag_scale": 2})
    merged = base.overlay(top)
    assert (merged.steps, merged.denoise, merged.seed) == (30, 1.0, 7)
    assert dict(merged.extra) == {"use_refiner": True, "pag_scale": 2}


def test_sampler_names_checked_against_server_lists() -> None:
    params = parse_params({"sampler": "euler_a", "scheduler": "nope"})
    found = check_sampler_names(params, ["euler", "euler_ancestral"], ["normal"])
    assert [(p.key, p.status) for p in found] == [("scheduler", 400)]
    assert check_sampler_names(params, None, None) == []
