"""Renderers: an `Outline` in, text out. One module per format; the dicts map format names
to functions so the CLI picks one by name: TEXT_RENDERERS for `show`, EXPORTERS (with file
suffixes, and whether the output is bytes) for `export`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..model import Outline
from .json import render_json
from .markdown import render_markdown
from .text import render_text

if TYPE_CHECKING:
    from .dot import render_dot
    from .freemind import render_freemind
    from .mermaid import render_mermaid
    from .opml import render_opml
    from .slides import render_pptx
    from .word import render_docx
    from .xmind import render_xmind

# The export formats' modules, imported when first used: `show` needs none of them, and
# together they cost a tenth of its start-up.
_LAZY = {
    "render_dot": "dot",
    "render_freemind": "freemind",
    "render_mermaid": "mermaid",
    "render_opml": "opml",
    "render_pptx": "slides",
    "render_docx": "word",
    "render_xmind": "xmind",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)


TEXT_RENDERERS: dict[str, Callable[..., str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "text": render_text,
}


@dataclass(frozen=True, slots=True)
class Exporter:
    function: str  # the renderer's name in this package: (outline, *, depth, body) -> str or bytes
    suffixes: tuple[str, ...]  # the first is the one to suggest
    binary: bool = False
    notes: bool = True  # the format can hold body text as notes (--body)

    @property
    def render(self) -> Callable[..., Any]:
        return globals().get(self.function) or __getattr__(self.function)


EXPORTERS: dict[str, Exporter] = {
    "opml": Exporter("render_opml", (".opml",)),
    "freemind": Exporter("render_freemind", (".mm",)),
    "xmind": Exporter("render_xmind", (".xmind",), binary=True),
    "markdown": Exporter("render_markdown", (".md", ".markdown")),
    "mermaid": Exporter("render_mermaid", (".mmd", ".mermaid"), notes=False),
    "dot": Exporter("render_dot", (".dot", ".gv")),
    "json": Exporter("render_json", (".json",)),
    "text": Exporter("render_text", (".txt",)),
    # Office files: the body goes in as text paragraphs (Word) or speaker notes (slides).
    "docx": Exporter("render_docx", (".docx",), binary=True),
    "pptx": Exporter("render_pptx", (".pptx",), binary=True),
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
