"""resolve_input: prompt fallback, character (contract 3.3), style template, LoRAs, and params over the preset."""

from __future__ import annotations

from dataclasses import replace

import pytest
from generation_service.workflows import (
    Character,
    ClipPrompts,
    GenerationRequest,
    LoraRef,
    StyleTemplate,
    WorkflowError,
    apply_character,
    parse_params,
    resolve_input,
)

from .helpers import PRESETS

HERO = Character(name="Hero", trigger_words="hro", description="tall", style_notes="noir")
CLIP = ClipPrompts(image_prompt="a cat on a roof", video_prompt="the cat jumps")


def request(**fields) -> GenerationRequest:
    fields.setdefault("model", "sdxl_base.safetensors")
    return GenerationRequest(**fields)


def test_contract_example_and_idempotence() -> None:
    assert apply_character("cat", HERO) == "hro Hero, tall. Style: noir. cat"
    assert apply_character("hro Hero, tall. Style: noir. cat", HERO) == "hro Hero, tall. Style: noir. cat"
    assert apply_character("", Character(name="Ann")) == "Ann."


def test_prompt_falls_back_to_the_clip_prompt_of_the_kind() -> None:
    image = resolve_input(request(), CLIP, None, None, PRESETS["sdxl"])
    video = resolve_input(request(kind="video"), CLIP, None, None, PRESETS["sdxl"])
    assert (image.prompt, video.prompt) == ("a cat on a roof", "the cat jumps")
    own = resolve_input(request(prompt="  a dog "), CLIP, None, None, PRESETS["sdxl"])
    assert own.prompt == "a dog"


def test_character_text_applies_once_to_the_clip_prompt() -> None:
    inp = resolve_input(request(), CLIP, HERO, None, PRESETS["sdxl"])
    assert inp.prompt == "hro Hero, tall. Style: noir. a cat on a roof"
    already = ClipPrompts(image_prompt=inp.prompt)
    assert resolve_input(request(), already, HERO, None, PRESETS["sdxl"]).prompt == inp.prompt


def test_params_merge_over_the_preset_and_are_never_null() -> None:
    inp = resolve_input(request(prompt="x", params=parse_params({"steps": 40, "seed": 3})), None, None, None,
                        PRESETS["sdxl"])
    p = inp.params
    assert (p.steps, p.seed, p.cfg, p.width, p.height, p.sampler, p.scheduler) == \
        (40, 3, 6.0, 1024, 1024, "dpmpp_2m", "karras")
    assert (p.video_frames, p.video_fps) == (14, 12)
    assert None not in p.as_dict().values()


def test_style_template_supplies_model_negative_loras_and_params() -> None:
    style = StyleTemplate(model="ponyDiffusionV6XL.safetensors", negative_prompt="ugly",
                          loras=(LoraRef("style.safetensors", 0.7),), params={"steps": 25, "cfg_scale": 5})
    inp = resolve_input(GenerationRequest(prompt="x", params=parse_params({"cfg": 4})), None, None, style,
                        PRESETS["pony"])
    assert inp.model == "ponyDiffusionV6XL.safetensors"
    assert inp.negative_prompt == "ugly"
    assert inp.loras == (LoraRef("style.safetensors", 0.7),)
    assert (inp.params.steps, inp.params.cfg) == (25, 4.0)  # the request's cfg wins over the template's


def test_negative_prompt_default_from_preset_and_request_wins() -> None:
    assert resolve_input(request(prompt="x"), None, None, None, PRESETS["pony"]).negative_prompt == \
        "low quality, blurry, distorted"
    assert resolve_input(request(prompt="x", negative_prompt=""), None, None, None,
                         PRESETS["pony"]).negative_prompt == ""


def test_character_lora_and_face_by_method() -> None:
    reactor = Character(name="Ann", generation_method="reactor", face_image="/uploads/faces/a.png",
                        lora="ann.safetensors")
    inp = resolve_input(request(prompt="x"), None, reactor, None, PRESETS["sdxl"])
    assert (inp.face_method, inp.face_image) == ("reactor", "/uploads/faces/a.png")
    assert inp.loras == (LoraRef("ann.safetensors", 1.0),)
    ip = Character(name="Ann", generation_method="ip_adapter", reference_images=("/uploads/faces/r1.png",),
                   face_image="/uploads/faces/a.png")
    assert resolve_input(request(prompt="x"), None, ip, None, PRESETS["sdxl"]).face_image == "/uploads/faces/r1.png"
    only_face = replace(ip, reference_images=())
    assert resolve_input(request(prompt="x"), None, only_face, None, PRESETS["sdxl"]).face_image == \
        "/uploads/faces/a.png"
    swap = replace(ip, generation_method="instantid")
    assert resolve_input(request(prompt="x"), None, swap, None, PRESETS["sdxl"]).face_image == "/uploads/faces/a.png"
    lora_only = Character(name="Ann", generation_method="lora", face_image="/uploads/faces/a.png")
    assert resolve_input(request(prompt="x"), None, lora_only, None, PRESETS["sdxl"]).face_method is None
    no_face = Character(name="Ann", generation_method="instantid")
    assert resolve_input(request(prompt="x"), None, no_face, None, PRESETS["sdxl"]).face_method is None


def test_loras_listed_again_keep_the_last_weight() -> None:
    style = StyleTemplate(loras=(LoraRef("a", 0.5), LoraRef("b")))
    inp = resolve_input(request(prompt="x", loras=(LoraRef("a", 0.9),)), None, None, style, PRESETS["sdxl"])
    assert inp.loras == (LoraRef("b"), LoraRef("a", 0.9))


def test_too_many_loras_is_400() -> None:
    loras = tuple(LoraRef(f"l{i}") for i in range(4))
    with pytest.raises(WorkflowError) as caught:
        resolve_input(request(prompt="x", loras=loras), None, None, None, PRESETS["flux_dev"])
    assert caught.value.status == 400 and caught.value.problems[0].key == "loras"
    with pytest.raises(WorkflowError):
        resolve_input(request(prompt="x", loras=loras[:1]), None, None, None, PRESETS["ltx_video"])
    assert len(resolve_input(request(prompt="x", loras=loras[:3]), None, None, None,
                             PRESETS["flux_dev"]).loras) == 3


def test_every_problem_is_reported() -> None:
    bad_style = StyleTemplate(params={"steps": 0})
    with pytest.raises(WorkflowError) as caught:
        resolve_input(GenerationRequest(loras=(LoraRef("", 9.0),)), None, None, bad_style, PRESETS["sdxl"])
    keys = {p.key for p in caught.value.problems}
    assert keys == {"model", "prompt", "style_template.params.steps", "loras"}
    assert caught.value.status == 422
