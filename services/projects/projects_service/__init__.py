"""The projects service."""
