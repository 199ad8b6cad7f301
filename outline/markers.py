"""Numbering markers: the Lark grammar in `grammar/numbering.lark`, and where to try it.

The grammar says what a marker looks like; this module says where one may stand (a
paragraph start, right after 。；：！？, or after a comma: a run's first item, which only tells
the run is on, or a ；-list's next item written after a comma by a slip) and
turns Lark's parse tree into a `Marker`. A cheap prefilter built from the grammar's own
first terminals keeps Lark away from the >90% of clause starts that cannot be markers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from .. import grammar
from .lexicon import (
    AFTER_DIVISION,
    ASPECT_WORDS,
    CLOSERS,
    COLONS,
    COMMAS,
    DIVISION_RANK,
    HALF_WIDTH,
    SECTION_RANK,
    SEMICOLONS,
    SEQUENCE_WORDS,
    SPACES,
    STOPS,
    WINDOW,
)
from .model import Family, Marker, Placement

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,  # a white circle for zero in older print: （一○） is 10
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Capital forms: 壹、貳、參 (Taiwan-style texts), 第壹， (formal ones).
_CN_DIGITS.update(
    dict(zip("壹贰貳叁參参肆伍陆陸柒捌玖", (1, 2, 2, 3, 3, 3, 4, 5, 6, 6, 7, 8, 9), strict=True))
)
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_ROMAN.update({chr(0x2160 + i): i + 1 for i in range(12)})  # Ⅰ … Ⅻ
_AFTER_DIVISION = tuple(AFTER_DIVISION)  # a tuple: `in` is False for the empty rest of a clause


class NotAMarker(ValueError):
    """The grammar matched, but the numeral is malformed (一二、, 十十、)."""


def chinese_number(numeral: str, *, positional: bool = False) -> int:
    """Value of a Chinese numeral as used in markers: 一 … 九十九, 一百零五, 二百零四. Older print
    writes numbers digit by digit (（一○） 10, （一一） 11, （二○） 20): read so when a zero shows it,
    or with `positional` (a bracketed number, where 一二 can be nothing else)."""
    if not numeral:
        raise NotAMarker(numeral)
    if len(numeral) == 1 and numeral in _CN_DIGITS:
        return _CN_DIGITS[numeral]
    if (
        len(numeral) <= 3
        and all(ch in _CN_DIGITS for ch in numeral)
        and _CN_DIGITS[numeral[0]]
        and (positional or any(ch in "〇○零" for ch in numeral[1:]))
    ):
        return int("".join(str(_CN_DIGITS[ch]) for ch in numeral))
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for ch in numeral:
        if ch in "零〇" and total:
            continue  # 一百零五: a place holder between units
        if ch in _CN_DIGITS:
            if pending is not None:
                raise NotAMarker(numeral)  # 一二
            pending = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                raise NotAMarker(numeral)  # 十十, 十百
            total += (1 if pending is None else pending) * unit
            pending = None
            last_unit = unit
    if pending:
        total += pending
    if total == 0:
        raise NotAMarker(numeral)
    return total


def _digits(text: str) -> int:
    return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


class _ToMarker(Transformer):
    """Lark parse tree → (Marker, rest of the clause)."""

    def start(self, children: list) -> tuple[Marker, str]:
        marker = children[0]
        rest = str(children[1]) if len(children) > 1 else ""
        return marker, rest

    @staticmethod
    def _make(family: Family, tokens: Sequence[str], number: int, unit: str = "", punct: str = "") -> Marker:
        text = "".join(str(t) for t in tokens)
        full = not any(ch in HALF_WIDTH for ch in text)
        return Marker(
            text=text,
            family=family,
            number=number,
            unit=unit,
            punct=punct.strip(),
            full_width=full,
        )

    def section(self, t: list[Token]) -> Marker:
        mark = str(t[1])
        tokens: Sequence[str] = t
        if mark.isspace():  # 一　标题: one separator is part of the marker, like 、
            tokens = [t[0], mark[0]]
        # Older print sets its heading numbers apart with a space and writes them digit by digit
        # (一○　…, 一一　…): 一一 followed by a space is section 11, not "one by one".
        return self._make(
            Family.SECTION, tokens, chinese_number(t[0], positional=mark.isspace()), punct=mark.strip()
        )

    def paren_section(self, t: list[Token]) -> Marker:
        if len(t) == 1:  # ㈠
            return self._make(Family.PAREN_SECTION, t, ord(str(t[0])) - 0x3220 + 1, punct="）")
        return self._make(Family.PAREN_SECTION, t, chinese_number(t[1], positional=True), punct=str(t[2]))

    def decimal(self, t: list[Token]) -> Marker:
        text = str(t[0])
        punct = text[-1] if text[-1] in "、.．" else ""
        parts = re.split(r"[.．]", text.rstrip("、.．"))
        marker = self._make(Family.DECIMAL, [text], int(parts[-1]), unit=str(len(parts)), punct=punct)
        return marker

    def arabic(self, t: list[Token]) -> Marker:
        if len(t) == 1:  # ⒈
            return self._make(Family.ARABIC, t, ord(str(t[0])) - 0x2488 + 1, punct=".")
        mark = str(t[1])
        return self._make(Family.ARABIC, t, _digits(t[0]), punct=mark.strip())

    def arabic_close(self, t: list[Token]) -> Marker:
        return self._make(Family.ARABIC_CLOSE, t, _digits(t[0]), punct=str(t[1]))

    def paren_arabic(self, t: list[Token]) -> Marker:
        if len(t) == 1:  # ⑴
            return self._make(Family.PAREN_ARABIC, t, ord(str(t[0])) - 0x2474 + 1, punct="）")
        return self._make(Family.PAREN_ARABIC, t, _digits(t[1]), punct=str(t[2]))

    def roman(self, t: list[Token]) -> Marker:
        return self._make(Family.ROMAN, t, _ROMAN[str(t[0])], punct=str(t[1]))

    def circled(self, t: list[Token]) -> Marker:
        ch = ord(str(t[0]))
        if 0x2460 <= ch <= 0x2473:
            number = ch - 0x2460 + 1
        elif 0x3251 <= ch <= 0x325F:
            number = ch - 0x3251 + 21
        else:
            number = ch - 0x2776 + 1
        return self._make(Family.CIRCLED, t, number)

    def division(self, t: list[Token]) -> Marker:
        return self._make(Family.DIVISION, t, chinese_number(t[1]), unit=str(t[2]))

    def ordinal(self, t: list[Token]) -> Marker:
        return self._make(Family.ORDINAL, t, chinese_number(t[1]), punct=str(t[2]))

    def shi(self, t: list[Token]) -> Marker:
        return self._make(Family.SHI, t, chinese_number(t[0]))

    def yao(self, t: list[Token]) -> Marker:
        return self._make(Family.YAO, t, chinese_number(t[0]))

    def sequence(self, t: list[Token]) -> Marker:
        punct = str(t[1]) if len(t) > 1 else ""
        return self._make(Family.SEQUENCE, t, SEQUENCE_WORDS[str(t[0])], punct=punct)

    def aspect(self, t: list[Token]) -> Marker:
        punct = str(t[1]) if len(t) > 1 else ""
        return self._make(Family.ASPECT, t, ASPECT_WORDS[str(t[0])], punct=punct)


@lru_cache(maxsize=1)
def grammar_text() -> str:
    # Beside the package's own file when installed on disk (always, for pip): importing
    # importlib.resources (and the tempfile, shutil and lzma it loads) would cost 10–20 ms of every start. A zipped install falls back.
    path = os.path.join(os.path.dirname(grammar.__file__ or ""), "numbering.lark")
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except OSError:
        from importlib import resources

        return resources.files(grammar).joinpath("numbering.lark").read_text(encoding="utf-8")


def parser_cache() -> str | bool:
    """Where Lark keeps the grammar's parse tables between runs: building them is 40 ms of
    every `tigang` start, loading them 2 ms. One file in the user's cache folder (not the
    shared /tmp, whose pickles anyone could plant); Lark names its content by a hash of the
    grammar, its options and versions, rebuilds on any mismatch or unreadable file, and
    says nothing when it cannot write. False (no cache) when the folder cannot be made."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "tigang")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return os.path.join(folder, "numbering.lark.cache")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(
        grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=False, cache=parser_cache()
    )


_TRANSFORM = _ToMarker()


@lru_cache(maxsize=1)
def first_pattern() -> str:
    """A regex for the first terminal of any marker, read off the grammar's start state."""
    parser = _parser()
    names = sorted(parser.parse_interactive("").accepts())
    return "|".join(f"(?:{parser.get_terminal(name).pattern.to_regexp()})" for name in names)


# A number, 、, the next number and a counter or time word: 五、六年前, 九、十天, 2、3个月 are
# approximate quantities, not item 五 headed 六年前.
# Only a single numeral: 一、二十年来的成就 may well be section 一 on twenty years.
# And a decade: 六、七十年代 is the sixties and seventies.
_APPROXIMATE = re.compile(r"(?:[0-9０-９]|[一二两三四五六七八九十])(?:十年代|[年月天日周个次名岁倍成])")
# 再次 straight before thanks or a greeting is "once more", not "thirdly": 再次感谢大家,
# 再次向…表示感谢, 再次祝…. (With a comma, 再次，… is the third item.)
_ONCE_MORE = "感向表致祝"
_APPROXIMATE_START = re.compile(r"[0-9０-９一二两三四五六七八九十]")


def _leading_digit(text: str) -> int | None:
    """The value of the first character, a digit or a Chinese numeral (两 is 2)."""
    ch = text[:1]
    if ch.isdigit():
        return int(ch.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return {"两": 2, "十": 10, **_CN_DIGITS}.get(ch) if ch else None


# Markers already parsed, by what decides them: the marker as written with the spaces after it,
# and the class of the character that follows (`_next_class`). A window is a marker and its
# first words (一是加强…, 一是推进…): keyed by the whole window, Lark ran for nearly every
# clause of a text, a fifth of the parse. The grammar looks at most one character past a marker
# (UNIT's space, ARABIC_MARK's Chinese character, DIGITS' next digit): that character decides,
# and any Chinese character the grammar does not name decides alike. Bounded: past `MEMO_MAX`
# entries the memo starts afresh.
_SEEN: dict[tuple[str, str], tuple[Marker, int]] = {}
MEMO_MAX = 65536
_OTHER = "CJK"  # the class of a Chinese character the grammar never names (never one character)


@lru_cache(maxsize=1)
def _named_characters() -> frozenset[str]:
    """The Chinese characters the grammar (or the approximate-number check) may read."""
    read = grammar_text() + _APPROXIMATE.pattern + _ONCE_MORE
    return frozenset(ch for ch in read if "\u4e00" <= ch <= "\u9fff")


def _next_class(window: str, at: int) -> str:
    if at >= len(window):
        return ""  # the window ends here (UNIT's `$`)
    ch = window[at]
    return _OTHER if "\u4e00" <= ch <= "\u9fff" and ch not in _named_characters() else ch


@lru_cache(maxsize=65536)
def parse_marker(window: str) -> tuple[Marker, int] | None:
    """Parse the marker at the start of `window`. Return (marker, length in characters of the
    marker and the spaces after it), or None when the window does not start with a marker."""
    for k in range(1, len(window) + 1):
        found = _SEEN.get((window[:k], _next_class(window, k)))
        if found is not None:
            return found
    parsed = _parse_marker(window)
    if parsed is None:
        return None
    marker, length, rest = parsed
    # 五、六年前 is decided by the character after the next one: such markers are not kept.
    if not _APPROXIMATE_START.match(rest):
        if len(_SEEN) >= MEMO_MAX:
            _SEEN.clear()
        _SEEN[(window[:length], _next_class(window, length))] = (marker, length)
    return marker, length


def _parse_marker(window: str) -> tuple[Marker, int, str] | None:
    """`parse_marker` by the grammar, with the rest of the window after the marker."""
    try:
        marker, rest = _TRANSFORM.transform(_parser().parse(window))
    except (LarkError, NotAMarker):
        return None
    approximate = marker.family in (Family.SECTION, Family.ARABIC) and _APPROXIMATE.match(rest)
    if approximate and _leading_digit(rest) == marker.number + 1:  # 五、六年前, 3、4个月
        return None
    if marker.text == "再次" and rest and rest[0] in _ONCE_MORE:  # 再次感谢大家
        return None
    consumed = len(window) - len(rest)
    # Spaces, and a comma or colon that follows a 第X部分/章 (第一部分，谈形势), are not heading.
    skipped = len(rest) - len(rest.lstrip(SPACES))
    if marker.family is Family.DIVISION and rest[skipped : skipped + 1] in _AFTER_DIVISION:
        skipped += 1
    return marker, consumed + skipped, rest


def match_marker(text: str) -> tuple[Marker, int] | None:
    """The marker at the start of `text` (a cleaned line or clause), or None."""
    return parse_marker(text[:WINDOW])


@lru_cache(maxsize=1)
def candidate_regex() -> re.Pattern[str]:
    """Clause starts that may hold a marker: group 1 is the stop or comma before it (None at
    the start of the text); the match ends where the marker would begin."""
    closers = re.escape(CLOSERS)
    return re.compile(rf"(?:^|([{re.escape(STOPS + COMMAS)}])[{closers}]*)(?=(?:{first_pattern()}))")


@dataclass(frozen=True, slots=True)
class MarkerHit:
    """A marker found in a paragraph, before levels are decided."""

    marker: Marker
    offset: int  # in the paragraph text
    length: int  # marker plus spaces after it
    placement: Placement


def scan_paragraph(text: str) -> list[MarkerHit]:
    """Every marker at a clause start of one paragraph's text."""
    hits: list[MarkerHit] = []
    for match in candidate_regex().finditer(text):
        start = match.end()
        parsed = parse_marker(text[start : start + WINDOW])
        if parsed is None:
            continue
        marker, length = parsed
        if marker.family is Family.SEQUENCE:
            # 最后，第五，…: the word joins the item to the speech; the item is the number.
            numbered = parse_marker(text[start + length : start + length + WINDOW])
            if numbered is not None and numbered[0].family in _NUMBERED_ENUMERATORS:
                start, (marker, length) = start + length, numbered
        before = match.group(1)
        if (
            before
            and before in COLONS
            and text[match.start() - 1 : match.start()].isdigit()
            and text[start].isdigit()
        ):
            continue  # a scale or a time, 1:500 / 11:37, not a colon before a list
        if before is None:
            placement = Placement.LEAD
        elif before in COMMAS:
            if _continues_after_comma(marker, hits, text):
                placement = Placement.INLINE
            elif not marker.family.is_enumerator or marker.number != 1:
                continue
            else:
                placement = Placement.AFTER_COMMA
        else:
            placement = Placement.INLINE
            if marker.family is Family.ARABIC and not marker.punct:
                continue  # `1 总则` is a heading form; inline it is a time (11:37 来源) or a count
            if marker.family is Family.PAREN_ARABIC and not text[start + length :].strip():
                continue  # …彼竭我盈，故克之。（30）: a note's number closing the paragraph
            if _is_quotation_note(marker, text[match.start() : start], hits):
                continue  # …重要的乃在于改造世界。”⑷这是…: the quotation's note
        hits.append(MarkerHit(marker, start, length, placement))
        # A marker right after a section marker (三、①抓紧编制规划。②…) starts that item's list,
        # and so on down (第一章 第一节 第一条). Not after an enumerator: 一是一、二是二 is an idiom.
        outer, after = marker, start + length
        while not outer.family.is_enumerator and after < len(text):
            nested = parse_marker(text[after : after + WINDOW])
            if nested is None or not _starts_inner_list(outer, nested[0]):
                break
            # At a paragraph's start the inner marker leads too: its item outlives the paragraph
            # (第一章 第一节 总则 / 第一条 …: the article belongs to the section).
            hits.append(MarkerHit(nested[0], after, nested[1], placement))
            outer, after = nested[0], after + nested[1]
    return hits


# Quotation marks that close a quotation; a note's number follows them in older print.
_QUOTE_CLOSERS = frozenset("”’」』\"'")
_NOTE_FAMILIES = frozenset({Family.PAREN_ARABIC, Family.CIRCLED})


def _is_quotation_note(marker: Marker, before: str, hits: Sequence[MarkerHit]) -> bool:
    """A bracketed or circled number right after a quotation that closes a sentence (。”⑶,
    。”（25）) is the quotation's note — books set their citations so — unless it goes on
    from the item before it in the paragraph (（1）…“…。”（2）…) or starts a list at 1."""
    if marker.family not in _NOTE_FAMILIES or marker.number == 1:
        return False
    if not any(ch in _QUOTE_CLOSERS for ch in before):
        return False
    last = hits[-1].marker if hits else None
    return not (last is not None and last.style == marker.style and marker.number == last.number + 1)


# Enumerators with a number of their own, which a sequence word before them only introduces.
_NUMBERED_ENUMERATORS = frozenset({Family.ORDINAL, Family.SHI, Family.YAO})
# Item styles written in brackets or circled: a number in them after a comma is rarely a figure.
_BRACKETED = frozenset({Family.PAREN_SECTION, Family.PAREN_ARABIC, Family.CIRCLED})


def _continues_after_comma(marker: Marker, hits: Sequence[MarkerHit], text: str) -> bool:
    """…；（3）相应支撑运作组织体系和KPI，（4）相应流程体系的度量…: a bracketed or circled item
    after a comma that is the next number of the item just before it, itself after ；, is that
    list's next item — the comma is a slip for ；."""
    if marker.family not in _BRACKETED or not hits:
        return False
    last = hits[-1]
    return (
        last.marker.style == marker.style
        and marker.number == last.marker.number + 1
        and last.placement is Placement.INLINE
        and text[last.offset - 1 : last.offset] in SEMICOLONS
    )


def _starts_inner_list(outer: Marker, inner: Marker) -> bool:
    """A first marker right after another one opens the outer item's list only when it ranks
    below it (三、① / （一）1. / 第一章 第一节); （一）（一）, 1.（一） or 1.第一章 is a heading
    that quotes a marker."""
    if inner.family.is_enumerator or inner.number != 1 or inner.style == outer.style:
        return False
    if inner.family is Family.DIVISION:
        if outer.family is not Family.DIVISION:
            return False
        return DIVISION_RANK.get(inner.unit, -1) > DIVISION_RANK.get(outer.unit, len(DIVISION_RANK))
    outer_rank, inner_rank = SECTION_RANK.get(outer.family), SECTION_RANK.get(inner.family)
    return outer_rank is None or inner_rank is None or inner_rank > outer_rank
