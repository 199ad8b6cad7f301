"""Lines that are not the speech: advertising blocks, web-page chrome, date stamps.

Template sites wrap speeches in blocks of short lines ("仅供学习 禁止外传", "会员群：",
"阅读全文", "¥6.66", "0.082848s"). A line is noise when it is short and says something
only a web page or an advertisement says; a block of short lines (between blank lines)
that is mostly noise is noise as a whole, so the brand name inside it goes too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import (
    BLURB_PHRASES,
    EDITOR_NOTE_HEADS,
    EDITOR_NOTE_LEADS,
    FINISHED_LINE_ENDS,
    LONG_NOISE_WORDS,
    METADATA_FIELDS,
    METADATA_LINE,
    NOISE_WORDS,
    QA_PART_WORDS,
    SHORT_LINE,
    WEAK_LINE,
    WEAK_WORDS,
    one_of,
)
from .lines import LineKind, SourceLine

# Phrases of page chrome and template-site advertising. Matched only on short lines.
_NOISE_WORDS = re.compile("|".join(NOISE_WORDS))
# Words that are noise only on a very short line ("微信扫一扫" yes, "加强网络评论引导" no).
_WEAK_WORDS = re.compile("|".join(WEAK_WORDS))
# Lines that are only a price, a timing, a date stamp, a view counter or a share widget.
_NOISE_LINE = re.compile(
    r"^(?:[¥￥$]\s*\d+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?\s*(?:s|ms|秒)"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\d+)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|[•·●▪]\s*\S{0,8}"
    r"|[【\[].{0,12}[】\]]"
    r"|[-—–]*\s*END\s*[-—–]*"
    r"|\d+\s*[页頁]"  # a document viewer's page count
    r"|(?:(?:查看|回复|浏览|阅读|点击|人气|评论)\s*[:：]?\s*\d+\s*[|｜/,，]?\s*)+"  # 查看: 100|回复: 0
    r")$"
)


# A bracketed label that opens the question-and-answer part of a transcript (【记者提问环节】):
# text, not page chrome like 【打印】【关闭】 (outline.front makes it a part title).
QA_LABEL = re.compile(rf"^[【\[][^】\]]{{0,8}}{one_of(QA_PART_WORDS)}[^】\]]{{0,6}}[】\]]$")


# Noise on a line of any length (up to METADATA_LINE): a plugin prompt, a page footer.
_LONG_NOISE = re.compile("|".join(LONG_NOISE_WORDS), re.I)


# The metadata table of government websites; such a line may run long (several fields).
_METADATA = re.compile(rf"^{one_of(METADATA_FIELDS)}\s*[:：]")


# The blurb 范文 sites put before a text: 下面是小编为大家整理的…，供大家参考。
_BLURB = re.compile("|".join(BLURB_PHRASES))


# An editor's note before the text: 【导读】…, 编者按：… — someone else's words about it.
_EDITOR_NOTE = re.compile(
    rf"^(?:[【\[]\s*{one_of(EDITOR_NOTE_HEADS)}\s*[】\]]"
    + "".join(rf"|{lead}\s*[:：]" for lead in EDITOR_NOTE_LEADS)
    + ")"
)


def is_metadata_line(text: str) -> bool:
    """A web page's metadata line (文章来源：… 作者：… 发布时间：…), which stands between the
    page's own headline and the document it carries."""
    return len(text) <= METADATA_LINE and (bool(_METADATA.match(text)) or len(_PAGE_FIELD.findall(text)) >= 2)


# The fields of an article page's byline: 文章来源：本站原创 作者：佚名 发布时间：2019年01月23日.
_PAGE_FIELD = re.compile(r"(?:来源|作者|发布时间|发布日期|日期|点击数|点击|浏览次数|浏览|编辑)\s*[:：]")


def is_noise_line(text: str) -> bool:
    """A short line that only a web page or an advertisement says ("阅读全文", "¥6.66"), or an
    editor's note of any length."""
    if _EDITOR_NOTE.match(text):
        return True
    if (
        text
        and len(text) <= METADATA_LINE
        and (_METADATA.match(text) or _BLURB.search(text) or _LONG_NOISE.search(text))
    ):
        return True
    if not text or len(text) > SHORT_LINE or QA_LABEL.match(text):
        return False
    return bool(_NOISE_LINE.match(text) or _NOISE_WORDS.search(text))


def _is_weak_noise(text: str) -> bool:
    """A very short line with a word that is noise only next to other noise ("热门推荐")."""
    return 0 < len(text) <= WEAK_LINE and bool(_WEAK_WORDS.search(text))


def mark_noise(lines: list[SourceLine], is_outline_line: Callable[[str], bool]) -> None:
    """Set `kind = NOISE` on noise lines and on short-line blocks that are mostly noise.

    `is_outline_line` protects numbered headings ("四、加强网络评论引导") from the word lists.
    """
    block: list[SourceLine] = []

    def flush() -> None:
        if not block:
            return
        strong = [line for line in block if is_noise_line(line.text) and not is_outline_line(line.text)]
        weak = [line for line in block if _is_weak_noise(line.text) and not is_outline_line(line.text)]
        noisy = strong + [line for line in weak if line not in strong] if strong else []
        # A block of short lines, mostly noise, is an advertisement or page chrome as a whole
        # (the brand name in it goes too) — unless it holds the outline: then it is the
        # document itself, written without blank lines, and only its noisy lines go.
        short = all(len(line.text) <= SHORT_LINE for line in block)
        holds_outline = any(is_outline_line(line.text) for line in block)
        if noisy and short and not holds_outline and len(noisy) * 2 >= len(block):
            for line in block:
                line.kind = LineKind.NOISE
        else:
            for line in noisy:
                line.kind = LineKind.NOISE
        block.clear()

    for line in lines:
        if line.kind is LineKind.TEXT:
            block.append(line)
        elif line.kind is LineKind.BLANK:
            flush()
    flush()
    _mark_footer(lines, is_outline_line)


def _mark_footer(lines: list[SourceLine], is_outline_line: Callable[[str], bool]) -> None:
    """A page footer: the short lines after the last finished sentence (a comment box, a
    "download the full text" prompt), when at least one of them is clear chrome."""
    tail: list[SourceLine] = []
    for line in reversed(lines):
        if line.kind is LineKind.BLANK or line.kind is LineKind.NOISE:
            if line.kind is LineKind.NOISE:
                tail.append(line)
            continue
        if line.kind is not LineKind.TEXT:
            continue
        text = line.text
        if len(text) > SHORT_LINE or text[-1] in FINISHED_LINE_ENDS or is_outline_line(text):
            break
        tail.append(line)
    if any(line.kind is LineKind.NOISE for line in tail):
        for line in tail:
            line.kind = LineKind.NOISE
