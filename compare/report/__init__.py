"""Report pages of comparisons (`tigang report A B`, `tigang report A B C…`,
`tigang corpus report`): self-contained HTML built on the outline page's shell
(`tigang.outline.render.html`)."""

from __future__ import annotations

from .corpus_page import render_corpus_html
from .diff_page import render_diff_html
from .skeleton_page import render_skeleton_html

__all__ = ["render_corpus_html", "render_diff_html", "render_skeleton_html"]
