"""Renderers: an `Outline` in, text out. One module per format; the dict maps format names
to functions so the CLI (and later `export`) picks one by name."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Outline
from .json import render_json
from .markdown import render_markdown
from .text import render_text

TEXT_RENDERERS: dict[str, Callable[..., str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "text": render_text,
}

__all__ = ["TEXT_RENDERERS", "Outline", "render_json", "render_markdown", "render_text"]
