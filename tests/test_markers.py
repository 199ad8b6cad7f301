"""The numbering grammar: every marker style, full and half width, and the look-alikes it rejects."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tigang.outline.markers import chinese_number, first_pattern, match_marker, scan_paragraph
from tigang.outline.model import Family, Placement


@pytest.mark.parametrize(
    ("text", "family", "number", "marker"),
    [
        ("一、总体要求", Family.SECTION, 1, "一、"),
        ("十一、加强党的建设", Family.SECTION, 11, "十一、"),
        ("二十．其他", Family.SECTION, 20, "二十．"),
        ("九十九.最后一项", Family.SECTION, 99, "九十九."),
        ("三　研究新情况", Family.SECTION, 3, "三　"),
        ("（一）指导思想", Family.PAREN_SECTION, 1, "（一）"),
        ("(二)主要目标", Family.PAREN_SECTION, 2, "(二)"),
        ("（十四）其他", Family.PAREN_SECTION, 14, "（十四）"),
        ("1.推进改革", Family.ARABIC, 1, "1."),
        ("12．扩大开放", Family.ARABIC, 12, "12．"),
        ("3、加强领导", Family.ARABIC, 3, "3、"),
        ("１．全角数字", Family.ARABIC, 1, "１．"),
        ("4）半括号", Family.ARABIC_CLOSE, 4, "4）"),
        ("（1）坚持原则", Family.PAREN_ARABIC, 1, "（1）"),
        ("(12)坚持原则", Family.PAREN_ARABIC, 12, "(12)"),
        ("①加强学习", Family.CIRCLED, 1, "①"),
        ("⑳最后", Family.CIRCLED, 20, "⑳"),
        ("第一章 总则", Family.DIVISION, 1, "第一章"),
        ("第三节\u2002\u2002监护", Family.DIVISION, 3, "第三节"),
        ("第二部分 主要任务", Family.DIVISION, 2, "第二部分"),
        ("第一百零二条 非法人组织", Family.DIVISION, 102, "第一百零二条"),
        ("第二百条 期间", Family.DIVISION, 200, "第二百条"),
        ("第一条（宗旨）本会的宗旨是", Family.DIVISION, 1, "第一条"),  # an article's title in brackets
        ("第十二条【立法目的】为了规范", Family.DIVISION, 12, "第十二条"),
        ("第一，要加强学习", Family.ORDINAL, 1, "第一，"),
        ("第二、严格管理", Family.ORDINAL, 2, "第二、"),
        ("第三：注重实效", Family.ORDINAL, 3, "第三："),
        ("第四,半角逗号", Family.ORDINAL, 4, "第四,"),
        ("第一\u3000彻底消灭侵略者", Family.ORDINAL, 1, "第一\u3000"),  # older print's heading
        ("第十\u3000外交问题", Family.ORDINAL, 10, "第十\u3000"),
        ("一是要坚持学习", Family.SHI, 1, "一是"),
        ("十二是其他", Family.SHI, 12, "十二是"),
        ("三要推进创建", Family.YAO, 3, "三要"),
        ("首先，要统一思想", Family.SEQUENCE, 1, "首先，"),
        ("其次要抓落实", Family.SEQUENCE, 2, "其次"),
        ("再次，加强保障", Family.SEQUENCE, 3, "再次，"),
        ("最后，强调一点", Family.SEQUENCE, 0, "最后，"),
        ("⑶改造管网", Family.PAREN_ARABIC, 3, "⑶"),
        ("㈢ 强化责任落实", Family.PAREN_SECTION, 3, "㈢"),  # Word's numbering pasted as text
        ("㈩其他事项", Family.PAREN_SECTION, 10, "㈩"),
        ("⒉ 抓好民生保障", Family.ARABIC, 2, "⒉"),
        ("⒛最后一项", Family.ARABIC, 20, "⒛"),
        ("（一○）我们的敌人", Family.PAREN_SECTION, 10, "（一○）"),  # older print: ○ for zero
        ("（一一）为了和平", Family.PAREN_SECTION, 11, "（一一）"),  # digit by digit in brackets
        ("二○、结束语", Family.SECTION, 20, "二○、"),
        ("一 重工业和轻工业、农业的关系", Family.SECTION, 1, "一 "),  # older print typed again
        ("十二 中国工业化的道路", Family.SECTION, 12, "十二 "),
        ("一一\u3000新的文化", Family.SECTION, 11, "一一\u3000"),  # older print's headings after 一○
        ("一五\u3000大众的文化", Family.SECTION, 15, "一五\u3000"),
        ("1.1 编制目的", Family.DECIMAL, 1, "1.1"),
        ("2.3.4　适用范围", Family.DECIMAL, 4, "2.3.4"),
        ("Ⅲ、工作安排", Family.ROMAN, 3, "Ⅲ、"),
        ("IV. 任务问题", Family.ROMAN, 4, "IV."),
        ("第一篇　总体要求", Family.DIVISION, 1, "第一篇"),
        ("一方面，延续政策", Family.ASPECT, 1, "一方面，"),
        ("另一方面，加大力度", Family.ASPECT, 2, "另一方面，"),
        ("2 、开放", Family.ARABIC, 2, "2 、"),  # a PDF's gap before the comma
        ("三 、今年任务", Family.SECTION, 3, "三 、"),
        ("五、六稳六保", Family.SECTION, 5, "五、"),  # the next number, but no counter after it
    ],
)
def test_marker_styles(text, family, number, marker):
    parsed = match_marker(text)
    assert parsed is not None, text
    found, _ = parsed
    assert (found.family, found.number, found.text) == (family, number, marker)


@pytest.mark.parametrize(
    "text",
    [
        "第一要务是发展",
        "统一是前提",
        "十一五期间",
        "第一个百年目标",
        "第一条经验是",  # 第X条 is an article only before a space
        "第三条路可走",
        "1.10个产业生态圈",
        "38.1%的增长",
        "64.1 %，达到七十五亿元",  # a PDF's gap before the unit: still a figure
        "22.7 ‰和 16 ‰以内",
        "五、六年前我就提出",  # "five or six years ago": an approximate number
        "3、4个月后",
        "九、十天以后",
        "六、七十年代军队也是最好的",  # the sixties and seventies
        "再次感谢大家",  # "once more", not "thirdly"
        "再次向大家表示感谢",
        "22.2020年投资",
        "2020年以来",
        "一二、错误数字",
        "十十、错误数字",
        "一一、逐项落实",  # digit by digit only where older print writes it: before a space
        "〔36〕注释",
        "[1]注释",
        "——加强学习",
        "唯一要求",
        "第一篇文章",  # 第X篇 is a part only before a space
        "第一\u3000",  # a space with nothing after it
        "第一 次会议",  # an ordinary space is a typing slip, not a marker's mark
        "X书记讲话",  # X is a placeholder in templates, not a Roman ten
        "Iphone",
    ],
)
def test_look_alikes_are_not_markers(text):
    assert match_marker(text) is None


def test_half_width_is_recorded():
    full, _ = match_marker("（一）全角")
    half, _ = match_marker("(一)半角")
    assert full.full_width and not half.full_width
    assert full.style == half.style  # one style: widths mix within one level


def test_division_units_are_distinct_styles():
    chapter, _ = match_marker("第一章 总则")
    article, _ = match_marker("第一条 目的")
    assert chapter.style != article.style


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("九十九", 99),
        ("一百", 100),
        ("一百零五", 105),
        ("二百零四", 204),
    ],
)
def test_chinese_numbers(numeral, value):
    assert chinese_number(numeral) == value


def test_scan_positions_words_are_never_markers_inside_words():
    text = "坚持发展是第一要务，统一是前提。一是加强学习；二是狠抓落实。安全第一、预防为主"
    hits = scan_paragraph(text)
    assert [(h.marker.text, h.placement) for h in hits] == [
        ("一是", Placement.INLINE),
        ("二是", Placement.INLINE),
    ]


def test_scan_marks_lead_and_comma_positions():
    hits = scan_paragraph("（一）抓发展。主要有三条，一是强基础；二是补短板；三是优服务。")
    assert [(h.marker.text, h.placement) for h in hits] == [
        ("（一）", Placement.LEAD),
        ("一是", Placement.AFTER_COMMA),
        ("二是", Placement.INLINE),
        ("三是", Placement.INLINE),
    ]


def test_marker_after_closing_quote_and_bold():
    hits = scan_paragraph("他说：“要抓紧。”一是抓学习。**二是**抓落实。")
    assert [h.marker.text for h in hits] == ["一是", "二是"]


@pytest.mark.parametrize("space", [" ", "\u3000", "\u2002", "\u2003", "\u00a0", "\u2009"])
def test_marker_after_a_space_between_sentences(space):
    """Word pastes an en space (or NBSP, thin space) between sentences; 四是 still follows 。."""
    hits = scan_paragraph(f"存在的问题：一是基础薄弱。二是投入不足。{space}三是服务意识有待增强。")
    assert [h.marker.text for h in hits] == ["一是", "二是", "三是"]


def test_prefilter_comes_from_the_grammar():
    """The cheap prefilter is read off the grammar's start state: it admits every marker's
    first terminal and nothing that no marker can start with."""
    pattern = re.compile(first_pattern())
    for start in ("第一，", "首先", "一方面", "（一）", "(1)", "①", "１．", "十一、"):
        assert pattern.match(start), start
    for other in ("我们", "——", "〔36〕", "要", "在"):
        assert not pattern.match(other), other


def _parse_in_fresh_process(cache_home: Path) -> subprocess.CompletedProcess:
    code = "from tigang.outline import parse_text; print(parse_text('一、总体要求\\n（一）指导思想\\n').nodes[0].children[0].heading)"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)


def test_parse_tables_are_cached_per_user_and_a_broken_cache_is_ignored(tmp_path):
    first = _parse_in_fresh_process(tmp_path)
    assert first.returncode == 0 and first.stdout.strip() == "指导思想" and not first.stderr
    cache = tmp_path / "tigang" / "numbering.lark.cache"
    assert cache.stat().st_size > 1000
    cache.write_bytes(b"not a pickle at all\n\x00\x01")  # a torn or planted file
    again = _parse_in_fresh_process(tmp_path)
    assert again.returncode == 0 and again.stdout.strip() == "指导思想" and not again.stderr
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    third = _parse_in_fresh_process(blocked)  # the folder cannot be made: no cache, no noise
    assert third.returncode == 0 and third.stdout.strip() == "指导思想" and not third.stderr


# Windows whose marker is decided by the character right after it, or by the one after that.
_DECIDED_LATE = [
    "第一条 经营",
    "第一条经验",
    "第一条",
    "第一条　",
    "五、六年前",
    "五、六大任务",
    "六、七十年代",
    "一、二十年来",
    "再次感谢",
    "再次加强",
    "再次，向",
    "3、4个月",
    "3、4项",
    "1.1 编制",
    "1.10个",
    "1.1 %",
    "1 总则",
    "1 2",
    "一　标题",
    "第一　标题",
    "一　",
    "II、",
    "IVa",
    "12",
    "123",
    "1234",
    "第一部分，谈",
    "第一部分谈",
    "首先，",
    "首先我们",
    "一方面",
    "另一方面，",
    "一是一",
    "十一五",
]
_ALPHABET = list(
    "一二三四五六七八九十百零两是要第章节条篇编部分首先其次然后最另方面年月个大加推、，：。．.（）( 0123456789①⑴㈠⒈ⅠIV%○\u3000"
)


def _by_grammar(window: str):
    from tigang.outline import markers

    parsed = markers._parse_marker(window)
    return None if parsed is None else parsed[:2]


@pytest.mark.parametrize("window", _DECIDED_LATE)
def test_remembered_markers_are_what_the_grammar_says(window):
    """parse_marker remembers a marker by what decides it (the marker and the class of the
    next character); every window gets what the grammar gives it, whatever came before."""
    from tigang.outline import markers

    for other in _DECIDED_LATE:  # fill the memory with neighbours first
        markers.parse_marker(other + "加")
    assert markers.parse_marker(window) == _by_grammar(window)


def test_remembered_markers_agree_with_the_grammar_on_random_windows():
    import random

    from tigang.outline import markers

    rng = random.Random(11)
    windows = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    markers.parse_marker.cache_clear()
    assert [markers.parse_marker(w) for w in windows] == [_by_grammar(w) for w in windows]
