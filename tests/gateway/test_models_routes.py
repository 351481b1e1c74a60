"""/models routes: model types, detection and presets (REST contract 1.2 and 3.6), on both mounts."""

from __future__ import annotations

PRESET_KEYS = {"steps", "cfg", "width", "height", "sampler", "scheduler", "max_loras", "video_fps",
               "video_frames", "supports_lora", "supports_refiner"}


async def test_model_types_lists_every_type_with_presets_and_generation_types(client, mount):
    r = await client.get(f"{mount}/models/types")
    supported = r.json()["supported_models"]
    assert r.status_code == 200
    assert len(supported) == 13
    assert supported["sdxl"] == {"presets": ["fast", "quality"], "display_name": "SDXL",
                                 "generation_types": ["image"]}
    assert supported["sd15"]["generation_types"] == ["image", "video"]
    assert supported["wan_2_2"] == {"presets": ["fast", "quality"], "display_name": "Wan 2.2",
                                    "generation_types": ["video"]}


async def test_defaults_accept_folders_in_the_name_and_return_the_fast_preset(client, mount):
    r = await client.get(f"{mount}/models/defaults/SDXL/ponyDiffusionV6XL.safetensors")
    assert r.status_code == 200
    assert r.json() == {"model_name": "SDXL/ponyDiffusionV6XL.safetensors", "detected_type": "pony",
                        "defaults": {
        "steps": 12, "cfg": 6.5, "width": 1024, "height": 1024, "sampler": "euler_ancestral",
        "scheduler": "normal",
        "max_loras": 4, "video_fps": 12, "video_frames": 14, "supports_lora": True, "supports_refiner": False,
        "negative_prompt_default": "low quality, blurry, distorted"}}


async def test_unknown_names_are_detected_as_sdxl_never_404(client, mount):
    r = await client.get(f"{mount}/models/defaults/totally-unknown-model.bin")
    assert r.status_code == 200
    assert r.json()["detected_type"] == "sdxl" and r.json()["defaults"]["supports_refiner"] is True


async def test_presets_return_fast_and_quality_objects(client, mount):
    r = await client.get(f"{mount}/models/presets/wan2.2_i2v_high_noise_14B.safetensors")
    body = r.json()
    assert r.status_code == 200
    assert (body["model_name"], body["model_type"]) == ("wan2.2_i2v_high_noise_14B.safetensors", "wan_2_2")
    fast, quality = body["presets"]["fast"], body["presets"]["quality"]
    assert PRESET_KEYS <= set(fast) and PRESET_KEYS <= set(quality)
    assert (fast["steps"], fast["cfg"], fast["width"], fast["video_fps"], fast["video_frames"]) == (
        8, 6.5, 768, 24, 14)
    assert fast["lightning_lora"] == "wan2.2_i2v_lightx2v_4steps_lora_v1" and "lightning_lora" not in quality
    assert (quality["steps"], quality["sampler"], quality["width"], quality["video_frames"]) == (
        20, "dpmpp_2m", 768, 25)
    assert quality["requires_low_noise_model"] is True
    assert isinstance(fast["video_fps"], int)  # 24, as the older backend wrote it


async def test_parameters_use_the_requested_preset_or_fall_back_to_fast(client, mount):
    quality = (await client.get(f"{mount}/models/parameters/ltx-video-2b.safetensors",
                                params={"preset": "quality"})).json()
    assert (quality["model_type"], quality["preset"]) == ("ltx_video", "quality")
    assert (quality["parameters"]["steps"], quality["parameters"]["video_frames"]) == (20, 81)
    assert quality["parameters"]["supports_lora"] is False
    for params in ({}, {"preset": "turbo"}):
        fast = (await client.get(f"{mount}/models/parameters/ltx-video-2b.safetensors", params=params)).json()
        assert fast["preset"] == "fast" and fast["parameters"]["steps"] == 10
