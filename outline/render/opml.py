"""OPML 2.0: the outline format 幕布, OmniOutliner, WorkFlowy, Logseq and XMind import.

The title goes in <head><title>; each node is an <outline text="一、总体要求">, nested as
in the tree. With `body`, a node's body text is its note: the `_note` attribute that
OmniOutliner and 幕布 read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from ..model import Node, Outline
from .tree_text import kept_children, note_text, root_text, xml_safe


def _add(parent: ET.Element, node: Node, depth: int | None, body: bool) -> None:
    element = ET.SubElement(parent, "outline", {"text": xml_safe(node.label)})
    note = note_text(node, body)
    if note:
        element.set("_note", note)
    for child in kept_children(node.children, depth):
        _add(element, child, depth, body)


def render_opml(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> str:
    opml = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = xml_safe(root_text(outline))
    tree = ET.SubElement(opml, "body")
    for node in kept_children(outline.nodes, depth):
        _add(tree, node, depth, body)
    ET.indent(opml, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(opml, encoding="unicode") + "\n"
