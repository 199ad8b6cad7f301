"""The one error of the diagram package."""

from __future__ import annotations


class RenderError(Exception):
    """A diagram that cannot be made. The message is one line for the user."""
