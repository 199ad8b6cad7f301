"""Reading gold outlines (`marker|heading`, two spaces a level) and comparing them with ours.

Used by the seed, corpus and fixture tests and by bench_outline.py. Numbers of gold markers are computed with our own
grammar, so 第一百零二条 is 102 on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tigang.outline import Outline
from tigang.outline.markers import match_marker

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_NON_WORD = re.compile(r"[\s\W_]+")
_WORDS = {"另一方面": 2, "一方面": 1, "首先": 1, "其次": 2, "再次": 3}


@dataclass(frozen=True)
class Gold:
    title: str | None
    rows: list[tuple[int, int, str]]  # (depth, number, normalised heading)
    lines: tuple[int, int] | None


def norm(heading: str) -> str:
    return _NON_WORD.sub("", heading or "").lstrip("要是")[:8]


def gold_number(marker: str) -> int:
    for word, number in _WORDS.items():
        if marker.startswith(word):
            return number
    if marker.startswith(("然后", "最后")):
        return 0
    # Gold writes markers as in the text, sometimes without their punctuation (第一|…).
    for suffix in ("x", " x", "，x", " 文"):  # `1 总则`: a number and a space before Chinese
        parsed = match_marker(marker + suffix)
        if parsed is not None:
            return parsed[0].number
    return -1  # an OCR slip kept in the gold (（I） for （1）): no parser matches it


def read_gold(path: Path) -> Gold:
    title, rows, lines = None, [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("# title:"):
            title = line.split(":", 1)[1].strip()
        elif line.startswith("# lines:"):
            a, b = line.split(":", 1)[1].strip().split("-")
            lines = (int(a), int(b))
        elif not line.startswith("#"):
            depth = (len(line) - len(line.lstrip(" "))) // 2 + 1
            marker, heading = line.strip().split("|", 1)
            rows.append((depth, gold_number(marker), norm(heading)))
    return Gold(title, rows, lines)


def outline_rows(outline: Outline, lines: tuple[int, int] | None = None) -> list[tuple[int, int, str]]:
    rows = []
    for node in outline.walk():
        if lines and not lines[0] <= node.line <= lines[1]:
            continue
        number = 0 if node.marker.text.startswith(("然后", "最后")) else node.number
        rows.append((node.level, number, norm(node.heading)))
    return rows


def _same(g: tuple[int, int, str], o: tuple[int, int, str]) -> bool:
    if g[:2] != o[:2]:
        return False
    a, b = g[2], o[2]
    return a == b or (min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a)))


def f1(gold: list, got: list) -> tuple[float, list, list]:
    """F1 of an in-order (LCS) match, with the gold rows missed and our extra rows."""
    n, m = len(gold), len(got)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = dp[i + 1][j + 1] + 1 if _same(gold[i], got[j]) else max(dp[i + 1][j], dp[i][j + 1])
    i = j = 0
    missed, extra = [], []
    while i < n and j < m:
        if _same(gold[i], got[j]) and dp[i][j] == dp[i + 1][j + 1] + 1:
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            missed.append(gold[i])
            i += 1
        else:
            extra.append(got[j])
            j += 1
    missed += gold[i:]
    extra += got[j:]
    match = dp[0][0]
    if not gold and not got:
        return 1.0, [], []
    p = match / m if m else 0.0
    r = match / n if n else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), missed, extra
