"""Self-contained HTML report pages (`tigang report`): the outline page here, and the shell
and pieces the comparison, skeleton and corpus pages of `tigang.compare.report` share."""

from __future__ import annotations

from .outline_page import render_outline_html
from .page import esc, json_block, page

__all__ = ["esc", "json_block", "page", "render_outline_html"]
