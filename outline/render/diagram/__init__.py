"""Structure diagrams: an outline drawn as a picture (PNG, SVG or PDF), one module per job.

- `fonts`: which font files draw the text (the packaged Noto Sans SC first, no tofu ever);
- `wrapping`: CJK labels broken by their measured width, with Chinese line-breaking rules;
- `compose`: the scene — items picked, labels wrapped, boxes placed by `outline.layout`,
  links routed, the figure sized or fitted to a page — in points, nothing drawn yet;
- `themes`: the colours of `render --theme` (default, mono, red);
- `draw`: the scene drawn with matplotlib and saved atomically (SVG with real text).

matplotlib is imported inside the functions, so importing this package is cheap.
"""

from __future__ import annotations

from .compose import FOLD_ABOVE, LAYOUTS, PAGES, Diagram, Style, build, fit, scene
from .draw import (
    FORMATS,
    LEVEL_COLOURS,
    LINK_COLOUR,
    MAX_PIXELS,
    MAX_PIXELS_SIDE,
    METADATA,
    MUTED_COLOUR,
    ROOT_COLOURS,
    TEXT_COLOUR,
    Rendered,
    draw_tree,
    figure,
    fit_page,
    output_format,
    render,
    save,
    save_figure,
)
from .errors import RenderError
from .fonts import (
    coverage,
    families_of,
    font_chain,
    packaged_font,
    register_font,
    system_cjk_fonts,
    uncovered,
)
from .themes import THEMES, Paint, Theme
from .wrapping import NO_LINE_END, NO_LINE_START, Measure, clip_sentence, wrap

__all__ = [
    "FOLD_ABOVE",
    "FORMATS",
    "LAYOUTS",
    "LEVEL_COLOURS",
    "LINK_COLOUR",
    "MAX_PIXELS",
    "MAX_PIXELS_SIDE",
    "METADATA",
    "MUTED_COLOUR",
    "NO_LINE_END",
    "NO_LINE_START",
    "PAGES",
    "ROOT_COLOURS",
    "TEXT_COLOUR",
    "THEMES",
    "Diagram",
    "Measure",
    "Paint",
    "RenderError",
    "Rendered",
    "Style",
    "Theme",
    "build",
    "clip_sentence",
    "coverage",
    "draw_tree",
    "families_of",
    "figure",
    "fit",
    "fit_page",
    "font_chain",
    "output_format",
    "packaged_font",
    "register_font",
    "render",
    "save",
    "save_figure",
    "scene",
    "system_cjk_fonts",
    "uncovered",
    "wrap",
]
