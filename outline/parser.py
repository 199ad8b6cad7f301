"""The facade: text → `Outline`. Stages live in their own modules:

source (bytes → text) → lines (markup off) → noise → paragraphs → markers (grammar) →
front (title, TOC, closers) → tree (levels) → Outline.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from .front import find_front, is_address, is_back_matter, is_closing, is_part_title, sums_up, toc_heading
from .lines import LineKind, split_lines
from .markers import MarkerHit, match_marker, scan_paragraph
from .model import Appendix, Family, Marker, Outline, TocEntry
from .noise import mark_noise
from .paragraphs import build_paragraphs
from .readers import read_document
from .tree import Event, build_tree


def _starts_with_marker(text: str) -> bool:
    """Whether a line opens with a marker, for the noise rules (which spare outline lines).
    A bare number and a space (`37 来源：… 浏览次数`) is how page counters look too: no shield."""
    found = match_marker(text)
    return found is not None and not (found[0].family is Family.ARABIC and not found[0].punct)


def _leading_marker(text: str) -> Marker | None:
    found = match_marker(text)
    return found[0] if found else None


@contextmanager
def _cyclic_gc_paused():
    """The parse allocates many small acyclic objects; the cyclic collector would scan them
    again and again for nothing (about a quarter of the time on a 10 MB input)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_text(text: str, *, source: str | None = None, encoding: str = "utf-8") -> Outline:
    """Recover the outline of a decoded document."""
    with _cyclic_gc_paused():
        return _parse(text, source, encoding)


def _parse(text: str, source: str | None, encoding: str) -> Outline:
    text = text.removeprefix("\ufeff")
    lines, meta = split_lines(text)
    mark_noise(lines, _starts_with_marker)
    paragraphs = build_paragraphs(lines, _leading_marker)
    hits = [scan_paragraph(p.text) for p in paragraphs]
    front = find_front(paragraphs, hits, meta)
    toc = set(front.toc)
    events: list[Event] = []
    last_body = None
    body = [p for p in paragraphs[front.body_start :] if p.index not in toc]
    next_hits: list[list[MarkerHit]] = [[] for _ in body]  # the markers of the next paragraph that has any
    upcoming: list[MarkerHit] = []
    for k in range(len(body) - 1, -1, -1):
        next_hits[k] = upcoming
        if hits[body[k].index]:
            upcoming = hits[body[k].index]
    back: list[int] = []  # where back matter starts (附件, 名词解释), one index an appendix
    for k, p in enumerate(body):
        if events and is_back_matter(p.text):
            back = [j for j in range(k, len(body)) if is_back_matter(body[j].text)]
            break
        address = is_address(p.text)
        closes = not address and is_part_title(p, hits[p.index], next_hits[k])
        events.append(
            Event(
                p,
                hits[p.index],
                closes_all=closes,
                addresses_audience=address,
                sums_up=not address and not closes and sums_up(p.text),
            )
        )
        last_body = p
    nodes, parts = build_tree(events)
    appendix = tuple(
        Appendix(
            body[start].text,
            body[start].first_line,
            build_tree([Event(p, hits[p.index]) for p in body[start + 1 : end]])[0],
        )
        for start, end in zip(back, [*back[1:], len(body)], strict=False)
    )
    closing = next(
        (e.paragraph for e in reversed(events[-3:]) if not e.hits and is_closing(e.paragraph.text)), None
    )
    toc_entries = tuple(
        TocEntry(hit.marker, toc_heading(hit, paragraphs[i].text), paragraphs[i].first_line)
        for i in front.toc
        for hit in hits[i][:1]
    )
    first_body = events[0].paragraph.first_line if events else None
    return Outline(
        title=front.title,
        subtitle=front.subtitle,
        salutation=front.salutation,
        closing=closing.text if closing else None,
        closing_line=closing.first_line if closing else None,
        nodes=nodes,
        toc=toc_entries,
        title_line=front.title_line,
        body_lines=(first_body, last_body.last_line) if first_body and last_body else None,
        noise_lines=tuple(line.number for line in lines if line.kind is LineKind.NOISE),
        encoding=encoding,
        source=source,
        line_count=len(lines),
        tail=last_body.text[-40:] if last_body else "",
        meta=dict(meta),
        parts=parts,
        appendix=appendix,
    )


def parse_file(path: str | Path) -> Outline:
    """Read, decode and parse a file ("-" reads standard input): text, markdown, HTML or
    Word .docx (see `outline.readers`). Raises InputError."""
    document = read_document(path)
    outline = parse_text(document.text, source=document.name, encoding=document.encoding)
    outline.meta.update(document.meta)
    return outline
