"""Model-type detection order and the preset table (REST contract 3.6)."""

from __future__ import annotations

import grpc
import pytest
from comfyui_service.presets import MODEL_TYPES, detect_model_type
from storyboard.comfyui.v1 import comfyui_service_pb2 as api


@pytest.mark.parametrize(("name", "expected"), [
    # the contract's own examples
    ("ponyDiffusionV6XL", "pony"), ("illustriousXL", "illustrious"), ("flux1-krea-dev", "flux_krea"),
    ("v1-5-pruned-emaonly.ckpt", "sd15"),
    # one name per rule, in table order
    ("FLUX1-KREA-dev.safetensors", "flux_krea"), ("flux1-dev-fp8.safetensors", "flux_dev"),
    ("ponyRealism.safetensors", "pony"), ("Illustrious-XL-v1.0.safetensors", "illustrious"),
    ("wan2.2_t2v_high_noise_14B.safetensors", "wan_2_2"), ("wan2_2_i2v.safetensors", "wan_2_2"),
    ("wan22_fun.safetensors", "wan_2_2"), ("wan2.1_t2v_1.3B.safetensors", "wan_2_1"),
    ("ltx-video-2b-v0.9.safetensors", "ltx_video"), ("hunyuan_video_720.safetensors", "hunyuan_video"),
    ("hidream_i1_full.safetensors", "hidream"), ("qwen_image_edit_2509.safetensors", "qwen_edit"),
    ("qwen_image_fp8.safetensors", "qwen_image"), ("sd_xl_base_1.0.safetensors", "sdxl"),
    ("juggernautXL_v9.safetensors", "sdxl"), ("sd15_base.safetensors", "sd15"), ("SD_15-anime.ckpt", "sd15"),
    ("sd-15.ckpt", "sd15"), ("model-sd1.5.ckpt", "sd15"), ("dream-v1.5.ckpt", "sd15"),
    ("realistic-1.5.ckpt", "sd15"), ("dreamshaper_8.safetensors", "sdxl"), ("", "sdxl"),
    # folders are stripped before matching (a folder named "flux" does not make a flux model)
    ("flux/sd_xl_base_1.0.safetensors", "sdxl"), ("SD15\\ponyXL.safetensors", "pony"),
    # the older backend's mistakes stay fixed: xl after pony, dev after krea, 1.5 is not wan
    ("ponyDiffusionV6XL_dev.safetensors", "pony"), ("flux-krea-dev", "flux_krea"),
    ("v1-5-inpainting.ckpt", "sd15"),
])
def test_detection_follows_the_contract_order(name, expected):
    assert detect_model_type(name) == expected


FAST = {  # steps, cfg, size, sampler, scheduler, max_loras, fps, frames
    "flux_dev": (8, 2.0, 1024, "euler", "simple", 3, 24, 14),
    "flux_krea": (4, 1.0, 1024, "euler", "simple", 2, 24, 14),
    "sdxl": (15, 6.0, 1024, "dpmpp_2m", "karras", 5, 12, 14),
    "pony": (12, 6.5, 1024, "euler_ancestral", "normal", 4, 12, 14),
    "illustrious": (12, 6.0, 1024, "euler_ancestral", "normal", 4, 12, 14),
    "sd15": (20, 7.0, 512, "euler_ancestral", "normal", 5, 8, 16),
    "wan_2_1": (15, 7.0, 512, "ddim", "normal", 3, 24, 14),
    "wan_2_2": (8, 6.5, 768, "euler", "simple", 2, 24, 14),
    "ltx_video": (10, 2.5, 768, "euler", "simple", 0, 24, 41),
    "hunyuan_video": (15, 6.0, 512, "euler", "simple", 2, 24, 16),
    "hidream": (12, 5.0, 1024, "euler_ancestral", "karras", 3, 12, 14),
    "qwen_image": (10, 5.5, 1024, "euler_ancestral", "normal", 2, 12, 14),
    "qwen_edit": (8, 4.5, 1024, "euler", "simple", 0, 12, 14),
}
QUALITY = {  # steps, cfg, sampler, scheduler, frames
    "flux_dev": (28, 3.5, "euler", "simple", 25), "flux_krea": (8, 1.5, "euler", "simple", 25),
    "sdxl": (35, 7.5, "dpmpp_2m", "karras", 25), "pony": (28, 7.0, "dpmpp_2m", "karras", 25),
    "illustrious": (28, 7.0, "dpmpp_2m", "karras", 25), "sd15": (30, 7.5, "dpmpp_2m", "karras", 16),
    "wan_2_1": (25, 7.5, "ddim", "normal", 25), "wan_2_2": (20, 7.5, "dpmpp_2m", "karras", 25),
    "ltx_video": (20, 3.0, "dpmpp_2m", "karras", 81), "hunyuan_video": (30, 7.5, "euler", "simple", 32),
    "hidream": (25, 6.5, "dpmpp_2m", "karras", 25), "qwen_image": (20, 7.0, "dpmpp_2m", "karras", 25),
    "qwen_edit": (15, 6.0, "dpmpp_2m", "karras", 25),
}


@pytest.mark.parametrize("type_id", sorted(FAST))
def test_preset_table_matches_the_contract(type_id):
    t = MODEL_TYPES[type_id]
    f, q = t.fast, t.quality
    fast = (f.steps, f.cfg, f.width, f.sampler, f.scheduler, f.max_loras, f.video_fps, f.video_frames)
    assert fast == FAST[type_id]
    assert f.width == f.height
    assert (q.steps, q.cfg, q.sampler, q.scheduler, q.video_frames) == QUALITY[type_id]
    assert (q.width, q.height, q.video_fps, q.max_loras) == (f.width, f.height, f.video_fps, f.max_loras)


def test_extras_and_flags_per_type():
    types = MODEL_TYPES
    assert set(types) == set(FAST)
    assert [t for t in types if types[t].fast.supports_refiner] == ["sdxl"]
    assert sorted(t for t in types if not types[t].fast.supports_lora) == ["ltx_video", "qwen_edit"]
    for t in ("pony", "illustrious"):
        assert types[t].quality.extras == {"negative_prompt_default": "low quality, blurry, distorted"}
    assert types["wan_2_1"].fast.extras == {"requires_vae": "wan_2.1_vae.safetensors",
                                            "text_encoder": "clip_l.safetensors"}
    wan22 = types["wan_2_2"]
    assert wan22.fast.extras["lightning_lora"] == "wan2.2_i2v_lightx2v_4steps_lora_v1"
    assert "lightning_lora" not in wan22.quality.extras
    assert wan22.quality.extras["requires_high_noise_model"] is True
    assert wan22.quality.extras["text_encoder"] == "umt5_xxl_fp8_e4m3fn_scaled.safetensors"
    assert types["qwen_image"].fast.extras == {"specializes_in": "text_rendering"}
    assert types["qwen_edit"].fast.extras == {"specializes_in": "image_editing"}
    assert types["sd15"].generation_types == ("image", "video")
    assert [t.display_name for t in types.values()] == [
        "Flux Dev", "Flux Krea", "SDXL", "Pony", "Illustrious", "SD 1.5", "Wan 2.1", "Wan 2.2", "LTX Video",
        "Hunyuan Video", "HiDream", "Qwen Image", "Qwen Edit"]


async def test_list_model_types_is_sorted_by_id_and_pages(stub):
    reply = await stub.ListModelTypes(api.ListModelTypesRequest())
    assert [t.id for t in reply.model_types] == sorted(FAST)
    assert all(list(t.preset_names) == ["fast", "quality"] for t in reply.model_types)
    first = await stub.ListModelTypes(api.ListModelTypesRequest(page_size=5))
    token = first.next_page_token
    rest = await stub.ListModelTypes(api.ListModelTypesRequest(page_size=100, page_token=token))
    assert [t.id for t in [*first.model_types, *rest.model_types]] == sorted(FAST)


async def test_get_model_presets_detects_and_carries_extras(stub):
    name = "SDXL/ponyDiffusionV6XL.safetensors"
    reply = await stub.GetModelPresets(api.GetModelPresetsRequest(model_name=name))
    presets = reply.model_presets
    assert (presets.model_name, presets.model_type, presets.display_name) == (
        "SDXL/ponyDiffusionV6XL.safetensors", "pony", "Pony")
    assert list(presets.generation_types) == [api.GENERATION_TYPE_IMAGE]
    assert presets.fast.extras["negative_prompt_default"] == "low quality, blurry, distorted"
    assert presets.quality.steps == 28


async def test_get_model_presets_refuses_an_empty_name(stub):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetModelPresets(api.GetModelPresetsRequest(model_name=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
