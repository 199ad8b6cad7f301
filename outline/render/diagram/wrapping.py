"""CJK labels wrapped by their measured width.

matplotlib only breaks lines at spaces, so Chinese is wrapped here, with the usual rules: no
line starts with 。，、 and the like, none ends with （《“, a marker (一、 第一百零二条) and a run of
Latin letters or digits (GB18030, 2035年) stay whole. Widths come from matplotlib's own text
renderer, so what is measured is what is drawn.
"""

from __future__ import annotations

from ... import lexicon

# Lines may not start with these (closing punctuation) nor end with the openers: the lexicon's
# sets, less the angle brackets 〈〉, which the diagrams have always let a line start or end with.
NO_LINE_START = lexicon.NO_LINE_START - {"〉"}
NO_LINE_END = lexicon.NO_LINE_END - {"〈"}


class Measure:
    """Label widths in points, from matplotlib's Agg renderer (measured at 10× resolution so
    rounding to whole pixels does not add up)."""

    SCALE = 10

    def __init__(self, families: list[str], size: float) -> None:
        from matplotlib.backends.backend_agg import RendererAgg
        from matplotlib.font_manager import FontProperties

        self.size = size
        self.prop = FontProperties(family=families, size=size)
        self._renderer = RendererAgg(1, 1, 72 * self.SCALE)
        self._chars: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        if not text:
            return 0.0
        width, _, _ = self._renderer.get_text_width_height_descent(text, self.prop, ismath=False)
        return width / self.SCALE

    def char(self, c: str) -> float:
        if c not in self._chars:
            self._chars[c] = self(c) if not c.isspace() else self("a a") - self("aa")
        return self._chars[c]


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
