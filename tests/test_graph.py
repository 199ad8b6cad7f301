"""The outline as a networkx DiGraph: ids, attributes, order, depth, and a light `show`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from tigang.outline import parse_file, parse_text
from tigang.outline.graph import ROOT, children_of, to_digraph

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "讲话稿示例.txt"


@pytest.fixture(scope="module")
def example():
    return parse_file(EXAMPLE)


def test_one_node_per_item_plus_the_root(example):
    graph = to_digraph(example)
    assert graph.number_of_nodes() == len(example) + 1
    assert nx.is_arborescence(graph)
    assert graph.in_degree(ROOT) == 0


def test_root_carries_the_title(example):
    graph = to_digraph(example)
    root = graph.nodes[ROOT]
    assert root["heading"] == example.title == graph.graph["title"]
    assert (root["level"], root["marker"], root["family"]) == (0, "", "")
    assert root["line"] == example.title_line


def test_ids_are_child_index_paths_with_node_attributes(example):
    graph = to_digraph(example)
    first = graph.nodes[(0,)]
    assert (first["level"], first["marker"], first["number"], first["line"]) == (1, "一、", 1, 10)
    assert first["heading"] == "统一思想，充分认识项目建设的重要意义"
    assert first["family"] == "section"
    assert first["label"] == "一、统一思想，充分认识项目建设的重要意义"
    assert graph.nodes[(1, 0, 2)]["heading"] == "强化前期工作"
    for node in graph:
        if node != ROOT:
            assert graph.has_edge(node[:-1], node)
            assert graph.nodes[node]["level"] == len(node)


def test_successors_in_document_order(example):
    graph = to_digraph(example)
    kids = children_of(graph)
    assert kids[ROOT] == [(0,), (1,), (2,)]
    lines = [graph.nodes[n]["line"] for n in nx.dfs_preorder_nodes(graph, ROOT) if n != ROOT]
    assert lines == [node.line for node in example.walk()]


def test_depth_keeps_the_top_levels(example):
    graph = to_digraph(example, depth=1)
    assert sorted(graph) == [ROOT, (0,), (1,), (2,)]
    assert max(d["level"] for _, d in graph.nodes(data=True)) == 1


def test_empty_outline_is_the_root_alone():
    graph = to_digraph(parse_text("没有编号的一段话。\n"))
    assert list(graph) == [ROOT]


def test_outline_package_does_not_import_networkx():
    code = "import sys, tigang.outline, tigang.outline.render; print('networkx' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr
