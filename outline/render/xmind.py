"""XMind workbook (.xmind): a zip that current XMind (XMind 2020 and later, "Zen") opens.

Members:
- content.json — the sheets: one sheet whose rootTopic is the title and whose
  children.attached are the items (notes.plain.content holds body text with `body`);
- metadata.json and manifest.json — what XMind writes beside it;
- content.xml and META-INF/manifest.xml — the same tree in the XMind 8 format, so older
  XMind (and tools that import only that format) open the file too. Current XMind reads
  content.json when both are present.

Identifiers are derived from positions, so exporting the same outline twice gives the same
bytes.
"""

from __future__ import annotations

import io
import json
import uuid
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

from ..model import Node, Outline
from .tree_text import kept_children, note_text, root_text, xml_safe

STRUCTURE = "org.xmind.ui.map.unbalanced"
_ID_SPACE = uuid.UUID("6f1c2a52-1b5e-4d0e-9a57-7469676e6721")
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
CONTENT_NS = "urn:xmind:xmap:xmlns:content:2.0"
MANIFEST_NS = "urn:xmind:xmap:xmlns:manifest:1.0"


def _topic_id(path: str) -> str:
    return uuid.uuid5(_ID_SPACE, path).hex[:26]


def _topic(node: Node, path: str, depth: int | None, body: bool) -> dict[str, Any]:
    topic: dict[str, Any] = {"id": _topic_id(path), "class": "topic", "title": xml_safe(node.label)}
    note = note_text(node, body)
    if note:
        topic["notes"] = {"plain": {"content": note}}
    children = kept_children(node.children, depth)
    if children:
        topic["children"] = {
            "attached": [_topic(child, f"{path}.{i}", depth, body) for i, child in enumerate(children)]
        }
    return topic


def content_tree(outline: Outline, *, depth: int | None = None, body: bool = False) -> list[dict[str, Any]]:
    """The content.json value: a list of sheets (one)."""
    root: dict[str, Any] = {
        "id": _topic_id("root"),
        "class": "topic",
        "title": xml_safe(root_text(outline)),
        "structureClass": STRUCTURE,
    }
    nodes = kept_children(outline.nodes, depth)
    if nodes:
        root["children"] = {"attached": [_topic(n, str(i), depth, body) for i, n in enumerate(nodes)]}
    return [{"id": _topic_id("sheet"), "class": "sheet", "title": "提纲", "rootTopic": root}]


def _legacy_topic(parent: ET.Element, topic: dict[str, Any]) -> None:
    element = ET.SubElement(parent, "topic", {"id": topic["id"]})
    if "structureClass" in topic:
        element.set("structure-class", topic["structureClass"])
    ET.SubElement(element, "title").text = topic["title"]
    if "notes" in topic:
        notes = ET.SubElement(element, "notes")
        ET.SubElement(notes, "plain").text = topic["notes"]["plain"]["content"]
    attached = topic.get("children", {}).get("attached", [])
    if attached:
        topics = ET.SubElement(ET.SubElement(element, "children"), "topics", {"type": "attached"})
        for child in attached:
            _legacy_topic(topics, child)


def _legacy_content(sheets: list[dict[str, Any]]) -> str:
    content = ET.Element("xmap-content", {"xmlns": CONTENT_NS, "version": "2.0"})
    for sheet in sheets:
        element = ET.SubElement(content, "sheet", {"id": sheet["id"]})
        _legacy_topic(element, sheet["rootTopic"])
        ET.SubElement(element, "title").text = sheet["title"]
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(
        content, encoding="unicode"
    )


def _legacy_manifest() -> str:
    manifest = ET.Element("manifest", {"xmlns": MANIFEST_NS})
    for path, media in (
        ("content.xml", "text/xml"),
        ("META-INF/", ""),
        ("META-INF/manifest.xml", "text/xml"),
    ):
        ET.SubElement(manifest, "file-entry", {"full-path": path, "media-type": media})
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(
        manifest, encoding="unicode"
    )


def render_xmind(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> bytes:
    from tigang import __version__

    sheets = content_tree(outline, depth=depth, body=body)
    members = {
        "content.json": json.dumps(sheets, ensure_ascii=False),
        "metadata.json": json.dumps(
            {"dataStructureVersion": "2", "creator": {"name": "tigang", "version": __version__}}
        ),
        "manifest.json": json.dumps({"file-entries": {"content.json": {}, "metadata.json": {}}}),
        "content.xml": _legacy_content(sheets),
        "META-INF/manifest.xml": _legacy_manifest(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
