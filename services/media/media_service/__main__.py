"""python -m media_service"""

from storyboard_common.malloc_tuning import keep_chunk_memory
from storyboard_common.rpc.runner import main

from media_service.config import Settings
from media_service.server import serve

if __name__ == "__main__":
    keep_chunk_memory()  # files stream through in 1 MiB chunks
    main("media", Settings, serve)
