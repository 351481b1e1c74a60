"""The model catalog: read from the fake's /object_info and /models/<folder>; both combo formats parsed."""

from __future__ import annotations

from comfyui_service.probe import build_catalog, parse_object_info, runpod_catalog
from storyboard.comfyui.v1 import comfyui_service_pb2 as api
from storyboard.comfyui.v1.comfyui_service_pb2_grpc import ComfyUIServiceStub

from tests.comfyui.conftest import register, register_online
from tests.conftest import channel_to, run_service
from tests.fakes.comfyui import FakeComfyUI

MODELS = {
    "checkpoints": ["sub/ponyDiffusionV6XL.safetensors", "flux1-krea-dev.safetensors",
                    "v1-5-pruned-emaonly.ckpt", "notes.txt"],
    "loras": ["style/ink.safetensors", "detail.safetensors"],
    "vae": ["sdxl_vae.safetensors"],
    "vae_approx": ["taesd_encoder.pth", "taesd_decoder.pth"],
    "diffusion_models": ["wan2.2_t2v_high_noise.safetensors"],
    "text_encoders": ["umt5_xxl_fp8_e4m3fn_scaled.safetensors", "clip_l.safetensors"],
    "upscale_models": ["4x-UltraSharp.pth"],
    "clip_vision": ["clip_vision_h.safetensors"],
    "controlnet": ["canny.safetensors"],
}


async def server_info(stub, server_id: str) -> api.ServerInfo:
    return (await stub.GetServerInfo(api.GetServerInfoRequest(server_id=server_id, refresh=True))).server_info


async def test_catalog_lists_every_model_folder_sorted_with_detected_types(comfyui, stub):
    async with FakeComfyUI(models=MODELS) as fake:
        server = await register(stub, fake.url)
        result = await server_info(stub, server.id)
    assert [(m.name, m.model_type) for m in result.models] == [
        ("flux1-krea-dev.safetensors", "flux_krea"),
        ("sub/ponyDiffusionV6XL.safetensors", "pony"),
        ("v1-5-pruned-emaonly.ckpt", "sd15"),
    ]  # notes.txt is not a model file, so ComfyUI does not list it
    assert [lora.name for lora in result.loras] == ["detail.safetensors", "style/ink.safetensors"]
    assert list(result.vaes) == ["sdxl_vae.safetensors"]  # pixel_space and taesd are not files in vae/
    assert list(result.diffusion_models) == ["wan2.2_t2v_high_noise.safetensors"]
    assert list(result.text_encoders) == ["clip_l.safetensors", "umt5_xxl_fp8_e4m3fn_scaled.safetensors"]
    assert list(result.upscale_models) == ["4x-UltraSharp.pth"]
    assert {"euler", "euler_ancestral", "dpmpp_2m", "ddim"} <= set(result.samplers)
    assert {"simple", "karras", "normal"} <= set(result.schedulers)
    assert {"KSampler", "SaveImage", "CheckpointLoaderSimple", "UpscaleModelLoader"} <= set(
        result.node_classes)
    assert list(result.node_classes) == sorted(result.node_classes, key=lambda n: (n.lower(), n))
    assert result.catalog_update_time.seconds > 0


async def test_refresh_picks_up_new_models_and_missing_node_classes(comfyui, stub, fake):
    server = await register_online(comfyui, stub, fake.url)
    fake.add_models("loras", ["fresh.safetensors"])
    fake.remove_node_classes(["UpscaleModelLoader"])
    result = await server_info(stub, server.id)
    assert "fresh.safetensors" in [lora.name for lora in result.loras]
    assert "UpscaleModelLoader" not in result.node_classes
    assert list(result.upscale_models) == ["fake-2x-upscaler.pth"]  # still read from /models/upscale_models


async def test_catalog_falls_back_to_object_info_when_models_route_fails(comfyui, stub, fake):
    fake.add_http_fault(r"/models/.*", status=500)
    server = await register(stub, fake.url)
    result = await server_info(stub, server.id)
    assert [m.name for m in result.models] == ["fake-sd15.safetensors", "fake-sdxl.safetensors"]
    assert list(result.upscale_models) == ["fake-2x-upscaler.pth"]  # from the V3 combo of UpscaleModelLoader


async def test_catalog_survives_a_service_restart(data_dir, fake):
    async with run_service("comfyui", data_dir) as comfyui, channel_to(comfyui.address) as channel:
        server = await register(ComfyUIServiceStub(channel), fake.url)
        await server_info(ComfyUIServiceStub(channel), server.id)
    await fake.go_offline("refuse")
    async with run_service("comfyui", data_dir) as comfyui, channel_to(comfyui.address) as channel:
        reply = await ComfyUIServiceStub(channel).GetServerInfo(api.GetServerInfoRequest(server_id=server.id))
    assert reply.server_info.is_online is False
    assert [m.name for m in reply.server_info.models] == ["fake-sd15.safetensors", "fake-sdxl.safetensors"]


# --- parsing, on hand-written /object_info entries ---

def v1(options, **opts):
    return [options, opts] if opts else [options]


def v3(options):
    return ["COMBO", {"multiselect": False, "options": options}]


def node(required, **extra):
    return {"input": {"required": required, "optional": {}}, **extra}


def test_parser_reads_both_combo_formats_and_every_stock_loader():
    info = {
        "CheckpointLoaderSimple": node({"ckpt_name": v1(["a.safetensors"], tooltip="t")}),
        "ImageOnlyCheckpointLoader": node({"ckpt_name": v1(["svd.safetensors"])}),
        "LoraLoaderModelOnly": node({"lora_name": v1(["l.safetensors"]), "strength_model": ["FLOAT", {}]}),
        "VAELoader": node({"vae_name": v1(["v.safetensors", "pixel_space", "taesd", "taef1"])}),
        "UNETLoader": node({"unet_name": v1(["u.safetensors"]), "weight_dtype": v1(["default", "fp8"])}),
        "DualCLIPLoader": node({"clip_name1": v1(["c1.safetensors"]), "clip_name2": v1(["c2.safetensors"]),
                                "type": v1(["flux"])}),
        "QuadrupleCLIPLoader": node({f"clip_name{i}": v3([f"q{i}.safetensors"]) for i in range(1, 5)}),
        "UpscaleModelLoader": node({"model_name": v3(["up.pth"])}),
        "CLIPVisionLoader": node({"clip_name": v1(["vision.safetensors"])}),
        "KSamplerAdvanced": node({"sampler_name": v1(["euler"]), "scheduler": v1(["karras"])}),
    }
    catalog = build_catalog(parse_object_info(info), {}, 1.0)
    assert catalog.checkpoints == ("a.safetensors", "svd.safetensors")
    assert catalog.loras == ("l.safetensors",)
    assert catalog.vaes == ("v.safetensors",)
    assert catalog.diffusion_models == ("u.safetensors",)
    assert catalog.text_encoders == ("c1.safetensors", "c2.safetensors", "q1.safetensors", "q2.safetensors",
                                     "q3.safetensors", "q4.safetensors")  # CLIP vision is not a text encoder
    assert catalog.upscale_models == ("up.pth",)
    assert (catalog.samplers, catalog.schedulers) == (("euler",), ("karras",))
    assert len(catalog.node_classes) == len(info)


def test_parser_uses_name_patterns_for_custom_loaders_and_skips_api_nodes():
    info = {
        "UnetLoaderGGUF": node({"unet_name": v1(["flux-q4.gguf"])}),
        "CLIPLoaderGGUF": node({"clip_name": v1(["t5-q8.gguf"]), "type": v1(["flux"])}),
        "SomeUpscaleLoader": node({"upscale_model_name": v1(["x.pth"])}),
        "FancyModelLoader": node({"model_name": v1(["remote-thing"])}),
        "OpenAIImageNode": node({"model_name": v3(["gpt-image-1"])}, api_node=True),
        "CheckpointSave": node({"ckpt_name": v1(["ignored.safetensors"])}),  # not a loader
    }
    catalog = build_catalog(parse_object_info(info), {}, 1.0)
    assert catalog.diffusion_models == ("flux-q4.gguf",)
    assert catalog.text_encoders == ("t5-q8.gguf",)
    assert catalog.upscale_models == ("x.pth",)
    assert catalog.checkpoints == ()


def test_parser_tolerates_malformed_answers():
    assert parse_object_info(["not", "a", "dict"])["node_classes"] == []
    odd = {"CheckpointLoaderSimple": {"input": "nope"},
           "LoraLoader": node({"lora_name": v1([1, None, "ok.pt"])}), "VAELoader": None}
    catalog = build_catalog(parse_object_info(odd), {"checkpoints": None, "loras": ["ok.pt", "b.pt"]}, 1.0)
    assert catalog.loras == ("b.pt", "ok.pt")
    assert catalog.node_classes == ("CheckpointLoaderSimple", "LoraLoader", "VAELoader")


def test_runpod_catalog_is_what_settings_declare_for_the_endpoint():
    configured = {"ep-video": {"diffusion_models": ["wan.safetensors"]},
                  "*": {"checkpoints": ["sdxl.safetensors"]}}
    assert runpod_catalog(configured, "ep-video", 1.0).diffusion_models == ("wan.safetensors",)
    assert runpod_catalog(configured, "ep-video", 1.0).checkpoints == ()
    assert runpod_catalog(configured, "other", 1.0).checkpoints == ("sdxl.safetensors",)
    assert runpod_catalog({}, "other", 1.0).checkpoints == ()
