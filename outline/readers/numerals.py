"""Word's number formats (`w:numFmt`): a counter value → the text Word displays.

Only the formats Chinese documents use are spelled out; any other format falls back to
decimal, which is what Word itself does for formats it cannot show.
"""

from __future__ import annotations

from collections.abc import Callable

_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRAD_DIGITS = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional: the ten heavenly stems
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"  # ideographZodiac: the twelve earthly branches
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese_counting(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """一 … 十 十一 … 二十一 … 一百零一 … 一千零一十 (Word's 一, 二, 三 (简))."""
    zero = "零" if digits is _DIGITS else digits[0]  # 一百零一; 〇 is for digit-by-digit forms
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 10000:
        high, low = divmod(n, 10000)
        text = chinese_counting(high, digits, units) + "万"
        if low:
            text += (zero if low < 1000 else "") + chinese_counting(low, digits, units)
        return text
    parts: list[str] = []
    gap = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            gap = bool(parts)
            continue
        if gap:
            parts.append(zero)
            gap = False
        parts.append(digits[digit] + unit)
    text = "".join(parts)
    if 10 <= n < 20 and digits is _DIGITS:  # 十一, not 一十一 (but 壹拾壹 in legal style)
        text = text[1:]
    return text


def _enclosed_circle(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)  # ①…⑳
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)  # ㉑…㉟
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)  # ㊱…㊿
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter: A … Z, AA … ZZ, AAA …
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cycle(symbols: str, n: int) -> str:
    return symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed_circle,
    "decimalEnclosedCircleChinese": _enclosed_circle,
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})",  # ⑴
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",  # ⒈
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n, _LEGAL_DIGITS, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_counting(n, _LEGAL_TRAD_DIGITS, "拾佰仟"),
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: _cycle(_STEMS, n),
    "ideographZodiac": lambda n: _cycle(_BRANCHES, n),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """The counter `n` as Word shows it in the number format `fmt` (unknown formats: decimal)."""
    return FORMATS.get(fmt, str)(n)
