"""Wrapping Chinese text for a terminal column, the way a typesetter would.

Widths are terminal cells (a CJK character takes two). Lines break between any two
characters, except that a line never starts with closing punctuation (、，。；：！？）》」…)
and never ends with opening punctuation (（《「“) — the 避头尾 rule of Chinese typesetting —
and a run of Latin letters or digits (2035年, GDP) is not split. Continuation lines get a
hanging indent, so wrapped items keep the tree's indentation.
"""

from __future__ import annotations

from rich.cells import cell_len

from ..lexicon import NO_LINE_END, NO_LINE_START


def _tokens(text: str) -> list[str]:
    """Characters, with runs of ASCII letters and digits kept whole."""
    out: list[str] = []
    for ch in text:
        if out and ch.isascii() and ch.isalnum() and out[-1][-1:].isascii() and out[-1][-1:].isalnum():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap(
    text: str, width: int, *, indent: str = "", hang: str = "", keep_start: int = 0, keep_end: int = 0
) -> list[str]:
    """`text` in lines of at most `width` cells: the first after `indent`, the rest after
    `indent + hang`. The first `keep_start` and the last `keep_end` characters stay on one
    line (a marker with its first characters; a line number with the last ones). A token
    wider than a line is cut."""
    first, rest = indent, indent + hang
    lines: list[str] = []
    line: list[str] = []
    used = cell_len(first)
    limit = max(width, cell_len(rest) + 4)  # always room for a few characters
    tokens = _tokens(text)
    if keep_end and len(text) > keep_end:
        tail = text[-keep_end:]
        tokens = [*_tokens(text[:-keep_end]), tail]
    if keep_start and len(tokens) > 1:
        head = min(keep_start, len(tokens) - 1)
        tokens = ["".join(tokens[:head]), *tokens[head:]]
    for token in tokens:
        size = cell_len(token)
        if line and used + size > limit:
            # 避头尾: closing punctuation goes down with the character before it (and any
            # punctuation before that: 。” together); opening punctuation goes down too.
            carry: list[str] = []
            if token in NO_LINE_START:
                while len(line) > 1 and line[-1] in NO_LINE_START:
                    carry.insert(0, line.pop())
                if len(line) > 1:
                    carry.insert(0, line.pop())
            while len(line) > 1 and line[-1] in NO_LINE_END:
                carry.insert(0, line.pop())
            lines.append((rest if lines else first) + "".join(line))
            line = carry
            used = cell_len(rest) + sum(cell_len(t) for t in carry)
        line.append(token)
        used += size
    lines.append((rest if lines else first) + "".join(line))
    return lines
