"""CJK labels wrapped by their measured width.

matplotlib only breaks lines at spaces, so Chinese is wrapped here, with the usual rules: no
line starts with 。，、 and the like, none ends with （《“, a marker (一、 第一百零二条) and a run of
Latin letters or digits (GB18030, 2035年) stay whole. Widths come from matplotlib's own text
renderer, so what is measured is what is drawn.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon

# Lines may not start with these (closing punctuation) nor end with the openers: the lexicon's
# sets, less the angle brackets 〈〉, which the diagrams have always let a line start or end with.
NO_LINE_START = lexicon.NO_LINE_START - {"〉"}
NO_LINE_END = lexicon.NO_LINE_END - {"〈"}


class Measure:
    """Label widths in points: the sum of each character's advance, measured once per
    character with matplotlib's Agg renderer (at 10× resolution, so rounding to whole
    pixels does not add up). CJK glyphs have no kerning, and Latin kerning only ever draws
    a line a little narrower than measured, so a box never clips its text — and a 300-item
    outline is measured in a few thousand character lookups, not hundreds of layouts."""

    SCALE = 10

    def __init__(self, families: list[str], size: float) -> None:
        from matplotlib.backends.backend_agg import RendererAgg
        from matplotlib.font_manager import FontProperties

        self.size = size
        self.prop = FontProperties(family=families, size=size)
        self._renderer = RendererAgg(1, 1, 72 * self.SCALE)
        self._chars: dict[str, float] = {}

    def _render(self, text: str) -> float:
        width, _, _ = self._renderer.get_text_width_height_descent(text, self.prop, ismath=False)
        return width / self.SCALE

    def __call__(self, text: str) -> float:
        return sum(self.char(c) for c in text)

    def char(self, c: str) -> float:
        if c not in self._chars:
            # A space's advance shows only between two glyphs (en and em spaces included).
            self._chars[c] = (
                self._render(c) if not c.isspace() else self._render(f"a{c}a") - self._render("aa")
            )
        return self._chars[c]


@lru_cache(maxsize=64)
def measure_for(families: tuple[str, ...], size: float) -> Measure:
    """One Measure per font chain and size, shared by every scene and drawing."""
    return Measure(list(families), size)


def _tokens(text: str, keep: int) -> list[str]:
    """Units a line may break between: the first `keep` characters (the marker), runs of
    Latin letters and digits, single spaces, every other character on its own."""
    tokens = [text[:keep]] if keep else []
    word = ""
    for c in text[keep:]:
        if c.isascii() and (c.isalnum() or c in "._-%+/'"):
            word += c
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(c)
    if word:
        tokens.append(word)
    return tokens


def wrap(
    text: str, measure: Measure, width: float, *, max_lines: int | None = None, keep: int = 0
) -> list[str]:
    """Break `text` into lines no wider than `width` points (a closing punctuation mark may hang
    over), at most `max_lines` of them, the last elided with "…" if the text goes on."""

    def w(s: str) -> float:
        return sum(measure.char(c) for c in s)

    lines: list[str] = []
    line = ""
    for token in _tokens(text, keep):
        if not line.strip() or w(line + token) <= width or token in NO_LINE_START:
            line += token
            continue
        if w(token) > width and not token.isspace():  # a long Latin word: cut it anywhere
            for c in token:
                if line and w(line + c) > width:
                    lines.append(line)
                    line = ""
                line += c
            continue
        carry = ""
        while line and line[-1] in NO_LINE_END:
            carry, line = line[-1] + carry, line[:-1]
        lines.append(line.rstrip())
        line = (carry + token).lstrip()
    if line.strip() or not lines:
        lines.append(line.rstrip())
    lines = [ln for ln in lines if ln] or [""]
    if max_lines and len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and w(last + "…") > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return lines


# Where a reader pauses, so where a line ends best: after a clause mark or a closing quote or
# bracket, before an opening one (统一思想，/ 充分认识 rather than 统一思想，充分认 / 识).
PAUSE_AFTER = "，、；：。！？,;:”’）》」』"
PAUSE_BEFORE = "“‘（《「『"
NUDGE = 3  # characters a balanced break may move to reach a pause
GROWTH = 1.5  # characters the widest of three lines or more may grow by for it
# Markers of a law's units: a heading that fits a line of its own goes under its marker
# (第二章 / 机动车驾驶证申请, not 第二章 机动 / 车驾驶证申请), as chapter cards are set.
UNIT_MARKER = re.compile(r"^第\S+[编章节条篇]$")


def balanced(
    text: str, measure: Measure, width: float, *, max_lines: int | None = None, keep: int = 0
) -> list[str]:
    """`wrap`, with lines of about equal width (the narrowest width that needs no more
    lines), each break then moved by up to NUDGE characters to a pause while the lines still
    fit: 二、抓好落实，充分发挥人大职能作 / 用 becomes 二、抓好落实，/ 充分发挥人大职能作用."""
    lines = wrap(text, measure, width, max_lines=max_lines, keep=keep)
    if len(lines) < 2 or lines[-1].endswith("…"):
        return lines
    heading = text[keep:].strip()
    if keep and UNIT_MARKER.match(text[:keep].strip()) and measure(heading) <= width:
        return [text[:keep].strip(), heading]
    low, high = width / len(lines), width  # `low` needs more lines, `high` does not
    for _ in range(8):
        mid = (low + high) / 2
        if len(wrap(text, measure, mid, keep=keep)) > len(lines):
            low = mid
        else:
            high = mid
    return _at_pauses(wrap(text, measure, high, max_lines=max_lines, keep=keep), text, measure, width, keep)


def _at_pauses(lines: list[str], text: str, measure: Measure, width: float, keep: int) -> list[str]:
    """Each break that is not at a pause moved to the nearest one within NUDGE characters,
    when both lines then fit `width` (a closing mark may hang over, as in `wrap`). Two lines
    may become uneven (一、统一思想，/ 充分认识项目建设的重要意义); in three or more, a short line
    between long ones looks ragged, so the widest may grow by GROWTH characters at most."""
    limit = width
    if len(lines) > 2:
        limit = min(width, max(measure(line) for line in lines) + GROWTH * measure.char("中"))

    def fits(line: str) -> bool:
        return measure(line[:-1] if line[-1] in NO_LINE_START else line) <= limit

    lines = list(lines)
    for i in range(len(lines) - 1):
        first, second = lines[i], lines[i + 1]
        joined = first + second
        if first[-1] in PAUSE_AFTER or second[0] in PAUSE_BEFORE or joined not in text:
            continue  # at a pause already, or broken at a space
        floor = keep + 1 if i == 0 else 1
        for cut in sorted(
            range(len(first) - NUDGE, len(first) + NUDGE + 1), key=lambda c: abs(c - len(first))
        ):
            if cut < floor or cut >= len(joined) or cut == len(first):
                continue
            left, right = joined[:cut], joined[cut:]
            if not (left[-1] in PAUSE_AFTER or right[0] in PAUSE_BEFORE):
                continue
            if right[0] in NO_LINE_START or left[-1] in NO_LINE_END or not (fits(left) and fits(right)):
                continue
            lines[i], lines[i + 1] = left, right
            break
    return lines


# A letter-spaced heading: 监　　护, 总　则 (single characters apart, as laws set short titles;
# spaces, en/em spaces or ideographic spaces).
SPACED = re.compile(r"^[\u3400-\u9fff](?:[ \u2002\u2003\u3000]+[\u3400-\u9fff])+$")


def unspaced(heading: str) -> str:
    """A letter-spaced heading closed up (监　护 → 监护); any other heading as it is."""
    return re.sub(r"[ \u2002\u2003\u3000]+", "", heading) if SPACED.match(heading) else heading


CLAUSE_BREAKS = "，、；：,;:"


def clip_sentence(text: str, limit: int) -> str:
    """`text` cut to about `limit` characters where a reader would pause: after the last
    clause mark (，、；：) in the second half of the limit, else at the limit without
    splitting a Latin word or a figure, and ended with "…". Law articles are whole sentences
    (第一条 为了保护民事主体的合法权益，调整民事关系，…); their first clauses say what they are about."""
    if len(text) <= limit:
        return text
    cut = max((i for i in range(limit // 2, limit + 1) if text[i - 1] in CLAUSE_BREAKS), default=0)
    if cut:
        return text[: cut - 1] + "…"
    cut = limit
    while cut > limit // 2 and text[cut - 1].isascii() and text[cut - 1].isalnum() and text[cut].isascii():
        cut -= 1  # GB18030, 2035: not split
    return text[:cut] + "…"
