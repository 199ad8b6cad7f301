"""What every mind-map export shares: the root's text, the nodes kept at a depth, a node's
note, and text that is safe inside XML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from ..model import Node, Outline

UNTITLED = "提纲"
# Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def root_text(outline: Outline) -> str:
    """The central topic: the document's title, else the file's name, else 提纲."""
    if outline.title:
        return outline.title
    if outline.source and outline.source != "-":
        return PurePath(outline.source).stem
    return UNTITLED


def kept_children(nodes: tuple[Node, ...], depth: int | None) -> tuple[Node, ...]:
    return tuple(n for n in nodes if depth is None or n.level <= depth)


def walk_kept(nodes: tuple[Node, ...], depth: int | None) -> Iterator[Node]:
    for node in kept_children(nodes, depth):
        yield node
        yield from walk_kept(node.children, depth)


def note_text(node: Node, body: bool) -> str:
    return xml_safe(node.body) if body and node.body else ""


def xml_safe(text: str) -> str:
    """Text with the characters XML cannot hold removed (escaping is the serializer's job)."""
    return _NOT_XML.sub("", text)
