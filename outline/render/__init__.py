"""Renderers: an `Outline` in, text out. One module per format; the dicts map format names
to functions so the CLI picks one by name: TEXT_RENDERERS for `show`, EXPORTERS (with file
suffixes, and whether the output is bytes) for `export`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Outline
from .dot import render_dot
from .freemind import render_freemind
from .json import render_json
from .markdown import render_markdown
from .mermaid import render_mermaid
from .opml import render_opml
from .slides import render_pptx
from .text import render_text
from .word import render_docx
from .xmind import render_xmind

TEXT_RENDERERS: dict[str, Callable[..., str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "text": render_text,
}


@dataclass(frozen=True, slots=True)
class Exporter:
    render: Callable[..., Any]  # (outline, *, depth, body) -> str, or bytes when binary
    suffixes: tuple[str, ...]  # the first is the one to suggest
    binary: bool = False
    notes: bool = True  # the format can hold body text as notes (--body)


EXPORTERS: dict[str, Exporter] = {
    "opml": Exporter(render_opml, (".opml",)),
    "freemind": Exporter(render_freemind, (".mm",)),
    "xmind": Exporter(render_xmind, (".xmind",), binary=True),
    "markdown": Exporter(render_markdown, (".md", ".markdown")),
    "mermaid": Exporter(render_mermaid, (".mmd", ".mermaid"), notes=False),
    "dot": Exporter(render_dot, (".dot", ".gv")),
    "json": Exporter(render_json, (".json",)),
    "text": Exporter(render_text, (".txt",)),
    # Office files: the body goes in as text paragraphs (Word) or speaker notes (slides).
    "docx": Exporter(render_docx, (".docx",), binary=True),
    "pptx": Exporter(render_pptx, (".pptx",), binary=True),
}


def exporter_for_suffix(suffix: str) -> str | None:
    """The export format a file suffix names (".mm" → "freemind"), or None."""
    suffix = suffix.lower()
    return next((name for name, e in EXPORTERS.items() if suffix in e.suffixes), None)


__all__ = [
    "EXPORTERS",
    "TEXT_RENDERERS",
    "Exporter",
    "Outline",
    "exporter_for_suffix",
    "render_docx",
    "render_dot",
    "render_freemind",
    "render_json",
    "render_markdown",
    "render_mermaid",
    "render_opml",
    "render_pptx",
    "render_text",
    "render_xmind",
]
