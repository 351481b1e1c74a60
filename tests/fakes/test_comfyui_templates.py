"""Every generation template, compiled by generation_service.workflows, runs end to end on the fake ComfyUI over
HTTP and WebSocket on 127.0.0.1: input images uploaded, the prompt accepted with no node_errors, execution to
`execution_success`, and an output file served by /view (a PNG of the requested size for image templates, an MP4
for video templates). Also the submit-time and run-time failures a template can meet on a server."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import httpx
import pytest
from generation_service.workflows import LoraRef, compile_workflow, list_templates, missing_requirements
from PIL import Image

from tests.fakes.comfyui import FakeComfyUI
from tests.fakes.comfyui.nodes import CUSTOM_NODE_CLASSES
from tests.fakes.test_comfyui_fake import TIMEOUT, Socket, fetch, of_type, png_of, submit
from tests.generation.workflows.helpers import input_for

TEMPLATES = {t.id: t for t in list_templates()}
FACE_COLOUR, INPUT_COLOUR = (10, 200, 30), (200, 40, 90)
LORAS = (LoraRef("hero.safetensors", 0.8), LoraRef("style.safetensors", 0.5))


def compiled_for(template_id: str, **changes):
    inp = input_for(TEMPLATES[template_id])
    return compile_workflow(replace(inp, output_prefix=f"storyboard/{template_id}", **changes))


def models_for(*compiled) -> dict[str, list[str]]:
    models: dict[str, set[str]] = {}
    for workflow in compiled:
        for folder, names in workflow.required_models.items():
            models.setdefault(folder, set()).update(names)
    return {folder: sorted(names) for folder, names in models.items()}


def png(colour: tuple[int, int, int], size: int = 48) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, format="PNG")
    return out.getvalue()


async def upload_inputs(http: httpx.AsyncClient, compiled) -> None:
    for upload in compiled.uploads:
        colour = FACE_COLOUR if upload.role == "face_image" else INPUT_COLOUR
        response = await http.post("/upload/image", files={"image": (upload.filename, png(colour), "image/png")},
                                   data={"subfolder": upload.subfolder})
        assert response.status_code == 200
        assert response.json() == {"name": upload.filename, "subfolder": upload.subfolder, "type": "input"}


@pytest.fixture
async def fake():
    every = [compiled_for(t) for t in TEMPLATES]
    async with FakeComfyUI(models=models_for(*every, compiled_for("sd_txt2img", loras=LORAS, max_loras=5))) as s:
        yield s


@pytest.fixture
async def http(fake):
    async with httpx.AsyncClient(base_url=fake.url, timeout=TIMEOUT) as client:
        yield client


@pytest.fixture
async def socket(fake):
    connected = await Socket.connect(fake, "sb-templates")
    yield connected
    await connected.close()


async def run_compiled(http, socket, compiled) -> tuple[list, dict]:
    await upload_inputs(http, compiled)
    response = await http.post("/prompt", json={"prompt": compiled.graph, "client_id": "sb-templates",
                                                "prompt_id": f"attempt-{compiled.template_id}"})
    assert response.status_code == 200, response.text
    assert response.json()["node_errors"] == {}
    prompt_id = response.json()["prompt_id"]
    frames = await socket.run_to_end(prompt_id)
    history = (await http.get(f"/history/{prompt_id}")).json()[prompt_id]
    return frames, history


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
async def test_every_template_runs_on_the_fake(fake, http, socket, template_id: str) -> None:
    compiled = compiled_for(template_id)
    object_info = (await http.get("/object_info")).json()
    folders = (await http.get("/models")).json()
    listed = {folder: (await http.get(f"/models/{folder}")).json() for folder in folders}
    assert missing_requirements(compiled, object_info, listed) == []

    frames, history = await run_compiled(http, socket, compiled)
    assert of_type(frames, "execution_success"), of_type(frames, "execution_error")
    assert history["status"]["status_str"] == "success"
    [output] = [out for out in history["outputs"].values() if out.get("images")]
    [entry] = output["images"]
    if compiled.output_kind == "video":
        assert re.fullmatch(rf"{template_id}_\d{{5}}_\.mp4", entry["filename"])
        assert output["animated"] == [True]
        assert (await fetch(http, entry)).headers["content-type"] == "video/mp4"
        return
    assert re.fullmatch(rf"{template_id}_\d{{5}}_\.png", entry["filename"])
    image = png_of(await fetch(http, entry))
    expected = 96 if template_id == "upscale" else 64  # the upscaler doubles the 48 px input
    assert image.size == (expected, expected)
    if template_id == "face_reactor":
        assert image.getpixel((32, 32)) == FACE_COLOUR  # the swapped face sits in the centre


async def test_lora_chain_runs_and_each_lora_must_be_on_the_server(fake, http, socket) -> None:
    compiled = compiled_for("sd_txt2img", loras=LORAS, max_loras=5)
    frames, history = await run_compiled(http, socket, compiled)
    assert history["status"]["status_str"] == "success"
    assert [f["data"]["node"] for f in of_type(frames, "executing") if f["data"]["node"]].count("8") == 1

    fake.remove_models("loras", ["style.safetensors"])
    listed = {"loras": (await http.get("/models/loras")).json()}
    assert missing_requirements(compiled, (await http.get("/object_info")).json(), listed) == \
        ["model 'loras/style.safetensors'"]
    # Without our check the server answers 400 value_not_in_list (LoraLoader is a V1 combo).
    rejected = await http.post("/prompt", json={"prompt": compiled.graph, "client_id": "sb-templates"})
    assert rejected.status_code == 400
    [error] = [e for n in rejected.json()["node_errors"].values() for e in n["errors"]]
    assert error["type"] == "value_not_in_list" and "style.safetensors" in error["details"]


async def test_a_stock_server_lacks_the_face_custom_nodes() -> None:
    compiled = compiled_for("face_instantid")
    async with FakeComfyUI(models=models_for(compiled), absent_node_classes=CUSTOM_NODE_CLASSES) as stock:
        async with httpx.AsyncClient(base_url=stock.url, timeout=TIMEOUT) as client:
            object_info = (await client.get("/object_info")).json()
            assert missing_requirements(compiled, object_info, {}) == \
                ["node class 'ApplyInstantID'", "node class 'InstantIDFaceAnalysis'",
                 "node class 'InstantIDModelLoader'"]
            rejected = await client.post("/prompt", json={"prompt": compiled.graph})
            assert rejected.status_code == 400 and rejected.json()["error"]["type"] == "invalid_prompt"


async def test_v3_model_not_offered_is_accepted_then_fails_at_run_time(fake, http, socket) -> None:
    """A V3 combo (UpscaleModelLoader) is not checked at submit by 0.3.64: 200, then execution_error."""
    compiled = compiled_for("upscale")
    fake.set_models("upscale_models", [])
    await upload_inputs(http, compiled)
    prompt_id = await submit(http, compiled.graph, client_id="sb-templates")
    frames = await socket.run_to_end(prompt_id)
    [error] = of_type(frames, "execution_error")
    loader_id = next(k for k, n in compiled.graph.items() if n["class_type"] == "UpscaleModelLoader")
    assert error["data"]["node_id"] == loader_id and error["data"]["node_type"] == "UpscaleModelLoader"
    assert error["data"]["exception_type"] == "FileNotFoundError"
    assert error["data"]["exception_message"].startswith(
        "Model in folder 'upscale_models' with filename 'RealESRGAN_x4plus.pth' not found.")


async def test_v3_combo_value_not_offered_fails_at_run_time(fake, http, socket) -> None:
    compiled = compiled_for("wan_txt2video")
    save_id = next(k for k, n in compiled.graph.items() if n["class_type"] == "SaveVideo")
    compiled.graph[save_id]["inputs"]["format"] = "gif"
    prompt_id = await submit(http, compiled.graph, client_id="sb-templates")
    [error] = of_type(await socket.run_to_end(prompt_id), "execution_error")
    assert (error["data"]["node_id"], error["data"]["exception_type"]) == (save_id, "ValueError")
    assert error["data"]["exception_message"].startswith("'gif' is not a valid VideoContainer")


async def test_system_stats_of_a_cpu_server(fake, http) -> None:
    fake.set_system_stats(device="cpu")
    stats = (await http.get("/system_stats")).json()
    [device] = stats["devices"]
    assert (device["name"], device["type"], device["index"]) == ("cpu", "cpu", None)
    assert device["vram_total"] == device["torch_vram_total"] == stats["system"]["ram_total"]
    assert stats["system"]["pytorch_version"].endswith("+cpu")
    fake.set_system_stats(device="cuda")
    assert (await http.get("/system_stats")).json()["devices"][0]["type"] == "cuda"
