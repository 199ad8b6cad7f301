"""The parts of a speech around its outline: title, salutation, table of contents, the
paragraphs that address the audience between parts, unnumbered part titles, and the back
matter (名词解释, 附件) after the closing.

Everything here classifies paragraphs; nothing decides levels (that is outline.tree).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .lexicon import (
    ATTACHMENT_HEADS,
    AUDIENCE,
    BACK_MATTER_HEADS,
    BREADCRUMBS,
    CLEAN_TITLE_MIN,
    CLOSING_PHRASES,
    COLONS,
    COMMAS,
    DELEGATES,
    FUSED_TITLE_GENRES,
    GENRE_ENDINGS,
    GREETING_TIMES,
    LONG_LINE,
    LONG_PARAGRAPH,
    LONG_SENTENCES,
    OFFICES,
    PART_TITLE_MAX,
    PART_TITLE_PUNCT,
    SALUTATION_ADDRESSEES,
    SALUTATION_HONORIFICS,
    SALUTATION_MAX,
    SECTION_ORDER,
    SECTION_RANK,
    SEMICOLONS,
    SUMS_UP_LESSONS,
    SUMS_UP_REVIEWS,
    SUMS_UP_TURNS,
    SURNAMES,
    THANKS,
    TITLE_MAX,
    TITLE_MIN,
    TOC_HEADER_WORDS,
    WINDS_UP,
    one_of,
)
from .markers import MarkerHit
from .model import Family, Marker, Placement
from .noise import QA_LABEL
from .paragraphs import Paragraph

_AUDIENCE = one_of(AUDIENCE)
# Any group the speaker names: 共青团员们, 青年朋友们, 全体党员同志 (not 我们 or 他们).
_GROUP = r"(?:(?:各位|诸位)[^\s，,、：:！!。？?；;]{1,4}|[^\s，,、：:！!。？?；;]{2,8}?(?:们|同志))"
SALUTATION = re.compile(
    rf"^{_AUDIENCE}(?:[、，,和]\s*{_AUDIENCE})*(?:[、，,]?\S{{0,4}})?[：:！!]?$"  # 同志们，大家好！
    rf"|^{_GROUP}(?:[、，,和]\s*(?:{_GROUP}|{_AUDIENCE}))*[：:！!]$"  # 共青团员们，青年朋友们，同志们：
    # 尊敬的各位领导、亲爱的同学们：
    rf"|^{one_of(SALUTATION_HONORIFICS)}[^。！？]{{1,30}}{one_of(SALUTATION_ADDRESSEES)}[：:！!，,]?$"
)
GREETING = re.compile(rf"^大家{one_of(GREETING_TIMES)}?好[！!。.]?$")
# A paragraph that turns to the audience between parts: 各位代表，过去一年… / 同志们！
ADDRESS = re.compile(rf"^{_AUDIENCE}(?:[、，,和]\s*{_AUDIENCE})*[，,！!：:]")
DATELINE = re.compile(
    r"^(?:——|――|─|-{2})"  # ——2018年3月5日在…会议上
    r"|^[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月"
    r"|^[（(][^（）()]*\d[^（）()]*[）)]$"  # （2022年10月22日…通过）
    r"|^[（(][^（）()]*[〇一二三四五六七八九十]年[^（）()]*[）)]$"
)
_OFFICE = one_of(OFFICES)
# An office, then a name of up to four characters (many Tibetan and Mongolian names have four):
# 国务院总理　李克强, 代市长徐芝文, 某市市长 某某某某. A byline in a title line, on its own, or labelled.
_OFFICE_AND_NAME = rf"\S{{0,8}}{_OFFICE}[\s\u3000]*[\u4e00-\u9fff·]{{2,4}}"
# A speaker's line: an office and a name; or a bare name of two or three characters (邓小平;
# 愚公移山, 述职报告 are four-character titles).
SPEAKER = re.compile(rf"^{_OFFICE_AND_NAME}$|^[\u4e00-\u9fff]{{2,3}}$|^[\u4e00-\u9fff]+·[\u4e00-\u9fff]+$")
# 《政府工作报告》名词解释: the glossary may name the report it explains.
ATTACHMENT = re.compile(rf"^{one_of(ATTACHMENT_HEADS)}")
BACK_MATTER = re.compile(
    rf"^(?:《[^》]{{1,30}}》)?{one_of(BACK_MATTER_HEADS)}(?:[:：\d一二三四五六七八九十]|$)"
)
TOC_HEADER = re.compile(rf"^{one_of(TOC_HEADER_WORDS)}(?:$|\s*[/／]|[:：])")
# Page chrome that stands where a title would: breadcrumbs, a site's name.
CHROME = re.compile(
    rf"^{one_of(BREADCRUMBS)}"
    r"|^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?$"  # 附件2: a label above an attachment
    r"|[>＞»›→].*[>＞»›→]"  # 首页 > 讲话稿 > 会议讲话 > 正文
    r"|^\S{2,8}(?:网|網|站|館|馆|吧)$"  # 好范文网, 靈感範文站
    r"|(?:[^|｜]*[|｜]\s*[^|｜\s]){3}"  # 智慧校园 | 教学平台 | 办公电话 | 图书馆: a menu
)
# The genres a speech's title names; a name after one of them is the speaker's.
GENRE_END = re.compile(rf"{one_of(GENRE_ENDINGS)}$")
_PAGE_NUMBER = re.compile(r"[.．…·\s\u3000]*\d+$")
_PART_TITLE_PUNCT = re.compile(f"[{re.escape(PART_TITLE_PUNCT)}]")


def is_salutation(text: str) -> bool:
    return len(text) <= SALUTATION_MAX and bool(SALUTATION.match(text))


def is_address(text: str) -> bool:
    """A paragraph that turns to the audience: it closes the sections open before it."""
    return bool(ADDRESS.match(text))


# A paragraph that sums up or turns from what was done to what is lacking speaks of the whole
# section (or part), not of its last subsection: 回顾过去五年的工作，我们有几条体会：…;
# 我们也清醒认识到，…问题：…; 在看到成绩的同时，….
_SUMS_UP = re.compile(
    r"^.{0,30}?(?:"
    rf"{one_of(SUMS_UP_REVIEWS)}.{{0,40}}?{one_of(SUMS_UP_LESSONS)}"
    + "".join(f"|{turn}" for turn in SUMS_UP_TURNS)
    + ")"
)


_REVIEW_LEAD_IN = re.compile(rf"^.{{0,6}}?{one_of(SUMS_UP_REVIEWS)}.*[:：]\s*$", re.DOTALL)


def reviews_before_list(text: str) -> bool:
    """A lead-in that looks back over the period (过去一年，我们…：/ 五年来，…：). Under a
    section whose subsections were single paragraphs, the run it opens sums the section up."""
    return bool(_REVIEW_LEAD_IN.match(text))


_WINDS_UP = re.compile(WINDS_UP)


def closes_speech(text: str, *, address: bool) -> bool:
    """A paragraph that, after the speech's last section, speaks for the whole speech: a turn
    to the audience (`address`, as `is_address` found) other than a congress's deputies
    (同志们，…提三点希望：), or a winding up (以上四点意见…; 最后，我再强调…). The tree decides
    whether it stands after the last section."""
    return (address and not text.startswith(DELEGATES)) or bool(_WINDS_UP.match(text))


def sums_up(text: str) -> bool:
    """A paragraph that speaks of its whole section: a summary of experience, or the turn to
    problems. The run it opens belongs to the section, not to the last subsection."""
    return bool(_SUMS_UP.match(text))


_DATE_LINE = re.compile(
    r"^[\d×xX〇零一二三四五六七八九十○]{2,4}\s*年\s*[\d×xX〇零一二三四五六七八九十○]{1,2}\s*月"
)


# A speaker's turn on a line of its own in a transcript (徐直军：): what follows is that
# speaker's part. A name, or a role (主持人：), of two to five characters — one the title
# names, or that opens other paragraphs too (任正非：…); else a hard-wrapped line that ends
# on a colon (督促其修剪：) would pass for one.
_SPEAKER_LINE = re.compile(r"^([\u4e00-\u9fff·]{2,5})[：:]$")
_TURN = re.compile(r"^([\u4e00-\u9fff·]{2,5})[：:]")


def speakers(paragraphs: Sequence[Paragraph], title: str | None) -> frozenset[str]:
    """The names that take turns in a transcript: those that open two or more paragraphs
    (任正非：…, 问题：…), and those of a line `NAME：` that the title names."""
    turns: dict[str, int] = {}
    for p in paragraphs:
        found = _TURN.match(p.text)
        if found:
            turns[found.group(1)] = turns.get(found.group(1), 0) + 1
    # A round of remarks (郭平：… 徐直军：… 梁华：…): three or more people who speak once each.
    names = {n for n in turns if len(n) <= 3 and n[0] in SURNAMES}
    return frozenset(
        n
        for n, count in turns.items()
        if count >= 2 or (title and n in title) or (len(names) >= 3 and n in names)
    )


def after_turn(text: str, turns: frozenset[str]) -> int:
    """Where a speaker's words start in a turn of the transcript (任总：首先，… → at 首先), or 0."""
    found = _TURN.match(text)
    return found.end() if found and found.group(1) in turns else 0


# A figure's or table's caption (图 2 人才培养模式, 表1-2 …) and an editor's aside in
# brackets (（以下为全文）) stand between paragraphs, not between parts.
_CAPTION = re.compile(
    r"^(?:附?[图表]|Fig(?:ure)?\.?|Table)\s*[\d０-９]+(?:[-－.．]\d+)?(?![\d年%％])", re.IGNORECASE
)
_ASIDE = re.compile(r"^[（(][^（）()]*[）)]$")


def is_part_title(
    paragraph: Paragraph,
    hits: Sequence[MarkerHit],
    next_hits: Sequence[MarkerHit],
    seen: Mapping[str, int] | None = None,
    next_lead: MarkerHit | None = None,
    turns: frozenset[str] = frozenset(),
) -> bool:
    """An unnumbered part title between numbered parts: 2020年工作总结, “十四五”时期…, a
    speaker's turn in a transcript (徐直军：, see `speakers`), a bracketed question-and-answer label
    (【记者提问环节】, a part whatever the numbering after it).
    A short one-line paragraph with no marker and no punctuation that ends a sentence, after
    which numbering starts again (`next_hits`, the markers of the next paragraph that has
    any, begin at 1). A short line inside a section (引进优秀教师, before （二）) is not one,
    nor is a date (2020年1月1日).

    Once numbering has begun (`seen`: marker style → rank of its family), it must *start
    again*: the next marker, or the next paragraph-leading one (`next_lead`), is of a style
    already used or ranks above all of them. A label line of a PDF table (国内生产总值)
    before the first （一） under an open 二、 is no part title."""
    text = paragraph.text.strip()
    speaker = _SPEAKER_LINE.match(text)
    if speaker and speaker.group(1) in turns:
        text = speaker.group(1)
    if not (
        not hits
        and len(paragraph.lines) == 1
        and TITLE_MIN <= len(text) <= PART_TITLE_MAX
        and not _PART_TITLE_PUNCT.search(text)
        and not _DATE_LINE.match(text)
        and not _CAPTION.match(text)
        and not _ASIDE.match(text)
        and len(_CJK.findall(text)) >= TITLE_MIN
        and bool(next_hits)
        and next_hits[0].marker.number == 1
    ):
        return False
    if not seen or QA_LABEL.match(text):
        return True
    top = min(seen.values())
    candidates = [next_lead] if next_lead is not None else []
    if next_hits[0].placement is not Placement.AFTER_COMMA:
        candidates.append(next_hits[0])
    return any(hit.marker.style in seen or marker_rank(hit.marker) < top for hit in candidates)


def marker_rank(marker: Marker) -> int:
    """How far out a marker's family stands: 第X章 before 一、 before （一） … before 一是."""
    if marker.family is Family.DIVISION:
        return -1
    return SECTION_RANK.get(marker.family, len(SECTION_ORDER))


_CLOSING = re.compile(
    rf"^{one_of(THANKS)}(?:大家|各位)?[！!。.]?$|让我们.{{4,}}[！!。]$|^{one_of(CLOSING_PHRASES)}"
)


def is_closing(text: str) -> bool:
    """The paragraph a speech ends on: 同志们，让我们…！ / 谢谢大家！ / 以上发言，不当之处…"""
    return bool(_CLOSING.search(text)) or (is_address(text) and text.rstrip().endswith(("！", "!", "。")))


def is_back_matter(text: str) -> bool:
    return len(text) <= PART_TITLE_MAX and bool(BACK_MATTER.match(text))


def is_attachment(text: str) -> bool:
    """Back matter that is documents of their own (附件：…实施方案), not notes on the text."""
    return is_back_matter(text) and bool(ATTACHMENT.match(text))


def is_long(text: str) -> bool:
    """Body text rather than front matter: sentences. A long line with no sentence end is
    still a title (关于印发《…》的通知 runs to sixty characters)."""
    sentences = "。" in text[:-1] or text.endswith(("。", "！", "？"))
    return (sentences and len(text) >= LONG_SENTENCES) or len(text) >= LONG_LINE


@dataclass(frozen=True, slots=True)
class Front:
    body_start: int  # index of the first paragraph of the speech proper
    toc: tuple[int, ...]  # paragraph indexes of a leading table of contents
    title: str | None
    title_line: int | None
    subtitle: str | None
    salutation: str | None


def toc_heading(hit: MarkerHit, text: str) -> str:
    """The heading of a TOC entry, without its page number (一、总体要求……3)."""
    return _PAGE_NUMBER.sub("", text[hit.offset + hit.length :]).strip().rstrip(SEMICOLONS + "。" + COMMAS)


def _toc_key(hit: MarkerHit, text: str) -> tuple[str, int, str]:
    return hit.marker.style, hit.marker.number, re.sub(r"\W", "", toc_heading(hit, text))[:4]


def find_toc(paragraphs: Sequence[Paragraph], hits: Sequence[Sequence[MarkerHit]]) -> tuple[int, ...]:
    """A leading table of contents: two or more short marker-only paragraphs, before any long
    paragraph, whose headings come back as lead markers later in the text."""
    run: list[int] = []
    for p in paragraphs:
        text = p.text
        if is_long(text):
            break
        lead = hits[p.index][0] if hits[p.index] and hits[p.index][0].offset == 0 else None
        if (
            lead
            and lead.placement is Placement.LEAD
            and len(text) <= LONG_PARAGRAPH
            and "。" not in text[:-1]
        ):
            first = hits[run[0]][0].marker if run else None
            if first and (first.style, first.number) == (lead.marker.style, lead.marker.number):
                break  # the body's first heading: the entries start over
            run.append(p.index)
            continue
        if run or hits[p.index]:
            break  # a TOC comes before the body: the first marker ends the search either way
    if len(run) < 2:
        return ()
    # Under a 目录 header, entries with page numbers are a table of contents even when the body
    # repeats them without numbers.
    header = run[0] > 0 and TOC_HEADER.match(paragraphs[run[0] - 1].text)
    if header and sum(1 for i in run if _PAGE_NUMBER.search(paragraphs[i].text)) * 2 >= len(run):
        return tuple(run)
    entries = [_toc_key(hits[i][0], paragraphs[i].text) for i in run]
    later = [
        _toc_key(hit, p.text)
        for p in paragraphs[run[-1] + 1 :]
        for hit in hits[p.index]
        if hit.placement is Placement.LEAD
    ]
    # The body repeats the entries in order, starting with the first one.
    found, position = 0, 0
    for n, entry in enumerate(entries):
        at = next((j for j in range(position, len(later)) if _same_entry(entry, later[j])), None)
        if at is None:
            if n == 0:
                return ()
            continue
        found, position = found + 1, at + 1
    return tuple(run) if found >= max(2, (len(entries) + 1) // 2) else ()


def _same_entry(entry: tuple[str, int, str], body: tuple[str, int, str]) -> bool:
    return entry[:2] == body[:2] and len(entry[2]) >= 2 and body[2].startswith(entry[2][:2])


NOTE_LOOKAHEAD = 6  # paragraphs after a page's note in which the speech's salutation is looked for


def find_front(
    paragraphs: Sequence[Paragraph],
    hits: Sequence[Sequence[MarkerHit]],
    meta: dict[str, str],
    metadata_lines: Sequence[int] = (),
) -> Front:
    toc = find_toc(paragraphs, hits)
    skip = set(toc)
    body_start = len(paragraphs)
    salutation = None
    for p in paragraphs:
        if p.index in skip:
            continue
        text = p.text
        if is_salutation(text):
            salutation = text
            body_start = p.index + 1
            break
        if hits[p.index] or is_long(text):
            body_start = p.index
            break
    # A web page's note before the speech it reproduces (现摘录…讲话，希全体教工认真学习！) reads
    # as body; when a salutation follows within a few paragraphs and no marker before it, the
    # title, speaker and date lines in between are the front, and the body starts after it.
    if salutation is None:
        ahead = [p for p in paragraphs[body_start : body_start + NOTE_LOOKAHEAD] if p.index not in skip]
        for p in ahead:
            if hits[p.index]:
                break
            if is_salutation(p.text) and any(_could_be_title(q.text) for q in ahead if q.index < p.index):
                salutation, body_start = p.text, p.index + 1
                break
    # A short TOC header (目录) above the entries belongs to the TOC too.
    if toc and toc[0] > 0 and TOC_HEADER.match(paragraphs[toc[0] - 1].text):
        toc = (toc[0] - 1, *toc)
    candidates = [
        p
        for p in paragraphs[:body_start]
        if p.index not in toc
        and not p.lines[0].quoted
        and not is_salutation(p.text)
        and _could_be_title(p.text)
    ]
    title = subtitle = None
    title_line = None
    # A 公文's letterhead (发文机关标志: 某市人民政府办公室, 总 裁 办 电 子 邮 件) stands above its
    # document number (某政办发〔2020〕12号, 电邮讲话【2019】038号 签发人：…): the title is below it.
    numbers = [p.index for p in paragraphs[:body_start] if _DOCUMENT_NUMBER.search(p.text)]
    if numbers and any(p.index > numbers[0] for p in candidates):
        candidates = [p for p in candidates if p.index > numbers[0]]
    # On a web page everything above the breadcrumbs (当前位置：首页 > 学习专栏) is the site's menu.
    # The column's name may stand again under them (学习专栏): chrome too.
    crumbs = [p for p in paragraphs[:body_start] if _BREADCRUMB.match(p.text)]
    if crumbs:
        here = crumbs[-1]
        column = _CRUMB_SEPARATOR.split(here.text)[-1].strip()
        after = [p for p in candidates if p.index > here.index and p.text.strip() != column]
        candidates = after or candidates
    # A page's headline stands above its metadata line (文章来源：… 发布时间：…), the document it
    # carries below: 每周一学（2022年6月27日——7月3日） / 文章来源：… / 忠实践行新发展理念. A
    # headline that names a genre (2021年度…述职报告, over several reports) is the title itself.
    start = paragraphs[body_start].first_line if body_start < len(paragraphs) else None
    below = [n for n in metadata_lines if start is None or n < start]
    above = [p for p in candidates if below and p.first_line < below[-1]]
    if above and not any(_names_genre(p.text) for p in above):
        own = [p for p in candidates if p.first_line > below[-1] and not _TITLE_DASH.match(p.text)]
        candidates = own or candidates
    if candidates:
        # The first title-like line, unless a later one names the genre and the first does not:
        # a web page's menu or site name comes before the speech's own title (…会议上的讲话,
        # or 为实现…而团结奋斗 ——在…全会上的讲话).
        named = [p for p in candidates if _names_genre(p.text)]
        chosen = named[-1] if named and not _names_genre(candidates[0].text) else candidates[0]
        # A 公文's title set on two lines (某部 某部关于深入推进 / 某某建设的若干意见): the
        # title-like line right above, which opens the 关于 phrase the genre line ends, is its first half.
        first_half = next((p for p in candidates if p.index == chosen.index - 1), None)
        candidates = [chosen, *(p for p in candidates if p is not chosen and p.index > chosen.index)]
        title, title_line = clean_title(chosen.text), chosen.first_line
        if (
            first_half is not None
            and "关于" in first_half.text
            and "关于" not in chosen.text
            and not _names_genre(first_half.text)
        ):
            title, title_line = clean_title(first_half.text + chosen.text), first_half.first_line
        rest = [p.text for p in candidates[1:] if p.text != title]
        subtitle = rest[0] if rest else None
    elif meta.get("title"):
        title = _clean_meta_title(meta["title"])
    else:  # a page that runs the title into the salutation: 在…会议上的讲话同志们：今天…
        for p in paragraphs[: min(len(paragraphs), body_start + 1)]:
            fused = _FUSED_TITLE.match(p.text)
            if fused:
                title, title_line = fused.group(1).strip(), p.first_line
                break
    return Front(body_start, toc, title, title_line, subtitle, salutation)


_TITLE_TAIL = re.compile(
    r"(?:[\s\u3000]*[（(][^（）()]*(?:\d|[〇一二三四五六七八九十])\s*年[^（）()]*[）)]"  # （2021年1月19日）
    r"|[\s\u3000]+\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"  # 2021-01-19 10:00
    r"|[\s\u3000]*[（(]?(?:篇|范文)[\d一二三四五六七八九十]+[）)]?"  # 范文网的 “篇1”
    rf"|[\s\u3000]+{_OFFICE_AND_NAME}"  # 　国务院总理　李克强
    r")+$"
)
_TITLE_SPEAKER = re.compile(r"[\s\u3000]+[\u4e00-\u9fff]{2,3}$")  # …的讲话　张三
_TITLE_DASH = re.compile(r"[\s\u3000]*(?:——|――|—―|―—)")
_DATE_PREFIX = re.compile(r"^(?:19|20)\d{6}(?=[\u4e00-\u9fff])")  # 20210802江山代有才人出
_OCCASION = re.compile(rf"^\S{{0,12}}?在.{{2,60}}上|{one_of(GENRE_ENDINGS)}$|^\s*\d{{4}}年")


def clean_title(text: str) -> str:
    """A title line that also carries the date and the speaker keeps only the title:
    在全市工作会议上的讲话（2021年1月19日）　张三 → 在全市工作会议上的讲话."""
    cleaned = text
    while True:  # peel from the end: a date, a speaker with an office, a bare name after a genre
        before = cleaned
        cleaned = _TITLE_TAIL.sub("", cleaned).strip()
        bare = _TITLE_SPEAKER.sub("", cleaned).strip()
        if bare != cleaned and GENRE_END.search(_TITLE_TAIL.sub("", bare).strip()):
            cleaned = bare  # 奋进新征程 建新功 keeps its second half: no genre before it
        if cleaned == before:
            break
    cleaned = cleaned.rstrip(" \t\u3000|｜")  # forum titles: 新春团拜会致辞 | |
    # A two-part title on one line keeps its main part: 政府工作报告  ——1998年4月23日在…会议上,
    # 用干部队伍激活的确定性…——任总在…会议上的讲话; and a page's date before it (20210330…).
    cleaned = _DATE_PREFIX.sub("", cleaned)
    dash = _TITLE_DASH.search(cleaned)
    if dash and len(cleaned[: dash.start()].strip()) >= CLEAN_TITLE_MIN:
        spaced = dash.group()[:1].isspace()  # 政府工作报告  ——…: the dash stands apart
        if spaced or _OCCASION.search(cleaned[dash.end() :]):
            cleaned = cleaned[: dash.start()].strip()
    return cleaned if len(cleaned) >= CLEAN_TITLE_MIN else text


_CJK = re.compile(r"[\u4e00-\u9fff]")
_BREADCRUMB = re.compile(rf"^{one_of(BREADCRUMBS)}")
_DOCUMENT_NUMBER = re.compile(r"^\S{0,12}[〔【\[［]\s*(?:19|20)\d{2}\s*[〕】\]］]\s*\d{1,4}\s*号")
_CRUMB_SEPARATOR = re.compile(r"[>＞»›→]")


def _names_genre(text: str) -> bool:
    """The line names the speech's genre: as cleaned (…的讲话（2021年1月19日） → …的讲话) or
    in its second part (为实现…而团结奋斗 ——在…全会上的讲话)."""
    return bool(GENRE_END.search(clean_title(text)) or GENRE_END.search(text))


_FUSED_TITLE = re.compile(rf"^(.{{4,60}}?{one_of(FUSED_TITLE_GENRES)})[\s\u3000]*{_AUDIENCE}[、，,：:！!]")


# A news report's lead: 某大学新闻网讯, 本报讯（记者 张三）, 新华社北京3月5日电.
_NEWS_LEAD = re.compile(
    r"^(?:本报讯|\S{0,12}(?:网讯|报讯|台讯)|\S{0,10}社\S{0,10}[\d一二三四五六七八九十]+日电)(?:\s*[（(][^）)]*[）)]?)?$"
)
# A byline under a label: 本期访谈对象：某学院常务副院长张某, 主讲人：市委书记 张三.
_LABELLED_SPEAKER = re.compile(rf"^\S{{1,8}}[:：]\s*{_OFFICE_AND_NAME}$")


def _could_be_title(text: str) -> bool:
    if (
        not TITLE_MIN <= len(text) <= TITLE_MAX
        or text.endswith(("。", *COLONS))
        or len(_CJK.findall(text)) < TITLE_MIN
    ):
        return False  # an ID number (11330700MB…/2024-00144) is no title
    return not (
        DATELINE.match(text)
        or (SPEAKER.match(text) and not GENRE_END.search(text))  # 某讲话 names a genre: a title
        or _LABELLED_SPEAKER.match(text)  # 本期访谈对象：某学院常务副院长张某
        or _NEWS_LEAD.match(text)
        or TOC_HEADER.match(text)
        or CHROME.search(text)
        or GREETING.match(text)
    )


# A page title's site: 关于…的思考 | xxx.edu.cn, …_某某政府网; and the site before it as a
# breadcrumb: 某某大学->关于…的思考.
_PAGE_TITLE_SITE = re.compile(r"\s*[|｜_]\s*[^|｜_]{2,24}$")
_PAGE_TITLE_CRUMB = re.compile(r"^[^\s>＞»›→|｜]{2,20}?\s*(?:->|[>＞»›→])\s*")


def _clean_meta_title(title: str) -> str:
    """资阳市政府工作报告（2021年1月19日徐芝文） → 资阳市政府工作报告; a title a scraper wrote
    twice (2003年广州市政府工作报告2003年广州市政府工作报告) once; a page title's site name
    before or after it (某某大学->关于…的思考 | xxx.edu.cn) dropped."""
    for site in (_PAGE_TITLE_SITE, _PAGE_TITLE_CRUMB):
        bare = site.sub("", title).strip()
        if len(bare) >= CLEAN_TITLE_MIN:
            title = bare
    half = len(title) // 2
    if len(title) % 2 == 0 and half >= CLEAN_TITLE_MIN and title[:half] == title[half:]:
        title = title[:half]
    return re.sub(r"\s*[（(][^（）()]*\d[^（）()]*[）)]\s*$", "", title).strip() or title
