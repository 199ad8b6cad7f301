"""What to change: from a parsed outline and its text to `Edit`s, each resolving a lint code.

The fixer is built on the linter: it reads the same anomalies (`Node.anomalies`) and the same
majorities (`lint.rules.minority`) the rules report, so a fix can only touch what `check`
flags, and `check` after `fix` reports none of the fixed codes (tests/test_fix.py proves it).
Positions come from the parser: each node's `line`, `column` and `marker.text`.

- N101 skipped, N102 repeated, N103 restarted: the run is numbered
  on from its last good number (一、二、四、五 → 一、二、三、四), 一是…, 第一，… and 首先…再次
  runs included; 然后/最后 take their place from the run and are never rewritten.
- W201 punctuation, W203 width: a style follows the document's majority (（一） vs (一),
  `1.` vs `1、`), with the linter's own tie-breaking.
- Cross-references to renumbered items, where unambiguous: `第（三）项` inside the same item
  as the renumbered list, and `第十二条` anywhere in a law whose articles were renumbered
  (not after `》`: 《刑法》第十二条 cites another law).
- S302: a table of contents rewritten from the body (`plan_toc`, run once the body is fixed).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..lexicon import CONTINUOUS_STYLES
from ..lint.config import CheckConfig
from ..lint.rules import HALF_TO_FULL, RULES, Context, by_style, check_cut_off, minority
from ..markers import chinese_number
from ..model import AnomalyKind, Family, Node, Outline, Placement
from .markers import is_traditional, reads_back, renumbered, repunctuated, rewidened

# The lint code each numbering slip is reported under (outline.lint.rules).
ANOMALY_CODES = {
    AnomalyKind.SKIPPED: "N101",
    AnomalyKind.REPEATED: "N102",
    AnomalyKind.RESTARTED: "N103",
}
# Every code a fix resolves (the rules that say what their fix does); the rest (single child,
# empty section, headings …) need the writer. N104 (a run that starts at 二) is not among
# them: in real texts it means the first item is missing or the text is an excerpt (the 19th
# congress report from its part 二), and numbering the whole document down would be wrong.
FIXABLE = tuple(rule.code for rule in RULES if rule.fix)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] (which reads `old`) with `new`, resolving `code`."""

    start: int
    end: int
    old: str
    new: str
    code: str
    line: int  # 1-based line of `start`, for messages


class Lines:
    """Offsets of the lines of a text as the parser counts them (`str.splitlines()`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # The parser drops one leading BOM before it counts columns.
        self.base = 1 if text.startswith("\ufeff") else 0
        self.starts: list[int] = []
        self.ends: list[int] = []  # where each line's text ends (its line break not included)
        offset = self.base
        body = text[self.base :]
        for line, content in zip(body.splitlines(keepends=True), body.splitlines(), strict=True):
            self.starts.append(offset)
            self.ends.append(offset + len(content))
            offset += len(line)
        self.breaks = [text[end : (self.starts[i + 1] if i + 1 < len(self.starts) else len(text))]
                       for i, end in enumerate(self.ends)]  # fmt: skip

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def find(self, line: int, column: int, marker: str) -> int | None:
        """Offset of `marker` written at (line, column), or near it on that line."""
        if not 1 <= line <= len(self.starts):
            return None
        start, end = self.starts[line - 1], self.ends[line - 1]
        at = start + column - 1
        if self.text[at : at + len(marker)] == marker:
            return at
        found = self.text.find(marker, start, end)
        return found if found >= 0 else None


def _subtree_end(ctx: Context, node: Node) -> Node | None:
    """The first node after `node`'s subtree in document order."""
    nodes = ctx.nodes
    index = next(i for i, n in enumerate(nodes) if n is node)
    return next((n for n in nodes[index + 1 :] if n.level <= node.level), None)


class Planner:
    def __init__(self, outline: Outline, text: str, config: CheckConfig | None = None) -> None:
        self.config = config or CheckConfig()
        self.ctx = Context(outline, self.config)
        self.lines = Lines(text)
        self.text = text
        self.numbers: dict[int, tuple[int, str]] = {}  # id(node) → (new number, code)
        self.puncts: dict[int, str] = {}  # id(node) → the majority's punctuation (full-width form)
        self.widths: dict[int, bool] = {}  # id(node) → full width?
        self.traditional = {n.marker.style for n in self.ctx.nodes if is_traditional(n.marker)}

    # -------------------------------------------------------------- numbering

    def renumber(self) -> None:
        """Number each run on from its last good number, in the linter's order of siblings."""
        running: dict[str, tuple[int, int, str | None]] = {}  # articles count through a law
        for _, children in self.ctx.groups:
            last: dict[str, tuple[int, int, str | None]] = {}
            for child in children:
                marker = child.marker
                if marker.family is Family.ASPECT:
                    continue
                style = marker.style
                prev = last.get(style) or (running.get(style) if style in CONTINUOUS_STYLES else None)
                kinds = {a.kind for a in child.anomalies}
                old, new, cause = child.number, child.number, None
                slip = next(
                    (
                        k
                        for k in (AnomalyKind.SKIPPED, AnomalyKind.REPEATED, AnomalyKind.RESTARTED)
                        if k in kinds
                    ),
                    None,
                )
                if slip is AnomalyKind.RESTARTED and child.level == 1:
                    slip = None  # after a part title a new series starts: check is silent there too
                if slip is not None and prev is not None:
                    new, cause = prev[1] + 1, ANOMALY_CODES[slip]
                elif prev is not None and old == prev[0] + 1:
                    new, cause = prev[1] + 1, prev[2]  # shifted with the slip before it
                if cause is None or not self.config.enabled(cause):
                    new, cause = old, None
                last[style] = (old, new, cause)
                if style in CONTINUOUS_STYLES:
                    running[style] = last[style]
                # 然后 and 最后 have no number of their own: they follow the run.
                if new != old and not (marker.family is Family.SEQUENCE and marker.number == 0):
                    self.numbers[id(child)] = (new, cause)

    # -------------------------------------------------------------- style

    def restyle(self) -> None:
        for nodes in by_style(self.ctx).values():
            if self.config.enabled("W201"):
                for node, example in minority(nodes, lambda n: n.marker.punct.translate(HALF_TO_FULL)):
                    self.puncts[id(node)] = example.marker.punct.translate(HALF_TO_FULL)
            if self.config.enabled("W203"):
                for node, example in minority(nodes, lambda n: n.marker.full_width, prefer=True):
                    self.widths[id(node)] = example.marker.full_width

    def marker_edits(self) -> Iterator[Edit]:
        for node in self.ctx.nodes:
            key = id(node)
            if key not in self.numbers and key not in self.puncts and key not in self.widths:
                continue
            marker = node.marker
            number, code = self.numbers.get(key, (node.number, ""))
            codes = [code] if code else []
            text = marker.text
            if key in self.numbers:
                text = renumbered(marker, number, traditional=marker.style in self.traditional) or text
            if key in self.puncts:
                text = repunctuated(text, marker, self.puncts[key])
                codes.append("W201")
            width = self.widths.get(key, marker.full_width)
            if key in self.widths:
                codes.append("W203")
            if key in self.widths or key in self.puncts:
                text = rewidened(text, width)
            at = self.lines.find(node.line, node.column, marker.text)
            if at is None or text == marker.text:
                continue
            rest = self.text[at + len(marker.text) : self.lines.ends[node.line - 1]]
            expected = number if marker.number or marker.family is not Family.SEQUENCE else 0
            if not reads_back(text, rest, marker.family, expected):
                continue  # the rewrite would read as something else: leave it to the writer
            yield Edit(at, at + len(marker.text), marker.text, text, ",".join(codes), node.line)

    # -------------------------------------------------------------- cross-references

    def reference_edits(self, taken: list[Edit]) -> Iterator[Edit]:
        busy = [(e.start, e.end) for e in taken]

        def free(start: int, end: int) -> bool:
            return not any(a < end and start < b for a, b in busy)

        yield from self._item_references(free)
        yield from self._article_references(free)

    def _item_references(self, free) -> Iterator[Edit]:
        """`第（三）项` within the item whose list was renumbered (前款第（三）项, 本条第（三）项)."""
        for parent, children in self.ctx.groups:
            items = [c for c in children if c.marker.family in (Family.PAREN_SECTION, Family.PAREN_ARABIC)]
            mapping = self._unambiguous(items)
            if not mapping:
                continue
            after = _subtree_end(self.ctx, parent) if parent else None
            start = self.lines.starts[(parent or items[0]).line - 1]
            end = self.lines.starts[after.line - 1] if after else len(self.text)
            for match in _ITEM_REF.finditer(self.text, start, end):
                numeral = match.group(2)
                old = chinese_number(numeral) if not numeral.isdigit() else int(numeral)
                if old in mapping and free(match.start(2), match.end(2)):
                    new, code = mapping[old]
                    written = _in_kind(new, numeral)
                    yield Edit(
                        match.start(2),
                        match.end(2),
                        numeral,
                        written,
                        code,
                        self.lines.line_of(match.start()),
                    )

    def _article_references(self, free) -> Iterator[Edit]:
        """`第十二条` in the running text of a law whose articles were renumbered."""
        articles = [n for n in self.ctx.nodes if n.marker.style == "division:条"]
        mapping = self._unambiguous(articles)
        if not mapping:
            return
        for match in _ARTICLE_REF.finditer(self.text):
            numeral = match.group(1)
            try:
                old = chinese_number(numeral)
            except ValueError:
                continue
            if old not in mapping or not free(match.start(1), match.end(1)):
                continue
            before = self.text[max(0, match.start() - 1) : match.start()]
            line = self.lines.line_of(match.start())
            if before == "》" or self._is_marker(line, match.start()):
                continue
            new, code = mapping[old]
            yield Edit(match.start(1), match.end(1), numeral, _in_kind(new, numeral), code, line)

    def _is_marker(self, line: int, offset: int) -> bool:
        return any(
            self.lines.find(n.line, n.column, n.marker.text) == offset
            for n in self.ctx.nodes
            if n.line == line
        )

    def _unambiguous(self, run: list[Node]) -> dict[int, tuple[int, str]]:
        """old number → (new number, code) for renumbered items, when each old number names
        one item only (after 一、二、二、 a reference to 二 could mean either)."""
        olds = [n.number for n in run]
        return {
            n.number: self.numbers[id(n)] for n in run if id(n) in self.numbers and olds.count(n.number) == 1
        }


_ITEM_REF = re.compile(r"第([（(])([一二三四五六七八九十]+|[0-9]{1,3})[）)]项")
_ARTICLE_REF = re.compile(r"第([零〇一二三四五六七八九十百千]+)条")


def _in_kind(number: int, written: str) -> str:
    from ..readers.numerals import chinese_counting

    return str(number) if written.isdigit() else chinese_counting(number)


def plan_fixes(outline: Outline, text: str, config: CheckConfig | None = None) -> list[Edit]:
    """The edits that resolve the outline's fixable findings, in text order, never overlapping."""
    planner = Planner(outline, text, config)
    planner.renumber()
    planner.restyle()
    edits = list(planner.marker_edits())
    edits += planner.reference_edits(edits)
    return _ordered(edits)


def _ordered(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if out and edit.start < out[-1].end:
            continue  # two fixes want the same text: keep the first, the next round sees the rest
        out.append(edit)
    return out


# ------------------------------------------------------------------ table of contents


def _norm(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def plan_toc(outline: Outline, text: str, config: CheckConfig | None = None) -> list[Edit]:
    """Rewrite a table of contents that no longer matches the body (S302): entries the body
    does not have are removed, reworded ones take the body's words, missing ones are added,
    in the body's order. Entries that match keep their page numbers and layout."""
    config = config or CheckConfig()
    toc = outline.toc
    if not toc or not config.enabled("S302"):
        return []
    lines = Lines(text)
    # A text that stops mid-sentence has lost its last sections, not its TOC entries (a seed
    # whose TOC lists 三、 when the copy ends inside 二、): keep the entries the body lacks.
    cut_off = any(True for _ in check_cut_off(Context(outline, config)))
    styles = {e.marker.style for e in toc}
    body = [n for n in outline.walk() if n.placement is Placement.LEAD and n.marker.style in styles]
    if not body:
        return []
    # Aligned by heading, as a reader matches them: a renumbered entry keeps its place and
    # page number (三、保障措施……5 → 四、保障措施……5), a new section is inserted before it.
    have = [_norm(e.heading)[:2] for e in toc]
    want = [_norm(n.heading)[:2] for n in body]
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, have, want, autojunk=False).get_opcodes():
        if op == "equal":
            for entry, node in zip(toc[i1:i2], body[j1:j2], strict=True):
                if entry.marker.text != node.marker.text:
                    at = lines.find(entry.line, 1, entry.marker.text)
                    if at is not None:
                        edits.append(
                            Edit(
                                at,
                                at + len(entry.marker.text),
                                entry.marker.text,
                                node.marker.text,
                                "S302",
                                entry.line,
                            )
                        )
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            edit = _rewrite_entry(lines, toc[i1 + k], body[j1 + k].label)
            if edit is None:
                return []  # an entry we cannot locate: leave the whole table alone
            edits.append(edit)
        for entry in () if cut_off else toc[i1 + paired : i2]:  # entries the body no longer has
            index = entry.line - 1
            end = lines.starts[index + 1] if index + 1 < len(lines.starts) else len(text)
            edits.append(
                Edit(lines.starts[index], end, text[lines.starts[index] : end], "", "S302", entry.line)
            )
        added = body[j1 + paired : j2]
        if added:
            anchor = toc[i1 + paired] if i1 + paired < len(toc) else None
            if anchor is not None:
                at, ending = lines.starts[anchor.line - 1], lines.breaks[anchor.line - 1] or "\n"
                new = "".join(n.label + ending for n in added)
            else:
                last = toc[-1].line - 1
                at, ending = lines.ends[last], lines.breaks[last] or "\n"
                new = "".join(ending + n.label for n in added)
            edits.append(Edit(at, at, "", new, "S302", (anchor or toc[-1]).line))
    return _ordered(edits)


def _rewrite_entry(lines: Lines, entry, label: str) -> Edit | None:
    index = entry.line - 1
    start, end = lines.starts[index], lines.ends[index]
    at = lines.text.find(entry.marker.text, start, end)
    heading_at = lines.text.find(entry.heading, at + len(entry.marker.text), end) if at >= 0 else -1
    if at < 0 or heading_at < 0:
        return None
    stop = heading_at + len(entry.heading)
    return Edit(at, stop, lines.text[at:stop], label, "S302", entry.line)


__all__ = ["ANOMALY_CODES", "FIXABLE", "Edit", "Lines", "plan_fixes", "plan_toc"]
