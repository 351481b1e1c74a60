"""python -m comfyui_service"""

from storyboard_common.rpc.runner import main

from comfyui_service.config import Settings
from comfyui_service.server import serve

if __name__ == "__main__":
    main("comfyui", Settings, serve)
