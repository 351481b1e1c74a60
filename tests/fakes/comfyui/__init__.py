"""A protocol-faithful fake ComfyUI 0.3.64 server for tests (see /work/shared/spec/comfyui-protocol.md).

In-process:  `async with FakeComfyUI() as fake: ...`   Subprocess: `python -m tests.fakes.comfyui --port 0`
(or `FakeComfyUIProcess`), driven through `RemoteControl` / the `/_fake/` admin routes.
"""

from .models import DEFAULT_MODELS
from .observe import EmittedEvent, RecordedRequest
from .process import FakeComfyUIProcess
from .remote import RemoteControl
from .server import FakeComfyUI

__all__ = [
    "DEFAULT_MODELS",
    "EmittedEvent",
    "FakeComfyUI",
    "FakeComfyUIProcess",
    "RecordedRequest",
    "RemoteControl",
]
