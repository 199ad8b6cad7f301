"""Readers: a document file of any supported kind → text for the parser.

Dispatch is by content first (a .docx renamed .txt is still a .docx), then by suffix:

- Word .docx (a zip holding word/document.xml): `readers.docx`, numbers written out;
- HTML (.html/.htm, or text that opens with <!doctype html> / <html>): tags off, one
  paragraph a line, <h1>…<h6> as markdown headings;
- anything else: text, decoded by `outline.source` (UTF-8/16, GB18030 …).

Formats we cannot read (legacy .doc, RTF, PDF, other zip packages) are an `InputError`
that tells the user what to do instead.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..source import InputError, decode_bytes, read_bytes
from .html import html_to_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls / .ppt (and .wps)
ZIP_MAGIC = b"PK\x03\x04"
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


@dataclass(frozen=True, slots=True)
class Document:
    """A document read for parsing: its text, how it was decoded, and reader notes."""

    text: str
    encoding: str
    name: str  # the path as given, or "-"
    kind: str = "text"  # text, docx, html
    meta: dict[str, str] = field(default_factory=dict)


def read_document(name: str | Path) -> Document:
    """Read a file (or standard input for "-") of any supported kind. Raises InputError."""
    data, label = read_bytes(name)
    suffix = Path(label).suffix.lower() if label != "-" else ""
    return document_from_bytes(data, label, suffix)


def document_from_bytes(data: bytes, label: str, suffix: str = "") -> Document:
    if data.startswith(ZIP_MAGIC):
        return _from_zip(data, label)
    if data.startswith(OLE_MAGIC):
        raise InputError(
            f"{label}: legacy Word .doc (or another old Office file) is not supported; "
            "open it in Word or WPS and save as .docx, or run: soffice --headless --convert-to docx FILE"
        )
    if data.lstrip()[:5] == b"{\\rtf":
        raise InputError(f"{label}: RTF is not supported; save it as .docx or plain text")
    if data.startswith(b"%PDF"):
        raise InputError(f"{label}: PDF is not supported; copy its text into a .txt file or convert to .docx")
    if suffix == ".doc":
        raise InputError(f"{label}: a .doc that is not a Word file we know; save it as .docx")
    text, encoding = decode_bytes(data, label)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        body = html_to_text(text)
        if not body.strip():
            raise InputError(f"{label}: empty document (no text in the HTML)")
        return Document(body, encoding, label, "html", {"format": "html"})
    return Document(text, encoding, label)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4000].lower()


def _from_zip(data: bytes, label: str) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, RuntimeError):
        raise InputError(f"{label}: damaged zip archive, not a readable .docx") from None
    # Word's main part is word/document.xml; a few generators name it otherwise.
    if "word/document.xml" in names or b"wordprocessingml.document.main+xml" in types:
        from .docx import docx_to_text

        text, meta = docx_to_text(data, label)
        if not text.strip():
            raise InputError(f"{label}: empty document (no text in the body of the .docx)")
        return Document(text, "utf-8", label, "docx", meta)
    if "content.xml" in names and "mimetype" in names:
        kind = "an OpenDocument file (.odt)"
    elif "content.json" in names or "content.xml" in names:
        kind = "a mind map (.xmind)"
    elif any(n.startswith(("xl/", "ppt/")) for n in names):
        kind = "an Excel or PowerPoint file"
    else:
        kind = "a zip archive"
    raise InputError(f"{label}: {kind}, not a document tigang reads; supported: .docx, .txt, .md, .html")


__all__ = ["Document", "document_from_bytes", "read_document"]
