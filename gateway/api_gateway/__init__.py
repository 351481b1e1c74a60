"""The Storyboard REST gateway."""

__version__ = "1.0.0"
