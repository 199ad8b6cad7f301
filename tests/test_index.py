"""The one path index of an outline (outline.index): the linter and the aligner read their
parents and children from it, so it must agree with the tree on every real text."""

from __future__ import annotations

from goldfile import SHARED

from tigang.outline import OutlineIndex, parse_file, parse_text
from tigang.outline.index import ROOT


def _check(outline) -> None:
    index = OutlineIndex.of(outline.nodes)
    assert [index.node[p] for p in index.order] == list(outline.walk())  # document order
    assert index.children[ROOT] == tuple((i,) for i in range(len(outline.nodes)))
    for path in index.order:
        node = index.node[path]
        assert index.parent[path] == path[:-1]
        assert tuple(index.node[kid] for kid in index.children[path]) == node.children
    path_of = index.path_of()
    assert all(index.node[path_of[id(n)]] is n for n in outline.walk())


def test_the_index_agrees_with_the_tree_on_real_texts(shared):
    texts = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "raw").glob("*"))
    assert len(texts) >= 14
    for path in texts:
        _check(parse_file(path))


def test_an_empty_outline_and_a_deep_one():
    _check(parse_text("只是一段没有编号的文字。\n"))
    deep = parse_text("一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n②己\n（2）庚\n2.辛\n（二）壬\n二、癸\n")
    index = OutlineIndex.of(deep.nodes)
    assert index.parent[(0, 0, 0, 0, 1)] == (0, 0, 0, 0)
    assert [deep.nodes[0].children[1].heading] == [index.node[(0, 1)].heading] == ["壬"]
    _check(deep)
