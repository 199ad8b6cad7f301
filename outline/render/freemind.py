"""FreeMind .mm (also opened by Freeplane and imported by XMind): one <node TEXT=…> per
item under a root node holding the title. With `body`, a node's body text is its note
(FreeMind's <richcontent TYPE="NOTE"> with a small HTML body)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from ..model import Node, Outline
from .tree_text import kept_children, note_text, root_text, xml_safe


def _add(parent: ET.Element, node: Node, depth: int | None, body: bool, serial: list[int]) -> None:
    serial[0] += 1
    element = ET.SubElement(parent, "node", {"ID": f"ID_{serial[0]}", "TEXT": xml_safe(node.label)})
    if node.level == 1:
        element.set("POSITION", "right")
    note = note_text(node, body)
    if note:
        rich = ET.SubElement(element, "richcontent", {"TYPE": "NOTE"})
        html = ET.SubElement(rich, "html")
        ET.SubElement(html, "head")
        page = ET.SubElement(html, "body")
        for paragraph in note.splitlines() or [note]:
            ET.SubElement(page, "p").text = paragraph
    for child in kept_children(node.children, depth):
        _add(element, child, depth, body, serial)


def render_freemind(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> str:
    mind_map = ET.Element("map", {"version": "1.0.1"})
    root = ET.SubElement(mind_map, "node", {"ID": "ID_0", "TEXT": xml_safe(root_text(outline))})
    serial = [0]
    for node in kept_children(outline.nodes, depth):
        _add(root, node, depth, body, serial)
    ET.indent(mind_map, space="  ")
    return ET.tostring(mind_map, encoding="unicode") + "\n"
