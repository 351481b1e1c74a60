"""python -m generation_service"""

from storyboard_common.rpc.runner import main

from generation_service.config import Settings
from generation_service.server import serve

if __name__ == "__main__":
    main("generation", Settings, serve)
