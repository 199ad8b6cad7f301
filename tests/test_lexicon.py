"""The lexicon (outline/lexicon.py) against the grammar, the scanner and the linter.

The lexicon is the one Python definition of the parser's words, punctuation and sizes; the
grammar (grammar/numbering.lark) spells the sequence and aspect words again as marker syntax.
These tests keep the two, and the linter's default level order, in step.
"""

from __future__ import annotations

import re

import pytest

from tigang.outline import lexicon
from tigang.outline.lint.config import CheckConfig
from tigang.outline.markers import candidate_regex, grammar_text, match_marker, parse_marker
from tigang.outline.model import Family
from tigang.outline.render import diagram, wrap

ORDINAL_MARKS = ("", "，", ",", "、", "：", ":")  # what may follow a sequence or aspect word


def _terminal_words(name: str) -> set[str]:
    """The alternatives of a word terminal of the grammar (SEQUENCE_WORD.2: /首先|其次|…/)."""
    found = re.search(rf"^{name}(?:\.\d+)?:\s*/(.+)/\s*$", grammar_text(), re.M)
    assert found, f"{name} is not in the grammar"
    return set(found.group(1).split("|"))


@pytest.mark.parametrize(
    ("words", "family", "terminal"),
    [
        (lexicon.SEQUENCE_WORDS, Family.SEQUENCE, "SEQUENCE_WORD"),
        (lexicon.ASPECT_WORDS, Family.ASPECT, "ASPECT_WORD"),
    ],
)
def test_word_markers_parse_with_the_lexicon_numbers(words, family, terminal):
    assert _terminal_words(terminal) == set(words)
    for word, number in words.items():
        for mark in ORDINAL_MARKS:
            marker, length = match_marker(f"{word}{mark}要抓好落实")
            assert (marker.family, marker.number, marker.text) == (family, number, word + mark)
            assert length == len(word + mark)
            assert parse_marker(word + mark)[0] == marker


def test_sequence_runs_go_forward_through_the_words():
    order = list(lexicon.SEQUENCE_WORDS)
    assert set(lexicon.SEQUENCE_NEXT) == set(order)
    assert lexicon.SEQUENCE_REPEATS.issubset(order)
    for i, word in enumerate(order):
        later = set(order[i + 1 :])
        assert later <= lexicon.SEQUENCE_NEXT[word] <= later | {word}
    assert lexicon.SEQUENCE_NEXT[order[0]] == set(order[1:])  # 首先 may be followed by any other
    assert lexicon.SEQUENCE_NEXT[order[-1]] == set()  # nothing after 最后


@pytest.mark.parametrize("mark", list(lexicon.STOPS + lexicon.COMMAS))
def test_every_stop_and_comma_is_one_the_candidate_regex_uses(mark):
    found = candidate_regex().search(f"前面的话{mark}（一）后面的话")
    assert found is not None and found.group(1) == mark


def test_the_candidate_regex_uses_no_other_stop():
    others = set(lexicon.CLOSERS + lexicon.TRAILING + "".join(lexicon.NO_LINE_START)) - set(
        lexicon.STOPS + lexicon.COMMAS
    )
    for mark in sorted(others):
        found = candidate_regex().search(f"前面的话{mark}（一）后面的话")
        assert found is None or found.group(1) != mark, mark


def test_the_lint_level_order_is_the_lexicon_family_order():
    assert CheckConfig().level_order == tuple(family.value for family in lexicon.SECTION_ORDER)


@pytest.mark.parametrize(
    ("family", "example"),
    [
        (Family.SECTION, "一、"),
        (Family.PAREN_SECTION, "（一）"),
        (Family.ARABIC, "1."),
        (Family.ARABIC_CLOSE, "1）"),
        (Family.PAREN_ARABIC, "（1）"),
        (Family.CIRCLED, "①"),
    ],
)
def test_the_family_order_names_section_families_of_the_grammar(family, example):
    ranked = (*lexicon.SECTION_ORDER, *lexicon.SAME_RANK)
    assert family in ranked
    assert len(set(ranked)) == len(ranked)
    assert set(lexicon.SAME_RANK.values()) <= set(lexicon.SECTION_ORDER)
    marker, _ = match_marker(f"{example}总体要求")
    assert marker.family is family and not family.is_enumerator


def test_thresholds_are_positive():
    sizes = {
        name: value
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, int) and not isinstance(value, bool)
    }
    assert {"WINDOW", "SHORT_LINE", "PART_TITLE_MAX", "FULL_SLACK", "MAX_COMMENT_LINES"} <= set(sizes)
    assert all(value > 0 for value in sizes.values()), sizes


def test_the_window_holds_the_longest_word_marker():
    longest = max(len(word) + 1 for word in (*lexicon.SEQUENCE_WORDS, *lexicon.ASPECT_WORDS))
    assert longest < lexicon.WINDOW


def test_word_lists_are_regex_alternatives_without_repeats():
    lists = {
        name: value
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, tuple) and value and isinstance(value[0], str)
    }
    assert {"NOISE_WORDS", "AUDIENCE", "OFFICES", "BACK_MATTER_HEADS", "SUMS_UP_TURNS"} <= set(lists)
    for name, alternatives in lists.items():
        assert len(set(alternatives)) == len(alternatives), name
        for alternative in alternatives:
            assert alternative.strip() == alternative and alternative, name
            re.compile(alternative)


def test_both_renderers_wrap_with_the_lexicon_sets():
    assert wrap.NO_LINE_START is lexicon.NO_LINE_START
    assert wrap.NO_LINE_END is lexicon.NO_LINE_END
    # The diagrams have always let a line start with 〉 and end with 〈.
    left_out = (lexicon.NO_LINE_START - diagram.NO_LINE_START, lexicon.NO_LINE_END - diagram.NO_LINE_END)
    assert left_out == ({"〉"}, {"〈"})
