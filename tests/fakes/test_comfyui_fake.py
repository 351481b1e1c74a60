"""Contract tests for the fake ComfyUI server, over real HTTP (httpx) and WebSocket (websockets).

Every workflow in tests/fakes/comfyui/workflows (a copy of spec/workflows) runs and is checked against what
the workflows README states for a real ComfyUI 0.3.64. Assertions use filename patterns, not counters.
Nothing sleeps to synchronise: tests wait on WebSocket messages and server events, with timeouts.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import struct
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from PIL import Image

from tests.fakes.comfyui import FakeComfyUI, FakeComfyUIProcess

WORKFLOWS = Path(__file__).parent / "comfyui" / "workflows"
TIMEOUT = 10.0
CYAN, GREEN, BLUE, YELLOW = (0, 255, 255), (0, 255, 0), (0, 0, 255), (255, 255, 0)


def workflow(name: str) -> dict:
    return json.loads((WORKFLOWS / f"{name}.json").read_text())


def filename_pattern(prefix: str, extension: str) -> re.Pattern:
    return re.compile(rf"^{prefix}_\d{{5}}_\.{extension}$")


class Socket:
    """A ComfyUI WebSocket client that queues every frame; `closed_with` holds the close code."""

    def __init__(self, connection: websockets.ClientConnection) -> None:
        self.connection = connection
        self.frames: asyncio.Queue[Any] = asyncio.Queue()
        self.closed_with: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def connect(cls, fake: FakeComfyUI, client_id: str, preview_metadata: bool = False) -> Socket:
        socket = cls(await websockets.connect(f"{fake.ws_url}?clientId={client_id}"))
        hello = await socket.next()
        assert hello["type"] == "status" and hello["data"]["sid"] == client_id
        assert set(hello["data"]["status"]["exec_info"]) == {"queue_remaining"}
        if preview_metadata:
            await socket.connection.send(
                json.dumps({"type": "feature_flags", "data": {"supports_preview_metadata": True}})
            )
            answer = await socket.next()
            assert answer["type"] == "feature_flags" and answer["data"]["supports_preview_metadata"] is True
        return socket

    async def _read(self) -> None:
        try:
            async for frame in self.connection:
                await self.frames.put(json.loads(frame) if isinstance(frame, str) else frame)
        except websockets.ConnectionClosed:
            pass
        self.closed_with.set_result(self.connection.close_code)

    async def next(self) -> Any:
        return await asyncio.wait_for(self.frames.get(), TIMEOUT)

    async def until(self, predicate) -> list[Any]:
        """Frames up to and including the first that matches."""
        seen = []
        while True:
            frame = await self.next()
            seen.append(frame)
            if isinstance(frame, dict) and predicate(frame):
                return seen

    async def run_to_end(self, prompt_id: str) -> list[Any]:
        """Frames until this prompt's terminal `executing {"node": null}`."""
        return await self.until(
            lambda m: (
                m["type"] == "executing"
                and m["data"]["node"] is None
                and m["data"].get("prompt_id") == prompt_id
            )
        )

    async def close(self) -> None:
        await self.connection.close()
        await self._reader


def of_type(frames: list[Any], event_type: str) -> list[dict]:
    return [f for f in frames if isinstance(f, dict) and f["type"] == event_type]


def executing_nodes(frames: list[Any]) -> list[str]:
    return [f["data"]["node"] for f in of_type(frames, "executing") if f["data"]["node"] is not None]


@pytest.fixture
async def fake():
    async with FakeComfyUI() as server:
        yield server


@pytest.fixture
async def http(fake):
    async with httpx.AsyncClient(base_url=fake.url, timeout=TIMEOUT) as client:
        yield client


@pytest.fixture
async def socket(fake):
    connected = await Socket.connect(fake, "sb-test")
    yield connected
    await connected.close()


async def submit(http: httpx.AsyncClient, prompt: dict, client_id: str = "sb-test", **extra: Any) -> str:
    prompt_id = extra.pop("prompt_id", None) or f"attempt-{uuid.uuid4()}"
    response = await http.post(
        "/prompt", json={"prompt": prompt, "client_id": client_id, "prompt_id": prompt_id, **extra}
    )
    assert response.status_code == 200, response.text
    assert response.json()["prompt_id"] == prompt_id
    return prompt_id


async def run(http: httpx.AsyncClient, socket: Socket, prompt: dict) -> tuple[str, list[Any], dict]:
    """Submit, follow the socket to the terminal message, return (prompt_id, frames, history entry)."""
    prompt_id = await submit(http, prompt)
    frames = await socket.run_to_end(prompt_id)
    history = (await http.get(f"/history/{prompt_id}")).json()
    return prompt_id, frames, history[prompt_id]


async def fetch(http: httpx.AsyncClient, entry: dict) -> httpx.Response:
    response = await http.get("/view", params=entry)
    assert response.status_code == 200
    return response


def png_of(response: httpx.Response) -> Image.Image:
    assert response.headers["content-type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


# --- successful workflows ---------------------------------------------------------------------------


async def test_image_solid_gives_reference_sequence_and_a_cyan_png(fake, http, socket):
    prompt_id, frames, entry = await run(http, socket, workflow("image_solid"))

    types = [f["type"] for f in frames]
    assert types[:4] == ["status", "status", "execution_start", "execution_cached"]
    assert types[-3:] == ["execution_success", "status", "executing"]
    assert executing_nodes(frames) == ["1", "2", "3", "4", "5"]
    [executed] = of_type(frames, "executed")
    assert executed["data"]["node"] == "5" and executed["data"]["prompt_id"] == prompt_id
    assert of_type(frames, "execution_cached")[0]["data"]["nodes"] == []
    final_state = of_type(frames, "progress_state")[-1]["data"]["nodes"]
    assert {n: s["state"] for n, s in final_state.items()} == dict.fromkeys("12345", "finished")

    output = entry["outputs"]["5"]
    assert output == executed["data"]["output"]
    assert set(output) == {"images"}  # no "animated" key for still images
    [image_entry] = output["images"]
    assert filename_pattern("image_solid", "png").match(image_entry["filename"])
    assert (image_entry["subfolder"], image_entry["type"]) == ("storyboard_test", "output")
    assert entry["status"]["status_str"] == "success" and entry["status"]["completed"] is True
    assert [m[0] for m in entry["status"]["messages"]] == [
        "execution_start",
        "execution_cached",
        "execution_success",
    ]
    assert entry["prompt"][:2] == [0, prompt_id] and entry["prompt"][3] == {"client_id": "sb-test"}
    assert entry["prompt"][4] == ["5"]
    assert entry["meta"]["5"] == {
        "node_id": "5",
        "display_node": "5",
        "parent_node": None,
        "real_node_id": "5",
    }

    view = await fetch(http, image_entry)
    assert view.headers["content-disposition"] == f'filename="{image_entry["filename"]}"'
    image = png_of(view)
    assert image.size == (128, 128)
    assert image.convert("RGB").getpixel((64, 64)) == CYAN
    assert json.loads(image.text["prompt"])["5"]["class_type"] == "SaveImage"


async def test_image_batch_writes_one_green_png_per_batch_item(http, socket):
    _, _, entry = await run(http, socket, workflow("image_batch"))

    images = entry["outputs"]["2"]["images"]
    assert len(images) == 3
    assert len({i["filename"] for i in images}) == 3
    for image_entry in images:
        assert filename_pattern("image_batch", "png").match(image_entry["filename"])
        image = png_of(await fetch(http, image_entry))
        assert image.size == (64, 64) and image.convert("RGB").getpixel((0, 0)) == GREEN


async def test_image_two_outputs_run_in_output_first_order_not_id_order(http, socket):
    _, frames, entry = await run(http, socket, workflow("image_two_outputs"))

    assert executing_nodes(frames) == ["1", "3", "2", "4"]
    assert [f["data"]["node"] for f in of_type(frames, "executed")] == ["3", "4"]
    [blue], [yellow] = entry["outputs"]["3"]["images"], entry["outputs"]["4"]["images"]
    assert filename_pattern("two_outputs_a", "png").match(blue["filename"])
    assert filename_pattern("two_outputs_b", "png").match(yellow["filename"])
    assert png_of(await fetch(http, blue)).convert("RGB").getpixel((1, 1)) == BLUE
    assert png_of(await fetch(http, yellow)).convert("RGB").getpixel((1, 1)) == YELLOW


async def test_animated_webp_merges_identical_frames(http, socket):
    _, frames, entry = await run(http, socket, workflow("animated_webp"))

    assert executing_nodes(frames) == ["2", "1", "3", "4"]
    output = entry["outputs"]["4"]
    assert output["animated"] == [True]
    [webp] = output["images"]
    assert filename_pattern("animated_webp", "webp").match(webp["filename"])
    view = await fetch(http, webp)
    assert view.headers["content-type"] == "image/webp"
    image = Image.open(io.BytesIO(view.content))
    assert image.format == "WEBP" and image.size == (128, 128) and image.n_frames == 2


@pytest.mark.parametrize(
    ("name", "node", "extension", "content_type", "magic_ok"),
    [
        ("video_mp4", "5", "mp4", "video/mp4", lambda data: data[4:8] == b"ftyp"),
        ("video_webm", "4", "webm", "video/webm", lambda data: data[:4] == bytes.fromhex("1A45DFA3")),
    ],
)
async def test_video_outputs_are_listed_under_images(
    http, socket, name, node, extension, content_type, magic_ok
):
    _, _, entry = await run(http, socket, workflow(name))

    output = entry["outputs"][node]
    assert output["animated"] == [True]
    [video] = output["images"]
    assert filename_pattern(name, extension).match(video["filename"])
    view = await fetch(http, video)
    assert view.headers["content-type"] == content_type
    assert magic_ok(view.content)


async def test_slow_blur_writes_two_large_pngs(http, socket):
    _, frames, entry = await run(http, socket, workflow("slow_blur"))

    assert executing_nodes(frames) == ["1", "2", "3", "4", "5"]
    images = entry["outputs"]["5"]["images"]
    assert len(images) == 2
    assert png_of(await fetch(http, images[1])).size == (1024, 1024)


async def test_text_output_reports_text_not_files(http, socket):
    _, frames, entry = await run(http, socket, workflow("text_output"))

    assert entry["outputs"] == {"2": {"text": ["storyboard"]}}
    assert of_type(frames, "executed")[0]["data"]["output"] == {"text": ["storyboard"]}


async def test_progress_ws_images_sends_progress_with_legacy_binary_frames(http, socket):
    prompt_id, frames, entry = await run(http, socket, workflow("progress_ws_images"))

    assert entry["outputs"] == {}
    assert of_type(frames, "executed") == []
    progress = [(i, f) for i, f in enumerate(frames) if isinstance(f, dict) and f["type"] == "progress"]
    assert [f["data"] for _, f in progress] == [
        {"value": v, "max": 3, "prompt_id": prompt_id, "node": "2"} for v in (0, 1, 2)
    ]
    for index, _ in progress:
        frame = frames[index + 1]  # the legacy image frame follows its progress text
        assert struct.unpack(">II", frame[:8]) == (1, 2)
        assert Image.open(io.BytesIO(frame[8:])).size == (64, 64)


async def test_progress_ws_images_sends_metadata_frames_before_progress_when_negotiated(fake, http):
    socket = await Socket.connect(fake, "sb-meta", preview_metadata=True)
    prompt_id = await submit(http, workflow("progress_ws_images"), client_id="sb-meta")
    frames = await socket.run_to_end(prompt_id)
    await socket.close()

    binary_positions = [i for i, f in enumerate(frames) if isinstance(f, bytes)]
    assert len(binary_positions) == 3
    for position in binary_positions:
        event, length = struct.unpack(">II", frames[position][:8])
        metadata = json.loads(frames[position][8 : 8 + length])
        assert event == 4
        assert metadata == {
            "node_id": "2",
            "prompt_id": prompt_id,
            "display_node_id": "2",
            "parent_node_id": None,
            "real_node_id": "2",
            "image_type": "image/png",
        }
        assert frames[position + 1]["type"] == "progress"


# --- validation -------------------------------------------------------------------------------------


async def test_partial_invalid_is_accepted_with_node_errors_and_runs_the_valid_output(http, socket):
    prompt_id = f"attempt-{uuid.uuid4()}"
    response = await http.post(
        "/prompt",
        json={"prompt": workflow("partial_invalid"), "client_id": "sb-test", "prompt_id": prompt_id},
    )

    assert response.status_code == 200
    assert response.json()["node_errors"] == {
        "3": {
            "errors": [
                {
                    "type": "required_input_missing",
                    "message": "Required input is missing",
                    "details": "filename_prefix",
                    "extra_info": {"input_name": "filename_prefix"},
                }
            ],
            "dependent_outputs": ["3"],
            "class_type": "SaveImage",
        }
    }
    frames = await socket.run_to_end(prompt_id)
    assert "3" not in executing_nodes(frames)
    entry = (await http.get(f"/history/{prompt_id}")).json()[prompt_id]
    assert list(entry["outputs"]) == ["2"]
    assert filename_pattern("partial_ok", "png").match(entry["outputs"]["2"]["images"][0]["filename"])


async def test_missing_input_is_rejected_and_nothing_is_queued(http):
    response = await http.post(
        "/prompt", json={"prompt": workflow("invalid_missing_input"), "client_id": "x"}
    )

    assert response.status_code == 400
    body = response.json()
    assert body["error"] == {
        "type": "prompt_outputs_failed_validation",
        "message": "Prompt outputs failed validation",
        "details": "",
        "extra_info": {},
    }
    assert body["node_errors"] == {
        "1": {
            "errors": [
                {
                    "type": "required_input_missing",
                    "message": "Required input is missing",
                    "details": "color",
                    "extra_info": {"input_name": "color"},
                }
            ],
            "dependent_outputs": ["2"],
            "class_type": "EmptyImage",
        }
    }
    assert (await http.get("/queue")).json() == {"queue_running": [], "queue_pending": []}


async def test_unknown_node_class_is_an_invalid_prompt(http):
    response = await http.post("/api/prompt", json={"prompt": workflow("invalid_unknown_node")})

    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "type": "invalid_prompt",
            "message": "Cannot execute because node StoryboardNoSuchNode does not exist.",
            "details": "Node ID '#2'",
            "extra_info": {},
        },
        "node_errors": {},
    }


async def test_missing_model_is_value_not_in_list_until_the_server_has_it(fake, http):
    rejected = await http.post("/prompt", json={"prompt": workflow("invalid_missing_model")})

    assert rejected.status_code == 400
    assert rejected.json()["error"]["type"] == "prompt_outputs_failed_validation"
    node_error = rejected.json()["node_errors"]["1"]
    assert node_error["class_type"] == "CheckpointLoaderSimple"
    [error] = node_error["errors"]
    assert error["type"] == "value_not_in_list"
    assert error["details"].startswith("ckpt_name: 'storyboard-test-missing.safetensors' not in [")
    assert error["extra_info"]["input_name"] == "ckpt_name"

    fake.add_models("checkpoints", ["storyboard-test-missing.safetensors"])
    accepted = await http.post("/prompt", json={"prompt": workflow("invalid_missing_model")})
    assert accepted.status_code == 200 and accepted.json()["node_errors"] == {}


async def test_min_max_and_combo_errors_use_the_real_error_types(http):
    prompt = workflow("image_solid")
    prompt["1"]["inputs"]["width"] = 0
    prompt["2"]["inputs"]["blur_radius"] = 99
    prompt["4"]["inputs"]["upscale_method"] = "foo"
    errors = (await http.post("/prompt", json={"prompt": prompt})).json()["node_errors"]

    assert errors["1"]["errors"][0]["type"] == "value_smaller_than_min"
    assert errors["1"]["errors"][0]["extra_info"]["received_value"] == 0
    assert errors["2"]["errors"][0]["type"] == "value_bigger_than_max"
    assert errors["4"]["errors"][0]["type"] == "value_not_in_list"
    assert errors["4"]["errors"][0]["details"].startswith("upscale_method: 'foo' not in ['nearest-exact'")


async def test_number_counts_rejected_posts_and_front_jumps_the_queue(fake, http):
    fake.set_latency(5.0, class_type="ImageBlur")  # keeps the first prompt running
    for _ in range(2):
        assert (
            await http.post("/prompt", json={"prompt": workflow("invalid_unknown_node")})
        ).status_code == 400
    slow = await http.post("/prompt", json={"prompt": workflow("slow_blur"), "client_id": "nobody"})
    normal = await http.post("/prompt", json={"prompt": workflow("image_batch")})
    front = await http.post("/prompt", json={"prompt": workflow("image_batch"), "front": True})
    explicit = await http.post("/prompt", json={"prompt": workflow("image_batch"), "number": -1000})

    assert [r.json()["number"] for r in (slow, normal, front)] == [2, 3, -4]
    assert explicit.json()["number"] == -1000.0
    await fake.wait_for_event("executing", node="2", prompt_id=slow.json()["prompt_id"])
    queue = (await http.get("/queue")).json()
    assert [item[1] for item in queue["queue_running"]] == [slow.json()["prompt_id"]]
    pending_order = [item[1] for item in sorted(queue["queue_pending"], key=lambda item: item[0])]
    assert pending_order == [
        explicit.json()["prompt_id"],
        front.json()["prompt_id"],
        normal.json()["prompt_id"],
    ]


async def test_non_json_body_gets_the_servers_plain_text_500(http):
    response = await http.post("/prompt", content=b"not json")

    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "500 Internal Server Error\n\nServer got itself in trouble"


# --- cache --------------------------------------------------------------------------------------------


async def test_identical_resubmission_is_fully_cached_and_reports_old_files(fake, http, socket):
    _, _, first = await run(http, socket, workflow("image_solid"))
    files_before = sorted(p.name for p in (fake.output_dir / "storyboard_test").iterdir())
    _, frames, second = await run(http, socket, workflow("image_solid"))

    assert of_type(frames, "execution_cached")[0]["data"]["nodes"] == ["1", "2", "3", "4", "5"]
    assert executing_nodes(frames) == []
    assert second["outputs"] == first["outputs"]
    assert sorted(p.name for p in (fake.output_dir / "storyboard_test").iterdir()) == files_before


async def test_new_filename_prefix_reruns_only_the_save_node(http, socket):
    await run(http, socket, workflow("image_solid"))
    prompt = workflow("image_solid")
    prompt["5"]["inputs"]["filename_prefix"] = "storyboard_test/attempt-2"
    _, frames, entry = await run(http, socket, prompt)

    assert of_type(frames, "execution_cached")[0]["data"]["nodes"] == ["1", "2", "3", "4"]
    assert executing_nodes(frames) == ["5"]
    assert filename_pattern("attempt-2", "png").match(entry["outputs"]["5"]["images"][0]["filename"])


# --- failures -----------------------------------------------------------------------------------------


async def test_runtime_error_reports_execution_error_every_time(http, socket):
    for _ in range(2):
        prompt_id, frames, entry = await run(http, socket, workflow("runtime_error"))

        [error] = of_type(frames, "execution_error")
        data = error["data"]
        assert (data["prompt_id"], data["node_id"], data["node_type"]) == (prompt_id, "3", "ImageYUVToRGB")
        assert data["exception_type"] == "RuntimeError"
        assert data["exception_message"].startswith("Sizes of tensors must match")
        assert data["exception_message"].endswith("\n")
        assert set(data["current_outputs"]) == {"1", "2", "3", "4"}
        assert set(data["current_inputs"]) == {"Y", "U", "V"}
        assert of_type(frames, "execution_success") == []
        assert [f["type"] for f in frames[-3:]] == ["execution_error", "status", "executing"]
        assert entry["status"]["status_str"] == "error" and entry["status"]["completed"] is False
        assert entry["status"]["messages"][-1][0] == "execution_error"
        assert entry["outputs"] == {}
    assert executing_nodes(frames) == ["3"]  # 1 and 2 came from cache the second time


async def test_runtime_error_first_run_names_executed_upstream_nodes(http, socket):
    _, frames, _ = await run(http, socket, workflow("runtime_error"))

    assert set(of_type(frames, "execution_error")[0]["data"]["executed"]) == {"1", "2"}


async def test_injected_out_of_memory_error_at_a_step_keeps_finished_outputs(fake, http, socket):
    prompt = workflow("image_two_outputs")
    fake.set_progress(4, class_type="ImageInvert")
    fake.inject_error(
        node_id="2",
        exception_type="torch.OutOfMemoryError",
        message="Allocation on device",
        at_step=1,
        times=1,
    )
    _, frames, entry = await run(http, socket, prompt)

    [error] = of_type(frames, "execution_error")
    assert error["data"]["exception_type"] == "torch.OutOfMemoryError"
    assert error["data"]["exception_message"].startswith("Allocation on device\nThis error means you ran out")
    assert [f["data"]["value"] for f in of_type(frames, "progress")] == [0, 1]
    assert list(entry["outputs"]) == ["3"]  # finished before the error


async def test_forced_rejection_answers_once_and_uses_up_a_number(fake, http):
    fake.reject_next_prompt(node_errors={"9": {"errors": [], "dependent_outputs": ["9"], "class_type": "X"}})
    rejected = await http.post("/prompt", json={"prompt": workflow("image_batch")})
    accepted = await http.post("/prompt", json={"prompt": workflow("image_batch")})

    assert rejected.status_code == 400 and rejected.json()["node_errors"]["9"]["class_type"] == "X"
    assert accepted.status_code == 200 and accepted.json()["number"] == 1


async def test_absent_node_class_is_rejected_and_missing_from_object_info(fake, http):
    fake.remove_node_classes(["SaveVideo"])
    response = await http.post("/prompt", json={"prompt": workflow("video_mp4")})

    assert response.json()["error"]["type"] == "invalid_prompt"
    assert (await http.get("/object_info/SaveVideo")).json() == {}


# --- queue, interrupt, routing ------------------------------------------------------------------------


async def test_interrupt_during_second_blur_names_the_third(fake, http, socket):
    fake.set_latency(0.3, class_type="ImageBlur")
    prompt_id = await submit(http, workflow("slow_blur"))
    await socket.until(lambda m: m["type"] == "executing" and m["data"]["node"] == "3")
    assert (await http.post("/interrupt", json={"prompt_id": prompt_id})).status_code == 200
    frames = await socket.run_to_end(prompt_id)

    [interrupted] = of_type(frames, "execution_interrupted")
    assert interrupted["data"]["node_id"] == "4" and interrupted["data"]["node_type"] == "ImageBlur"
    assert set(interrupted["data"]["executed"]) == {"1", "2", "3"}
    assert executing_nodes(frames) == ["4"]  # node 4's executing went out before the check
    entry = (await http.get(f"/history/{prompt_id}")).json()[prompt_id]
    assert entry["status"]["status_str"] == "error" and entry["status"]["completed"] is False
    assert entry["status"]["messages"][-1][0] == "execution_interrupted"


async def test_interrupt_for_a_pending_prompt_is_ignored(fake, http, socket):
    fake.set_latency(0.2, class_type="ImageBlur")
    running = await submit(http, workflow("slow_blur"))
    pending = await submit(http, workflow("image_batch"))
    await http.post("/interrupt", json={"prompt_id": pending})
    await socket.run_to_end(running)
    frames = await socket.run_to_end(pending)

    assert of_type(frames, "execution_interrupted") == []
    assert (await http.get(f"/history/{running}")).json()[running]["status"]["status_str"] == "success"


async def test_deleted_pending_prompt_never_runs(fake, http, socket):
    fake.set_latency(0.2, class_type="ImageBlur")
    running = await submit(http, workflow("slow_blur"))
    doomed = await submit(http, workflow("image_batch"))
    assert (await http.get(f"/history/{doomed}")).json() == {}  # queued: not in history yet

    assert (await http.post("/queue", json={"delete": [doomed]})).status_code == 200
    assert [item[1] for item in (await http.get("/queue")).json()["queue_pending"]] == []
    await socket.run_to_end(running)
    await fake.wait_idle()
    history = (await http.get("/history")).json()
    assert list(history) == [running]
    assert doomed not in {e.data.get("prompt_id") for e in fake.events if isinstance(e.data, dict)}


async def test_events_go_only_to_the_submitting_client_and_status_to_all(fake, http):
    alice, bob = await Socket.connect(fake, "alice"), await Socket.connect(fake, "bob")
    alice_prompt = await submit(http, workflow("image_batch"), client_id="alice")
    alice_frames = await alice.run_to_end(alice_prompt)
    bob_prompt = await submit(http, workflow("text_output"), client_id="bob")
    bob_frames = await bob.run_to_end(bob_prompt)
    await alice.close()
    await bob.close()

    def prompt_ids(frames):
        return {f["data"].get("prompt_id") for f in frames if f["type"] not in ("status", "feature_flags")}

    assert prompt_ids(alice_frames) == {alice_prompt}
    assert prompt_ids(bob_frames) == {bob_prompt}
    # bob saw alice's queue changes (status is broadcast) before his own prompt's events.
    assert len(of_type(bob_frames, "status")) >= 4


async def test_prompt_without_client_id_broadcasts_only_progress_state(fake, http, socket):
    response = await http.post("/prompt", json={"prompt": workflow("image_batch")})
    prompt_id = response.json()["prompt_id"]
    await fake.wait_idle()
    await socket.until(
        lambda m: m["type"] == "status" and m["data"]["status"]["exec_info"]["queue_remaining"] == 0
    )
    frames = []
    while not socket.frames.empty():
        frames.append(socket.frames.get_nowait())

    assert {e.type for e in fake.events if e.sid is None} >= {"progress_state", "status"}
    assert (await http.get(f"/history/{prompt_id}")).json()[prompt_id]["status"]["completed"] is True
    assert not [f for f in frames if f["type"] in ("execution_start", "executing", "executed")]


async def test_reconnect_mid_run_gets_executing_without_prompt_id(fake, http, socket):
    fake.set_latency(0.3, class_type="ImageBlur")
    prompt_id = await submit(http, workflow("slow_blur"))
    await socket.until(lambda m: m["type"] == "executing" and m["data"]["node"] == "2")
    await socket.close()
    again = await Socket.connect(fake, "sb-test")
    assert (await again.next()) == {"type": "executing", "data": {"node": "2"}}
    await again.run_to_end(prompt_id)
    await again.close()


async def test_dropped_sockets_close_with_1006(fake, socket):
    assert fake.drop_websockets("sb-test") == 1
    assert await asyncio.wait_for(socket.closed_with, TIMEOUT) == 1006


def test_sockets_are_never_pinged_or_closed_when_idle(fake):
    """The real server (aiohttp, heartbeat off) sends no pings, so a client with a blocked loop is never dropped."""
    config = fake._listener._server.config
    assert (config.ws_ping_interval, config.ws_ping_timeout) == (None, None)


async def test_stalled_sockets_stay_open_but_receive_nothing(fake, http, socket):
    fake.stall_websockets()
    prompt_id = await submit(http, workflow("image_batch"))
    await fake.wait_idle()

    assert socket.frames.empty() and not socket.closed_with.done()
    assert prompt_id in (await http.get(f"/history/{prompt_id}")).json()  # polling still finds the result
    fake.stall_websockets(False)
    frames = await socket.run_to_end(await submit(http, workflow("text_output")))
    assert of_type(frames, "execution_success")


async def test_refused_websocket_handshake_and_the_api_prefixed_socket(fake):
    fake.refuse_websockets()
    with pytest.raises(websockets.InvalidStatus) as refused:
        await websockets.connect(f"{fake.ws_url}?clientId=late")
    assert refused.value.response.status_code == 403

    fake.refuse_websockets(False)
    async with websockets.connect(f"{fake.url.replace('http', 'ws')}/api/ws?clientId=api") as connection:
        assert json.loads(await asyncio.wait_for(connection.recv(), TIMEOUT))["data"]["sid"] == "api"


async def test_hanging_route_answers_only_after_the_fault_is_cleared(fake, http):
    fake.add_http_fault("/queue", method="GET", hang=True, times=1)
    with pytest.raises(httpx.ReadTimeout):
        await http.get("/queue", timeout=0.2)
    fake.clear_http_faults()
    assert (await http.get("/queue")).status_code == 200


# --- restart and outages ------------------------------------------------------------------------------


async def test_restart_forgets_queue_history_numbers_and_sockets_but_keeps_files(fake, http, socket):
    _, _, finished = await run(http, socket, workflow("image_batch"))
    fake.set_latency(5.0, class_type="ImageBlur")
    running = await submit(http, workflow("slow_blur"))
    await fake.wait_for_event("executing", node="2", prompt_id=running)

    await fake.restart()

    assert await asyncio.wait_for(socket.closed_with, TIMEOUT) == 1006
    async with httpx.AsyncClient(base_url=fake.url, timeout=TIMEOUT) as client:
        assert (await client.get("/queue")).json() == {"queue_running": [], "queue_pending": []}
        assert (await client.get(f"/history/{running}")).json() == {}
        assert (await client.get("/history")).json() == {}
        fake.set_latency(0.0, class_type="ImageBlur")
        again = await Socket.connect(fake, "sb-test")
        prompt_id = await submit(client, workflow("image_batch"), client_id="sb-test")
        frames = await again.run_to_end(prompt_id)
        await again.close()
        entry = (await client.get(f"/history/{prompt_id}")).json()[prompt_id]
    assert entry["prompt"][0] == 0  # number restarts at 0
    assert executing_nodes(frames) == ["1", "2"]  # the cache is gone too
    old_names = {i["filename"] for i in finished["outputs"]["2"]["images"]}
    new_names = {i["filename"] for i in entry["outputs"]["2"]["images"]}
    assert old_names.isdisjoint(new_names)  # counters continue from the files on disk
    assert all((fake.output_dir / "storyboard_test" / name).exists() for name in old_names)


async def test_crash_refuses_connections_until_back_online(fake, http):
    await fake.crash()
    with pytest.raises(httpx.ConnectError):
        await http.get("/system_stats")
    await fake.go_online()
    assert (await http.get("/system_stats")).status_code == 200


async def test_offline_503_and_http_faults(fake, http):
    await fake.go_offline("503")
    assert (await http.get("/queue")).status_code == 503
    await fake.go_online()
    fake.add_http_fault("/history.*", status=500, times=1)
    assert (await http.get("/history")).status_code == 500
    assert (await http.get("/api/history")).status_code == 200
    fake.add_http_fault("/queue", reset=True, times=1)
    with pytest.raises(httpx.TransportError):
        await http.get("/queue")


async def test_late_history_leaves_a_gap_after_execution_success(fake, http, socket):
    fake.set_history_delay(0.5)
    prompt_id = await submit(http, workflow("image_batch"))
    await socket.until(lambda m: m["type"] == "execution_success")

    assert (await http.get(f"/history/{prompt_id}")).json() == {}
    await socket.run_to_end(prompt_id)
    assert prompt_id in (await http.get(f"/history/{prompt_id}")).json()


async def test_history_pages_newest_last_and_any_client_can_delete_it(http, socket):
    first, _, _ = await run(http, socket, workflow("image_batch"))
    second, _, _ = await run(http, socket, workflow("text_output"))

    assert list((await http.get("/history")).json()) == [first, second]
    assert list((await http.get("/history", params={"max_items": 1})).json()) == [second]
    assert list((await http.get("/history", params={"max_items": 1, "offset": 0})).json()) == [first]
    assert (await http.post("/history", json={"delete": [first]})).status_code == 200
    assert (await http.get(f"/history/{first}")).json() == {}
    assert (await http.post("/history", json={"clear": True})).status_code == 200
    assert (await http.get("/history")).json() == {}


# --- catalogue, files, harness ------------------------------------------------------------------------


async def test_object_info_lists_models_in_loader_inputs_in_both_combo_formats(fake, http):
    fake.set_models("checkpoints", ["b.safetensors", "sub/a.ckpt", "skip.gguf"])
    fake.add_models("unet", ["flux.safetensors"])
    fake.set_models("upscale_models", ["4x.pth"])
    info = (await http.get("/object_info")).json()

    assert info["CheckpointLoaderSimple"]["input"]["required"]["ckpt_name"] == [
        ["b.safetensors", "sub/a.ckpt"],
        {"tooltip": "The name of the checkpoint (model) to load."},
    ]
    assert "flux.safetensors" in info["UNETLoader"]["input"]["required"]["unet_name"][0]
    combo = info["UpscaleModelLoader"]["input"]["required"]["model_name"]
    assert combo[0] == "COMBO" and combo[1]["options"] == ["4x.pth"]
    assert {"api_node", "deprecated", "experimental", "output_tooltips"} <= set(info["UpscaleModelLoader"])
    assert info["VAELoader"]["input"]["required"]["vae_name"][0][-1] == "pixel_space"
    assert info["SaveImage"]["output_node"] is True
    assert (await http.get("/models/checkpoints")).json() == ["b.safetensors", "sub/a.ckpt"]
    assert (await http.get("/models/unet")).status_code == 404
    assert "diffusion_models" in (await http.get("/models")).json()
    assert (await http.get("/api/object_info/KSampler")).json()["KSampler"]["name"] == "KSampler"
    assert (await http.get("/object_info/NoSuchNode")).json() == {}


async def test_system_stats_reports_configured_vram(fake, http):
    fake.set_system_stats(vram_total=8_000_000_000, vram_free=1_000_000_000)
    stats = (await http.get("/system_stats")).json()

    assert stats["system"]["comfyui_version"] == "0.3.64"
    assert stats["devices"][0]["vram_total"] == 8_000_000_000
    assert stats["devices"][0]["vram_free"] == 1_000_000_000


async def test_upload_image_dedupes_renames_and_feeds_load_image(fake, http, socket):
    png = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 20, 30)).save(png, format="PNG")
    other = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 0, 0)).save(other, format="PNG")

    async def upload(data: bytes, **fields: str) -> httpx.Response:
        return await http.post(
            "/upload/image",
            files={"image": ("face.png", data, "image/png")},
            data={"subfolder": "storyboard", **fields},
        )

    first = await upload(png.getvalue())
    assert first.json() == {"name": "face.png", "subfolder": "storyboard", "type": "input"}
    assert (await upload(png.getvalue())).json()["name"] == "face.png"
    assert (await upload(other.getvalue())).json()["name"] == "face (1).png"
    assert (await upload(other.getvalue(), overwrite="true")).json()["name"] == "face.png"
    assert (await http.post("/upload/image", data={"subfolder": "x"})).status_code == 400

    prompt = {
        "1": {"class_type": "LoadImage", "inputs": {"image": "storyboard/face.png"}},
        "2": {
            "class_type": "SaveImage",
            "inputs": {"images": ["1", 0], "filename_prefix": "storyboard_test/load"},
        },
    }
    _, _, entry = await run(http, socket, prompt)
    image = png_of(await fetch(http, entry["outputs"]["2"]["images"][0]))
    assert image.convert("RGB").getpixel((0, 0)) == (200, 0, 0)
    missing = dict(prompt, **{"1": {"class_type": "LoadImage", "inputs": {"image": "nope.png"}}})
    [error] = (await http.post("/prompt", json={"prompt": missing})).json()["node_errors"]["1"]["errors"]
    assert (error["type"], error["details"]) == (
        "custom_validation_failed",
        "image - Invalid image file: nope.png",
    )


async def test_view_errors(http):
    assert (await http.get("/view", params={"filename": "nothing.png"})).status_code == 404
    assert (await http.get("/view")).status_code == 404
    assert (await http.get("/view", params={"filename": "../x.png"})).status_code == 400
    assert (await http.get("/view", params={"filename": "x.png", "type": "bogus"})).status_code == 400
    assert (await http.get("/view", params={"filename": "x.png", "subfolder": "../.."})).status_code == 403


async def test_requests_are_recorded_with_headers(fake, http):
    await http.get("/system_stats", headers={"Authorization": "Bearer token"})

    [recorded] = [r for r in fake.requests if r.path == "/system_stats"]
    assert recorded.headers["authorization"] == "Bearer token"


async def test_two_fakes_run_side_by_side():
    async with FakeComfyUI() as first, FakeComfyUI(models={}) as second:
        assert first.port != second.port
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            a = await client.post(f"{first.url}/prompt", json={"prompt": workflow("image_batch")})
            b = await client.post(f"{second.url}/prompt", json={"prompt": workflow("invalid_missing_model")})
            await first.wait_idle()
            assert a.json()["number"] == 0 and b.status_code == 400
            assert list((await client.get(f"{first.url}/history")).json()) == [a.json()["prompt_id"]]
            assert (await client.get(f"{second.url}/history")).json() == {}
            assert (await client.get(f"{second.url}/models/checkpoints")).json() == []


async def test_subprocess_mode_is_driven_through_the_admin_route():
    async with (
        FakeComfyUIProcess() as server,
        httpx.AsyncClient(base_url=server.url, timeout=TIMEOUT) as client,
    ):
        await server.control.set_system_stats(vram_free=123)
        assert (await client.get("/system_stats")).json()["devices"][0]["vram_free"] == 123
        accepted = await client.post("/prompt", json={"prompt": workflow("image_batch")})
        assert accepted.json()["number"] == 0
        await server.control.restart()
        assert (await client.get("/history")).json() == {}
        assert (await client.post("/prompt", json={"prompt": workflow("image_batch")})).json()["number"] == 0
