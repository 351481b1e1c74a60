"""python -m media_service"""

from storyboard_common.rpc.runner import main

from media_service.config import Settings
from media_service.server import serve

if __name__ == "__main__":
    main("media", Settings, serve)
