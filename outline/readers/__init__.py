"""Readers: a document file of any supported kind → text for the parser.

Dispatch is by content first (a .docx renamed .txt is still a .docx), then by suffix:

- Word .docx (a zip holding word/document.xml): `readers.docx`, numbers written out;
- HTML (.html/.htm, or text that opens with <!doctype html> / <html>): tags off, one
  paragraph a line, <h1>…<h6> as markdown headings;
- anything else: text, decoded by `outline.source` (UTF-8/16, GB18030 …).

- PDF with a text layer: `readers.pdf`, one paragraph a line, running heads and page numbers
  dropped, and a `PageMap` of where each line was printed (scans are refused with advice);
- legacy Word .doc and WPS .wps: converted to .docx by LibreOffice when it is installed
  (`readers.legacy`).

Formats we cannot read (RTF, other zip packages, .doc without LibreOffice) are an
`InputError` that tells the user what to do instead.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..model import PageMap
from ..source import InputError, decode_bytes, read_bytes

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
    kind: str = "text"  # text, docx, html, pdf
    meta: dict[str, str] = field(default_factory=dict)
    pages: PageMap | None = None  # PDF: where each line of `text` was printed


def read_document(name: str | Path) -> Document:
    """Read a file (or standard input for "-") of any supported kind. Raises InputError."""
    data, label = read_bytes(name)
    suffix = Path(label).suffix.lower() if label != "-" else ""
    return document_from_bytes(data, label, suffix)


def document_from_bytes(data: bytes, label: str, suffix: str = "") -> Document:
    if data.startswith(ZIP_MAGIC):
        return _from_zip(data, label)
    if data.startswith(OLE_MAGIC):
        from .legacy import convert_to_docx

        converted = document_from_bytes(convert_to_docx(data, label, suffix), label, ".docx")
        return Document(
            converted.text, converted.encoding, label, "docx", {**converted.meta, "converted": "libreoffice"}
        )
    if data.lstrip()[:5] == b"{\\rtf":
        raise InputError(f"{label}: RTF is not supported; save it as .docx or plain text")
    if b"%PDF-" in data[:1024]:  # the header may follow a few bytes of junk
        from .pdf import pdf_to_text

        text, meta, pages = pdf_to_text(data, label)
        return Document(text, "utf-8", label, "pdf", meta, pages)
    if suffix == ".doc":
        raise InputError(f"{label}: a .doc that is not a Word file we know; save it as .docx")
    text, encoding = decode_bytes(data, label)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        from .html import html_to_text  # only for web pages: html.parser is not free to import

        body = html_to_text(text)
        if not body.strip():
            raise InputError(f"{label}: empty document (no text in the HTML)")
        return Document(body, encoding, label, "html", {"format": "html"})
    return Document(text, encoding, label)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4000].lower()


# A zip bomb (1 MB that unpacks to 1 GiB) must be refused from the zip directory, before any
# XML is read. A real 500-page report unpacks to a few tens of MB, its XML compressing about
# 5-20 times.
MAX_PART = 64 * 1024 * 1024  # one part of the package, unpacked
MAX_UNPACKED = 256 * 1024 * 1024  # all parts together
MAX_RATIO = 200  # unpacked / packed, for parts over RATIO_FROM bytes
RATIO_FROM = 4 * 1024 * 1024


def check_zip_sizes(archive: zipfile.ZipFile, label: str) -> None:
    """Refuse a package whose parts would unpack to more than a real document holds: by the
    sizes its directory declares, then by reading each part with a bound (the directory can
    lie)."""
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    for info in infos:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_PART or (info.file_size > RATIO_FROM and ratio > MAX_RATIO):
            raise InputError(
                f"{label}: refused: the part {info.filename} unpacks to {info.file_size / 2**20:,.0f} MB "
                f"({ratio:,.0f} times its packed size), more than a real document holds"
            )
    if total > MAX_UNPACKED:
        raise InputError(
            f"{label}: refused: the file unpacks to {total / 2**20:,.0f} MB, more than a real document holds"
        )
    for info in infos:
        with archive.open(info) as part:
            got = 0
            while chunk := part.read(1 << 20):
                got += len(chunk)
                if got > max(info.file_size, 1) or got > MAX_PART:
                    raise InputError(
                        f"{label}: refused: the part {info.filename} unpacks to more than its zip entry declares"
                    )


def _from_zip(data: bytes, label: str) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            check_zip_sizes(archive, label)
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except zipfile.BadZipFile as exc:
        reason = "a checksum does not match" if "CRC" in str(exc) else "its zip structure is broken"
        raise InputError(f"{label}: damaged file: {reason} (re-save it from Word or WPS)") from None
    except zlib.error:
        raise InputError(
            f"{label}: damaged file: a part cannot be unpacked (re-save it from Word or WPS)"
        ) from None
    except (OSError, RuntimeError, EOFError, zipfile.LargeZipFile, NotImplementedError):
        raise InputError(
            f"{label}: damaged file: its zip structure is broken (re-save it from Word or WPS)"
        ) from None
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
    elif label.lower().endswith(".docx") or any(n.startswith("word/") for n in names):
        raise InputError(
            f"{label}: damaged .docx: it has no main document part (word/document.xml); "
            "re-save it from Word or WPS"
        )
    else:
        kind = "a zip archive"
    raise InputError(f"{label}: {kind}, not a document tigang reads; supported: .docx, .txt, .md, .html")


__all__ = ["Document", "document_from_bytes", "read_document"]
