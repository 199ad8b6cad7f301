"""Cutting an item's text: its heading (from the marker to the first 。！？； or the end of its
line), its body, and the column of its marker on the raw line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import COLONS, HEADING_STOPS, MARKUP_SHIFT, SENTENCE_ENDS, TRAILING
from ..markers import MarkerHit
from ..model import Placement
from ..paragraphs import Paragraph

if TYPE_CHECKING:  # placement imports this module; the type is for annotations only
    from .placement import Draft

_HEADING_STOP = re.compile(f"[{re.escape(HEADING_STOPS)}]")
_COLONS = tuple(COLONS)  # for str.endswith


def is_sentence_item(paragraph: Paragraph, hit: MarkerHit) -> bool:
    """The item is a sentence of a list (its first sentence ends with 。！？；), not a heading."""
    start = hit.offset + hit.length
    end = paragraph.line_end(start) if start < len(paragraph.text) else start
    return bool(_HEADING_STOP.search(paragraph.text, start, end))


def ends_sentence(paragraph: Paragraph, hit: MarkerHit) -> bool:
    """The item's first sentence ends with 。！？ (the last item of a ；-separated list)."""
    start = hit.offset + hit.length
    stop = _HEADING_STOP.search(
        paragraph.text, start, paragraph.line_end(start) if start < len(paragraph.text) else start
    )
    return stop is not None and stop.group() in SENTENCE_ENDS


def heading_and_body(draft: Draft) -> tuple[str, str, int, str, bool]:
    """Heading: from the marker to the first 。！？； or the end of the marker's line. Body: the
    rest of the item's own text, children excluded. Also the item's last line."""
    paragraph, hit = draft.paragraph, draft.hit
    text = paragraph.text
    start = hit.offset + hit.length
    end = draft.next_offset
    line_end = paragraph.line_end(start) if start < len(text) else len(text)
    if hit.placement is Placement.LEAD:
        end = min(end, line_end)  # a heading line: its line ends it
    stop = _HEADING_STOP.search(text, start, end)
    heading_end = stop.start() if stop else end
    terminator = stop.group() if stop else ""
    if not stop and text[start:heading_end].rstrip().endswith(_COLONS):
        terminator = "："  # a lead-in (…充分说明：) introducing what follows
    after = heading_end + len(terminator)
    bare = draft.next_offset >= line_end and not text[after:line_end].strip()
    parts = [text[heading_end : draft.next_offset].lstrip(HEADING_STOPS)]
    parts.extend(p.text[a:b] for p, a, b in draft.spans)
    last_paragraph, last_end = (
        (draft.spans[-1][0], draft.spans[-1][2]) if draft.spans else (paragraph, draft.next_offset)
    )
    end_line = (
        last_paragraph.line_at(max(0, last_end - 1)).number if last_paragraph.text else paragraph.first_line
    )
    return heading_text(text[start:heading_end]), "".join(parts).strip(), end_line, terminator, bare


def heading_text(raw: str) -> str:
    # Punctuation the marker leaves behind (第一章 ：总则) is not part of the heading either.
    return raw.strip().strip(TRAILING).strip()


def column(raw: str, marker_text: str, offset_in_clean: int) -> int:
    """1-based column of the marker on its raw line. Cleaning only deletes (markup, leading
    white space), so the marker stands at or after its cleaned offset: searching from there
    finds this marker, not an earlier one written the same (一是…；二是…；二是…)."""
    found = raw.find(marker_text, offset_in_clean)
    if found < 0:
        found = raw.find(marker_text, max(0, offset_in_clean - MARKUP_SHIFT))
    if found < 0:
        found = raw.find(marker_text)
    return (found if found >= 0 else offset_in_clean) + 1
