"""python -m projects_service"""

from storyboard_common.rpc.runner import main

from projects_service.config import Settings
from projects_service.server import serve

if __name__ == "__main__":
    main("projects", Settings, serve)
