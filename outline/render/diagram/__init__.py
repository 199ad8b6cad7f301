"""Structure diagrams: an outline drawn as a picture (PNG, SVG or PDF), one module per job.

- `fonts`: which font files draw the text (the packaged Noto Sans SC first, no tofu ever);
- `wrapping`: CJK labels broken by their measured width, with Chinese line-breaking rules;
- `scene`: labels wrapped, boxes placed by `outline.layout`, the figure sized — in points,
  nothing drawn yet;
- `draw`: the scene drawn with matplotlib and saved atomically.

matplotlib is imported inside the functions, so importing this package is cheap.
"""

from __future__ import annotations

from .draw import (
    FORMATS,
    LEVEL_COLOURS,
    LINK_COLOUR,
    MAX_PIXELS,
    MAX_PIXELS_SIDE,
    MUTED_COLOUR,
    ROOT_COLOURS,
    TEXT_COLOUR,
    Rendered,
    draw_tree,
    figure,
    output_format,
    render,
    save,
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
from .scene import LAYOUTS, Diagram, Style, build, scene
from .wrapping import NO_LINE_END, NO_LINE_START, Measure, wrap

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "LEVEL_COLOURS",
    "LINK_COLOUR",
    "MAX_PIXELS",
    "MAX_PIXELS_SIDE",
    "MUTED_COLOUR",
    "NO_LINE_END",
    "NO_LINE_START",
    "ROOT_COLOURS",
    "TEXT_COLOUR",
    "Diagram",
    "Measure",
    "RenderError",
    "Rendered",
    "Style",
    "build",
    "coverage",
    "draw_tree",
    "families_of",
    "figure",
    "font_chain",
    "output_format",
    "packaged_font",
    "register_font",
    "render",
    "save",
    "scene",
    "system_cjk_fonts",
    "uncovered",
    "wrap",
]
