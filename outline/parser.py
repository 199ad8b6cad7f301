"""The facade: text → `Outline`, as a named list of stages over one `ParseState`.

Reading a file (bytes → text) is `outline.readers` and `outline.source`; the parse is these
stages, run in order by `parse_text` (each a function of the state, in its own module):

1. ``lines`` — the text without its BOM, split into cleaned source lines (markup, YAML front
   matter, HTML comments, `<details>` blocks off) and the front-matter fields (`outline.lines`);
2. ``noise`` — advertising, web-page chrome and date stamps marked as noise (`outline.noise`);
3. ``paragraphs`` — text lines grouped into paragraphs, hard-wrapped lines joined
   (`outline.paragraphs`);
4. ``markers`` — every marker at a clause start of each paragraph, by the grammar
   (`outline.markers`);
5. ``front`` — title, subtitle, salutation, a leading table of contents, where the body
   starts (`outline.front`);
6. ``events`` — the body paragraphs as events for the tree (part titles, turns to the
   audience, summaries), up to the back matter (附件, 名词解释) (`outline.front`);
7. ``tree`` — the levels: the outline's nodes, and its parts (`outline.tree`);
8. ``appendix`` — each piece of back matter with its own small tree (`outline.tree`).

The `Outline` is then read off the state: the closing paragraph, the TOC entries, the body's
line span and tail.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .front import (
    Front,
    after_turn,
    closes_speech,
    find_front,
    is_address,
    is_attachment,
    is_back_matter,
    is_closing,
    is_part_title,
    marker_rank,
    reviews_before_list,
    speakers,
    sums_up,
    toc_heading,
)
from .lexicon import CLOSING_PARAGRAPHS, TAIL_CHARS
from .lines import LineKind, SourceLine, split_lines
from .markers import MarkerHit, match_marker, scan_paragraph
from .model import Appendix, Family, Marker, Node, Outline, Part, Placement, TocEntry
from .noise import is_metadata_line, mark_noise
from .paragraphs import Paragraph, build_paragraphs, split_run_on
from .readers import read_document
from .tree import Event, build_tree


@dataclass(slots=True)
class ParseState:
    """Everything the stages know about one document; each stage fills in its fields."""

    text: str
    source: str | None = None
    encoding: str = "utf-8"
    lines: list[SourceLine] = field(default_factory=list)  # lines
    meta: dict[str, str] = field(default_factory=dict)  # lines: YAML front-matter fields
    paragraphs: list[Paragraph] = field(default_factory=list)  # paragraphs
    hits: list[list[MarkerHit]] = field(default_factory=list)  # markers: one list a paragraph
    front: Front | None = None  # front
    body: list[Paragraph] = field(default_factory=list)  # events: the paragraphs after the front
    events: list[Event] = field(default_factory=list)  # events: the body up to the back matter
    back: list[int] = field(default_factory=list)  # events: where back matter starts, in `body`
    last_body: Paragraph | None = None  # events: the last paragraph of the speech proper
    nodes: tuple[Node, ...] = ()  # tree
    parts: tuple[Part, ...] = ()  # tree
    appendix: tuple[Appendix, ...] = ()  # appendix


@dataclass(frozen=True, slots=True)
class Stage:
    """One named step of the parse."""

    name: str
    run: Callable[[ParseState], None]


def _starts_with_marker(text: str) -> bool:
    """Whether a line opens with a marker, for the noise rules (which spare outline lines).
    A bare number and a space (`37 来源：… 浏览次数`) is how page counters look too: no shield."""
    found = match_marker(text)
    return found is not None and not (found[0].family is Family.ARABIC and not found[0].punct)


def _leading_marker(text: str) -> Marker | None:
    found = match_marker(text)
    return found[0] if found else None


def _lines(state: ParseState) -> None:
    state.text = state.text.removeprefix("\ufeff")
    state.lines, state.meta = split_lines(state.text)


def _noise(state: ParseState) -> None:
    mark_noise(state.lines, _starts_with_marker)


def _paragraphs(state: ParseState) -> None:
    state.paragraphs = split_run_on(build_paragraphs(state.lines, _leading_marker))


def _markers(state: ParseState) -> None:
    state.hits = [scan_paragraph(p.text) for p in state.paragraphs]


def _front(state: ParseState) -> None:
    metadata = [
        line.number for line in state.lines if line.kind is LineKind.NOISE and is_metadata_line(line.text)
    ]
    state.front = find_front(state.paragraphs, state.hits, state.meta, metadata)


def _events(state: ParseState) -> None:
    hits, front = state.hits, state.front
    assert front is not None  # the front stage ran
    toc = set(front.toc)
    events: list[Event] = []
    last_body = None
    body = [p for p in state.paragraphs[front.body_start :] if p.index not in toc]
    next_hits: list[list[MarkerHit]] = [[] for _ in body]  # the markers of the next paragraph that has any
    next_lead: list[MarkerHit | None] = [None] * len(body)  # the next paragraph-leading marker
    upcoming: list[MarkerHit] = []
    lead: MarkerHit | None = None
    for k in range(len(body) - 1, -1, -1):
        next_hits[k], next_lead[k] = upcoming, lead
        if hits[body[k].index]:
            upcoming = hits[body[k].index]
            if upcoming[0].offset == 0 and upcoming[0].placement is Placement.LEAD:
                lead = upcoming[0]
    back: list[int] = []  # where back matter starts (附件, 名词解释), one index an appendix
    styles_seen: dict[str, int] = {}  # marker styles met so far → rank of their family
    turns = speakers(body, front.title)
    numbered = False  # a marker met in the body so far
    heading_level = 0  # the markdown level (# count) of the last numbered markdown heading
    for k, p in enumerate(body):
        # A marker right after a speaker's name (任总：首先，…) opens the speaker's words: it leads
        # the paragraph, as if the name were not there.
        start = after_turn(p.text, turns)
        first = hits[p.index][0] if hits[p.index] else None
        if start and first and first.offset == start and first.placement is Placement.INLINE:
            hits[p.index] = [replace(first, placement=Placement.LEAD), *hits[p.index][1:]]
        # A 通知 with no numbered text of its own (现将…印发给你们) has its substance in the
        # attachments: they are the body, not an appendix.
        if events and is_back_matter(p.text) and (numbered or not is_attachment(p.text)):
            back = [j for j in range(k, len(body)) if is_back_matter(body[j].text)]
            break
        numbered = numbered or bool(hits[p.index])
        address = is_address(p.text)
        level = p.lines[0].heading_level
        # Under a numbered markdown heading (## 三、社会主义建设) only a heading as high, or a
        # bold line (**五年工作的基本经验**), closes it: a plain line or a deeper heading
        # (### 工业) titles a stretch inside the section.
        inside = heading_level and not (0 < level <= heading_level or (not level and p.emphasised))
        closes = (
            not address
            and not inside
            and is_part_title(p, hits[p.index], next_hits[k], styles_seen, next_lead[k], turns)
        )
        if level and hits[p.index] and hits[p.index][0].offset == 0:
            heading_level = level
        if hits[p.index]:
            styles_seen.update((h.marker.style, marker_rank(h.marker)) for h in hits[p.index])
        events.append(
            Event(
                p,
                hits[p.index],
                closes_all=closes,
                addresses_audience=address,
                sums_up=not address and not closes and sums_up(p.text),
                reviews=not address and not closes and reviews_before_list(p.text),
                closes_speech=not closes and closes_speech(p.text, address=address),
                turn=start > 0,
            )
        )
        last_body = p
    state.body, state.events, state.back, state.last_body = body, events, back, last_body


def _tree(state: ParseState) -> None:
    state.nodes, state.parts = build_tree(state.events)


def _appendix(state: ParseState) -> None:
    body, hits, back = state.body, state.hits, state.back
    state.appendix = tuple(
        Appendix(
            body[start].text,
            body[start].first_line,
            build_tree([Event(p, hits[p.index]) for p in body[start + 1 : end]])[0],
        )
        for start, end in zip(back, [*back[1:], len(body)], strict=False)
    )


STAGES: tuple[Stage, ...] = (
    Stage("lines", _lines),
    Stage("noise", _noise),
    Stage("paragraphs", _paragraphs),
    Stage("markers", _markers),
    Stage("front", _front),
    Stage("events", _events),
    Stage("tree", _tree),
    Stage("appendix", _appendix),
)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """The parse (and an alignment) allocates many small acyclic objects; the cyclic collector
    would scan them again and again for nothing (about a quarter of the time on a 10 MB input,
    a third of a 10,000-item diff). Cycles made meanwhile are collected after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_text(text: str, *, source: str | None = None, encoding: str = "utf-8") -> Outline:
    """Recover the outline of a decoded document."""
    with cyclic_gc_paused():
        state = ParseState(text, source, encoding)
        for stage in STAGES:
            stage.run(state)
        return _outline(state)


def _outline(state: ParseState) -> Outline:
    """The `Outline` the stages found: front matter, nodes, and where the speech ends."""
    front, events, last_body, paragraphs = state.front, state.events, state.last_body, state.paragraphs
    assert front is not None  # the front stage ran
    closing = next(
        (
            e.paragraph
            for e in reversed(events[-CLOSING_PARAGRAPHS:])
            if not e.hits and is_closing(e.paragraph.text)
        ),
        None,
    )
    toc_entries = tuple(
        TocEntry(hit.marker, toc_heading(hit, paragraphs[i].text), paragraphs[i].first_line)
        for i in front.toc
        for hit in state.hits[i][:1]
    )
    first_body = events[0].paragraph.first_line if events else None
    return Outline(
        title=front.title,
        subtitle=front.subtitle,
        salutation=front.salutation,
        closing=closing.text if closing else None,
        closing_line=closing.first_line if closing else None,
        nodes=state.nodes,
        toc=toc_entries,
        title_line=front.title_line,
        body_lines=(first_body, last_body.last_line) if first_body and last_body else None,
        noise_lines=tuple(line.number for line in state.lines if line.kind is LineKind.NOISE),
        encoding=state.encoding,
        source=state.source,
        line_count=len(state.lines),
        tail=last_body.text[-TAIL_CHARS:] if last_body else "",
        meta=dict(state.meta),
        parts=state.parts,
        appendix=state.appendix,
    )


def parse_file(path: str | Path) -> Outline:
    """Read, decode and parse a file ("-" reads standard input): text, markdown, HTML,
    Word .docx (and .doc/.wps through LibreOffice) or PDF (see `outline.readers`). Raises InputError."""
    document = read_document(path)
    outline = parse_text(document.text, source=document.name, encoding=document.encoding)
    if document.meta or document.pages is not None:
        meta = {**outline.meta, **document.meta}
        outline = replace(outline, meta=meta, pages=document.pages or outline.pages)
    return outline
