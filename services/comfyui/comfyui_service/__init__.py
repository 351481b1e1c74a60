"""The comfyui service."""
