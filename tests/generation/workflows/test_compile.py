"""compile_workflow: every template compiles into a graph a 0.3.64 server (the fake's catalogue, recorded from real
/object_info shapes) accepts: known classes, known input names, every required input, links to existing nodes and
output indices of the right type; LoRA chains; selection; uploads; custom graphs; requirements."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from generation_service.workflows import (
    GenerationInput,
    LoraRef,
    WorkflowError,
    compile_workflow,
    list_templates,
    missing_requirements,
    parse_params,
    select_template,
)
from generation_service.workflows.templates import PLACEHOLDER

from tests.fakes.comfyui.nodes import NODE_DEFS
from tests.fakes.comfyui.validation import types_match

from .helpers import input_for

TEMPLATES = {t.id: t for t in list_templates()}


def check_graph(graph: dict) -> None:
    """Fails on anything a real server would reject structurally."""
    for node_id, node in graph.items():
        node_def = NODE_DEFS.get(node["class_type"])
        assert node_def is not None, f"{node_id}: unknown class {node['class_type']}"
        declared = {**node_def.required, **node_def.optional}
        given = set(node["inputs"])
        assert given <= set(declared), f"{node_id}: unknown inputs {given - set(declared)}"
        assert set(node_def.required) <= given, f"{node_id}: missing {set(node_def.required) - given}"
        for name, value in node["inputs"].items():
            assert not (isinstance(value, str) and PLACEHOLDER.search(value)), f"{node_id}.{name} = {value}"
            if isinstance(value, list):
                source, index = value
                assert isinstance(source, str) and source in graph, f"{node_id}.{name} links to missing {source}"
                outputs = NODE_DEFS[graph[source]["class_type"]].outputs
                assert 0 <= index < len(outputs), f"{node_id}.{name}: output {index} of {source}"
                assert types_match(outputs[index], declared[name].io_type), f"{node_id}.{name} type mismatch"
    assert any(NODE_DEFS[n["class_type"]].output_node for n in graph.values()), "no output node"


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_template_compiles_into_a_consistent_graph(template_id: str) -> None:
    template = TEMPLATES[template_id]
    # Without preset extras, the files loaded are the template's declared defaults.
    compiled = compile_workflow(replace(input_for(template), preset_extras={}))
    assert (compiled.template_id, compiled.template_version) == (template_id, template.version)
    check_graph(compiled.graph)
    assert compiled.required_nodes == {n["class_type"] for n in compiled.graph.values()}
    assert compiled.required_nodes == template.required_nodes
    assert compiled.output_kind == template.kind
    assert {u.role for u in compiled.uploads} == set(template.needs)
    names = {n["inputs"].get("image") for n in compiled.graph.values() if n["class_type"] == "LoadImage"}
    assert names == {u.graph_name for u in compiled.uploads} or (not names and not compiled.uploads)
    prefixes = {n["inputs"]["filename_prefix"] for n in compiled.graph.values() if "filename_prefix" in n["inputs"]}
    assert prefixes == {"storyboard/output"}
    for folder, files in template.required_models.items():
        assert files <= compiled.required_models[folder]


@pytest.mark.parametrize("template_id", sorted(t for t in TEMPLATES if not TEMPLATES[t].explicit_only))
def test_templates_are_chosen_without_an_id(template_id: str) -> None:
    assert select_template(input_for(TEMPLATES[template_id], explicit=False)).id == template_id


def test_placeholders_become_typed_json_values() -> None:
    compiled = compile_workflow(input_for(TEMPLATES["sd_txt2img"], seed=123, cfg=4.5, width=512, small=False,
                                          model_type="sdxl"))
    sampler = next(n for n in compiled.graph.values() if n["class_type"] == "KSampler")["inputs"]
    assert sampler["seed"] == 123 and sampler["cfg"] == 4.5 and sampler["steps"] == 15
    assert (sampler["sampler_name"], sampler["scheduler"]) == ("dpmpp_2m", "karras")
    latent = next(n for n in compiled.graph.values() if n["class_type"] == "EmptyLatentImage")["inputs"]
    assert latent == {"width": 512, "height": 1024, "batch_size": 1}
    texts = [n["inputs"]["text"] for n in compiled.graph.values() if n["class_type"] == "CLIPTextEncode"]
    assert texts == ["a red fox", ""]


def test_output_prefix_is_per_attempt() -> None:
    inp = replace(input_for(TEMPLATES["wan_txt2video"]), output_prefix="storyboard/attempt-7")
    save = next(n for n in compile_workflow(inp).graph.values() if n["class_type"] == "SaveVideo")
    assert save["inputs"]["filename_prefix"] == "storyboard/attempt-7"


def _chain(graph: dict, loader: str) -> list[dict]:
    return [n for n in graph.values() if n["class_type"] == loader]


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_lora_chain_has_one_loader_per_lora_and_consumers_follow_it(count: int) -> None:
    loras = tuple(LoraRef(f"l{i}.safetensors", 0.5 + i) for i in range(count))
    inp = replace(input_for(TEMPLATES["sd_txt2img"]), loras=loras, max_loras=3)
    compiled = compile_workflow(inp)
    graph = compiled.graph
    check_graph(graph)
    loaders = _chain(graph, "LoraLoader")
    assert [(n["inputs"]["lora_name"], n["inputs"]["strength_model"]) for n in loaders] == \
        [(lora.name, lora.weight) for lora in loras]
    ids = {json.dumps(n, sort_keys=True): k for k, n in graph.items()}
    if count:
        last = ids[json.dumps(loaders[-1], sort_keys=True)]
        assert loaders[0]["inputs"]["model"] == ["1", 0] and loaders[0]["inputs"]["clip"] == ["1", 1]
        for before, after in zip(loaders, loaders[1:], strict=False):
            assert after["inputs"]["model"][0] == ids[json.dumps(before, sort_keys=True)]
        sampler = next(n for n in graph.values() if n["class_type"] == "KSampler")
        assert sampler["inputs"]["model"] == [last, 0]
        encoders = [n for n in graph.values() if n["class_type"] == "CLIPTextEncode"]
        assert all(n["inputs"]["clip"] == [last, 1] for n in encoders)
        assert compiled.required_models["loras"] == {lora.name for lora in loras}
    else:
        assert "loras" not in compiled.required_models


def test_lora_before_face_adapter_and_model_only_for_wan() -> None:
    inp = replace(input_for(TEMPLATES["face_ipadapter"]), loras=(LoraRef("a"),), max_loras=3)
    graph = compile_workflow(inp).graph
    check_graph(graph)
    adapter = next(n for n in graph.values() if n["class_type"] == "IPAdapterAdvanced")
    assert graph[adapter["inputs"]["model"][0]]["class_type"] == "LoraLoader"
    wan = replace(input_for(TEMPLATES["wan_txt2video"]), loras=(LoraRef("a"), LoraRef("b")), max_loras=3)
    graph = compile_workflow(wan).graph
    check_graph(graph)
    assert len(_chain(graph, "LoraLoaderModelOnly")) == 2 and not _chain(graph, "LoraLoader")


def test_wan22_runs_both_experts_and_each_gets_the_loras() -> None:
    inp = replace(input_for(TEMPLATES["wan22_txt2video"]), model="wan2.2_t2v_high_noise_14B_fp8.safetensors",
                  loras=(LoraRef("a"), LoraRef("b")), max_loras=2)
    compiled = compile_workflow(replace(inp, params=replace(inp.params, steps=8)))
    graph = compiled.graph
    check_graph(graph)
    assert compiled.required_models["diffusion_models"] == {"wan2.2_t2v_high_noise_14B_fp8.safetensors",
                                                            "wan2.2_t2v_low_noise_14B_fp8.safetensors"}
    first, second = sorted((n for n in graph.values() if n["class_type"] == "KSamplerAdvanced"),
                           key=lambda n: n["inputs"]["start_at_step"])
    assert (first["inputs"]["end_at_step"], second["inputs"]["start_at_step"]) == (4, 4)

    def expert(sampler: dict) -> str:
        """Follows the sampler's model link back through LoRA loaders and patches to the UNETLoader."""
        node, chain = graph[sampler["inputs"]["model"][0]], []
        while node["class_type"] != "UNETLoader":
            chain.append(node["inputs"].get("lora_name"))
            node = graph[node["inputs"]["model"][0]]
        assert [name for name in chain if name] == ["b", "a"]
        return node["inputs"]["unet_name"]

    assert "high_noise" in expert(first) and "low_noise" in expert(second)
    override = input_for(TEMPLATES["wan22_txt2video"], low_noise_model="other.safetensors")
    assert "other.safetensors" in compile_workflow(override).required_models["diffusion_models"]


def test_lora_errors() -> None:
    with pytest.raises(WorkflowError) as caught:
        compile_workflow(replace(input_for(TEMPLATES["sd_txt2img"]), loras=(LoraRef("a"), LoraRef("b")),
                                 max_loras=1))
    assert caught.value.status == 400 and "at most 1" in str(caught.value)
    with pytest.raises(WorkflowError) as caught:
        compile_workflow(replace(input_for(TEMPLATES["ltx_txt2video"]), loras=(LoraRef("a"),), max_loras=2))
    assert "does not take LoRAs" in str(caught.value)


def test_selection_by_kind_input_face_and_model() -> None:
    base = input_for(TEMPLATES["sd_txt2img"], explicit=False)
    assert select_template(replace(base, input_image="/uploads/x.png")).id == "sd_img2img"
    assert select_template(replace(base, input_image="/uploads/x.png", template_id="upscale")).id == "upscale"
    assert select_template(replace(base, face_method="reactor", face_image="/f.png")).id == "face_reactor"
    with pytest.raises(WorkflowError, match="no image template"):
        select_template(replace(base, model_type="sd15", face_method="instantid", face_image="/f.png"))
    with pytest.raises(WorkflowError, match="model type 'wan_2_1'"):
        select_template(replace(base, model_type="wan_2_1"))
    video = replace(base, kind="video", model_type="sdxl", model="svd_xt.safetensors")
    assert select_template(video).id == "svd_txt2video"
    assert select_template(replace(video, input_image="/i.png")).id == "svd_img2video"
    with pytest.raises(WorkflowError, match="unknown workflow template"):
        select_template(replace(base, template_id="nope"))


def test_preset_and_params_choose_the_files_a_template_loads() -> None:
    wan = input_for(TEMPLATES["wan_txt2video"])
    wan = replace(wan, preset_extras={"requires_vae": "wan_2.1_vae.safetensors", "text_encoder": "umt5.safetensors"})
    assert compile_workflow(wan).required_models["text_encoders"] == {"umt5.safetensors"}
    upscale = input_for(TEMPLATES["upscale"], upscale_model="4x-Ultra.pth")
    compiled = compile_workflow(upscale)
    assert compiled.required_models == {"upscale_models": {"4x-Ultra.pth"}}
    assert next(n for n in compiled.graph.values() if n["class_type"] == "UpscaleModelLoader")["inputs"] == \
        {"model_name": "4x-Ultra.pth"}
    sd15 = input_for(TEMPLATES["face_ipadapter"], model_type="sd15")
    assert compile_workflow(sd15).required_models["ipadapter"] == {"ip-adapter-plus-face_sd15.safetensors"}


def test_uploads_are_named_stably_from_their_source() -> None:
    first = compile_workflow(input_for(TEMPLATES["sd_img2img"])).uploads
    again = compile_workflow(input_for(TEMPLATES["sd_img2img"], seed=9)).uploads
    assert first == again and len(first) == 1
    assert first[0].subfolder == "storyboard" and first[0].filename.endswith(".png")
    assert first[0].source == "/uploads/generated/ab/input.png"


def test_missing_input_image_is_a_clear_error() -> None:
    inp = replace(input_for(TEMPLATES["sd_img2img"]), input_image=None)
    with pytest.raises(WorkflowError, match="needs an image"):
        compile_workflow(inp)


def test_unresolved_seed_is_refused() -> None:
    with pytest.raises(WorkflowError, match="seed"):
        compile_workflow(replace(input_for(TEMPLATES["sd_txt2img"]),
                                 params=replace(input_for(TEMPLATES["sd_txt2img"]).params, seed=-1)))


CUSTOM = {
    "1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "{{MODEL}}"}},
    "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{PROMPT}}, cinematic", "clip": ["1", 1]}},
    "3": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{NEGATIVE_PROMPT}}", "clip": ["1", 1]}},
    "4": {"class_type": "EmptyLatentImage", "inputs": {"width": "{{WIDTH}}", "height": "{{HEIGHT}}", "batch_size": 1}},
    "5": {"class_type": "KSampler", "inputs": {"model": ["1", 0], "seed": "{{SEED}}", "steps": "{{STEPS}}",
          "cfg": "{{CFG}}", "sampler_name": "euler", "scheduler": "normal", "positive": ["2", 0],
          "negative": ["3", 0], "latent_image": ["4", 0], "denoise": 1.0}},
    "6": {"class_type": "VAEDecode", "inputs": {"samples": ["5", 0], "vae": ["1", 2]}},
    "7": {"class_type": "LoraLoaderModelOnly", "inputs": {"model": ["1", 0], "lora_name": "x.safetensors",
          "strength_model": 1.0}},
    "8": {"class_type": "SaveImage", "inputs": {"images": ["6", 0], "filename_prefix": "mine"}},
}


def custom_input(graph: dict = CUSTOM) -> GenerationInput:
    params = parse_params({"use_custom_workflow": True, "workflow_json": json.dumps(graph), "seed": 77,
                           "width": 256, "height": 128, "steps": 3, "cfg": 2.5, "sampler": "euler",
                           "scheduler": "normal"})
    return GenerationInput(kind="image", model="m.safetensors", model_type="sdxl", prompt="a fox",
                           negative_prompt="blur", params=params, output_prefix="storyboard/a1")


def test_custom_workflow_placeholders_are_json_values() -> None:
    compiled = compile_workflow(custom_input())
    graph = compiled.graph
    assert compiled.template_id == "custom" and compiled.output_kind == "image"
    assert graph["1"]["inputs"]["ckpt_name"] == "m.safetensors"
    assert graph["2"]["inputs"]["text"] == "a fox, cinematic"
    assert graph["3"]["inputs"]["text"] == "blur"
    assert graph["4"]["inputs"] == {"width": 256, "height": 128, "batch_size": 1}
    assert (graph["5"]["inputs"]["seed"], graph["5"]["inputs"]["steps"], graph["5"]["inputs"]["cfg"]) == (77, 3, 2.5)
    assert graph["8"]["inputs"]["filename_prefix"] == "storyboard/a1"
    assert compiled.required_models == {"checkpoints": {"m.safetensors"}, "loras": {"x.safetensors"}}
    check_graph(graph)


def test_missing_requirements_name_each_node_class_and_model() -> None:
    compiled = compile_workflow(replace(input_for(TEMPLATES["face_reactor"]), loras=(LoraRef("l.safetensors"),),
                                        max_loras=2))
    object_info = {name: {} for name in NODE_DEFS if name != "ReActorFaceSwap"}
    models = {"checkpoints": ["model-illustrious.safetensors"], "loras": [], "insightface": ["inswapper_128.onnx"]}
    assert missing_requirements(compiled, object_info, models) == \
        ["node class 'ReActorFaceSwap'", "model 'loras/l.safetensors'"]
    everything = {"checkpoints": ["model-illustrious.safetensors"], "loras": ["l.safetensors"],
                  "insightface": ["inswapper_128.onnx"]}
    assert missing_requirements(compiled, NODE_DEFS, everything) == []
    # A folder the caller knows nothing about is not judged; the legacy folder names are aliases.
    flux = compile_workflow(input_for(TEMPLATES["flux_txt2img"]))
    assert missing_requirements(flux, NODE_DEFS, {"unet": ["model-flux_krea.safetensors"], "clip": []}) == \
        ["model 'text_encoders/clip_l.safetensors'", "model 'text_encoders/t5xxl_fp8_e4m3fn.safetensors'"]


def test_list_templates_reports_needs() -> None:
    assert [t.id for t in list_templates()] == sorted(TEMPLATES)
    reactor = TEMPLATES["face_reactor"]
    assert reactor.face_method == "reactor" and reactor.needs == ("face_image",) and reactor.takes_loras
    assert "ReActorFaceSwap" in reactor.required_nodes
    assert reactor.required_models == {"insightface": {"inswapper_128.onnx"}}
    assert reactor.missing(set(NODE_DEFS) - {"ReActorFaceSwap"}, {"insightface": []}) == \
        ["node class 'ReActorFaceSwap'", "model 'insightface/inswapper_128.onnx'"]
    assert {t.kind for t in TEMPLATES.values()} == {"image", "video"}
    assert not TEMPLATES["ltx_txt2video"].takes_loras
    assert all(t.model_types for t in TEMPLATES.values())
    assert [t.id for t in TEMPLATES.values() if t.explicit_only] == ["upscale"]
