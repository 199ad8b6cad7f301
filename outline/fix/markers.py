"""Rewriting one marker: the same marker with another number, punctuation or width.

Every rewrite keeps what the writer typed around the number — `（三）` stays in full-width
brackets, `3．` keeps its full stop, `第三，` its comma — and changes only what was asked.
The result is parsed again with the grammar (`outline.markers`): a rewrite that would not
read back as the same kind of marker with the intended number is refused (None), so the
fixer never turns `1、5G网络` into the decimal `1.5G网络`.
"""

from __future__ import annotations

import re

from ..lexicon import HALF_WIDTH, SEQUENCE_WORDS, WINDOW
from ..markers import parse_marker
from ..model import Family, Marker
from ..readers.numerals import chinese_counting, format_number

_CN_NUMERAL = re.compile(r"[零〇○一二三四五六七八九十百千两壹贰貳叁參参肆伍陆陸柒捌玖拾佰]+")
_POSITIONAL = "○〇一二三四五六七八九"  # older print's digit-by-digit numbers: （一○） （一一）
_CAPITALS = frozenset("壹贰貳叁參参肆伍陆陸柒捌玖拾佰")
_TRADITIONAL = frozenset("貳參陸")
_DIGITS = re.compile(r"[0-9０-９]+")
_TO_FULL = str.maketrans(HALF_WIDTH, "（）．，：；！？")
_TO_HALF = str.maketrans("（）．，：；！？", HALF_WIDTH)
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# 首先 其次 再次 by place; a fourth item and later is 然后 (its number comes from the run).
_SEQUENCE_BY_NUMBER = {number: word for word, number in SEQUENCE_WORDS.items() if number}
_CN_FAMILIES = frozenset(
    {Family.SECTION, Family.PAREN_SECTION, Family.DIVISION, Family.ORDINAL, Family.SHI, Family.YAO}
)
_DIGIT_FAMILIES = frozenset({Family.ARABIC, Family.ARABIC_CLOSE, Family.PAREN_ARABIC, Family.DECIMAL})


def _chinese(number: int, written: str, traditional: bool) -> str:
    """`number` in the numerals the writer used: 十一, or 壹拾壹 / 貳拾 in capital texts, or
    一一 / 二○ digit by digit where the writer counted so."""
    if len(written) >= 2 and all(ch in _POSITIONAL for ch in written):
        zero = "〇" if "〇" in written else "○"
        return "".join(zero if d == "0" else _POSITIONAL[int(d) + 1] for d in str(number))
    if any(ch in _CAPITALS for ch in written):
        fmt = "ideographLegalTraditional" if traditional or any(ch in _TRADITIONAL for ch in written) else ""
        return format_number(number, fmt or "chineseLegalSimplified")
    return chinese_counting(number)


def is_traditional(marker: Marker) -> bool:
    """Written in traditional capitals (貳、參、): its siblings should be too."""
    return any(ch in _TRADITIONAL for ch in marker.text)


def renumbered(marker: Marker, number: int, *, traditional: bool = False) -> str | None:
    """The text of `marker` with `number` in place of its own, or None when its family has
    no way to write that number (⑳ is the last of its kind, 一方面 has no third).
    `traditional`: the document writes its capitals in traditional forms (肆 → 參, not 叁)."""
    text, family = marker.text, marker.family
    if number < 1:
        return None
    if family in _CN_FAMILIES:
        match = _CN_NUMERAL.search(text, 1 if family in (Family.DIVISION, Family.ORDINAL) else 0)
        if match is None:
            if family is Family.PAREN_SECTION and number <= 10:  # ㈠ … ㈩
                return chr(0x3220 + number - 1)
            return None
        return text[: match.start()] + _chinese(number, match.group(), traditional) + text[match.end() :]
    if family in _DIGIT_FAMILIES:
        found = list(_DIGITS.finditer(text))
        if not found:
            if family is Family.PAREN_ARABIC and number <= 20:  # ⑴ … ⒇
                return chr(0x2474 + number - 1)
            if family is Family.ARABIC and number <= 20:  # ⒈ … ⒛
                return chr(0x2488 + number - 1)
            return None
        match = found[-1]  # 1.2.3: the last part is this item's number
        digits = str(number)
        if match.group()[0] in "０１２３４５６７８９":
            digits = digits.translate(_FULL_DIGITS)
        return text[: match.start()] + digits + text[match.end() :]
    if family is Family.CIRCLED:
        code = ord(text[0])
        if 0x2776 <= code <= 0x277F:  # ❶ … ❿
            return chr(0x2776 + number - 1) if number <= 10 else None
        return format_number(number, "decimalEnclosedCircle") if number <= 35 else None
    if family is Family.ROMAN:
        if "\u2160" <= text[0] <= "\u216b":
            return chr(0x2160 + number - 1) + text[1:] if number <= 12 else None
        roman = format_number(number, "upperRoman")
        return roman + text.lstrip("IVX") if "X" not in roman else None  # X is no marker here
    if family is Family.SEQUENCE:
        word = _SEQUENCE_BY_NUMBER.get(number, "然后")
        old = next(w for w in SEQUENCE_WORDS if text.startswith(w))
        return word + text[len(old) :]
    return None


def repunctuated(text: str, marker: Marker, punct: str) -> str:
    """`text` (the marker, perhaps renumbered) closed by `punct` instead of the marker's own
    (一． → 一、). Brackets are widths, not punctuation: （一） and (一) differ in width only."""
    old = marker.punct
    if not old or not punct or marker.family in (Family.PAREN_SECTION, Family.PAREN_ARABIC):
        return text
    if not text.endswith(old):
        return text
    return text[: -len(old)] + punct


def rewidened(text: str, full_width: bool) -> str:
    """Brackets and punctuation of a marker in full width （一） or half width (一)."""
    return text.translate(_TO_FULL if full_width else _TO_HALF)


def reads_back(new_text: str, rest: str, family: Family, number: int) -> bool:
    """Whether `new_text` followed by the rest of its line parses as exactly that marker:
    of `family`, with `number` (然后 takes its number from the run), and nothing more."""
    parsed = parse_marker((new_text + rest)[: WINDOW + len(new_text)])
    if parsed is None:
        return False
    found = parsed[0]
    return (
        found.family is family
        and found.text == new_text
        and (found.number == number or (family is Family.SEQUENCE and found.number == 0))
    )
