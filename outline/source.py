"""Reading input: bytes from a path or standard input, decoded to text.

Speeches arrive as UTF-8 (with or without BOM), UTF-16 from Word's "Unicode text" export,
and GB18030/GBK from older Windows tools. BOMs decide first; then strict UTF-8; then
UTF-16 without BOM (recognised by its NUL pattern); then charset-normalizer, which beats a
hand-written guesser on short GBK texts. Anything that is not text is an `InputError`
with a one-line message — the CLI prints it and exits 2.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """Input that cannot be read as a document. The message is one line for the user."""


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    encoding: str
    name: str  # the path as given, or "-"


# (BOM, codec for the bytes after it, name we report). UTF-32 first: its LE BOM starts like UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Largest input we accept; a speech corpus file is far smaller, a mistaken disk image is not.
MAX_BYTES = 512 * 1024 * 1024


def read_source(name: str | Path) -> SourceText:
    """Read and decode a path, or standard input when `name` is "-"."""
    data, label = read_bytes(name)
    text, encoding = decode_bytes(data, label)
    return SourceText(text=text, encoding=encoding, name=label)


def read_bytes(name: str | Path) -> tuple[bytes, str]:
    """The raw bytes of a path, or of standard input when `name` is "-"; and the label for
    messages. Missing files, folders, huge files and unreadable files are InputErrors."""
    label = str(name)
    if label == "-":
        return sys.stdin.buffer.read(), label
    path = Path(name)
    if not path.exists():
        raise InputError(f"{label}: no such file")
    if path.is_dir():
        raise InputError(f"{label}: is a directory, not a text file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{label}: file too large ({size} bytes)")
        return path.read_bytes(), label
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None


def decode_bytes(data: bytes, label: str = "input") -> tuple[str, str]:
    """Decode document bytes; return (text, encoding name). Raise InputError for non-text."""
    if not data.strip():
        raise InputError(f"{label}: empty input")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{label}: starts with a {name} byte-order mark but is not valid {name}"
                ) from None
            return _checked(text, label), name
    encoding = _utf16_without_bom(data)
    if encoding:
        try:
            return _checked(data.decode(encoding), label), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(f"{label}: binary file (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), label), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Strict GB18030 first: it covers GBK and GB2312 and rejects most non-Chinese bytes.
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return _checked(text, label), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: slow to import, rarely needed

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if _looks_like_text(text):
            return _checked(text, label), best.encoding
    raise InputError(f"{label}: cannot decode as UTF-8, UTF-16 or GB18030 (unknown encoding or binary)")


def _utf16_without_bom(data: bytes) -> str | None:
    """Word's "Unicode text" export may lack a BOM. Such bytes hold NULs (ASCII and line
    ends) and decode, in the right byte order, to text that reads as text."""
    if b"\x00" not in data[:65536] or len(data) % 2:
        return None
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:65536].decode(codec)
        except UnicodeDecodeError:
            continue
        score = _text_score(sample)
        if score > best_score:
            best, best_score = codec, score
    return best if best_score >= 0.9 else None


def _text_score(text: str) -> float:
    """Share of the visible characters a Chinese document is made of: CJK ideographs and
    punctuation, full-width forms, printable ASCII. Mojibake and binary score low."""
    sample = "".join(text[:20000].split())  # white space says nothing either way
    if not sample:
        return 0.0
    good = 0
    for ch in sample:
        code = ord(ch)
        if (
            32 <= code < 127
            or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
            or 0x3000 <= code <= 0x303F  # CJK punctuation
            or 0xFF00 <= code <= 0xFFEF  # full-width forms
            or 0x2000 <= code <= 0x206F  # general punctuation: “” … ——
            or 0x2460 <= code <= 0x24FF  # circled numbers
            or 0x3400 <= code <= 0x4DBF
            or code in (0xB7, 0xD7, 0xFEFF)
        ):
            good += 1
    return good / len(sample)


def _looks_like_text(text: str) -> bool:
    return _text_score(text) >= 0.85


def _checked(text: str, label: str) -> str:
    if "\x00" in text:
        raise InputError(f"{label}: binary file (contains NUL characters), not text")
    if not text.strip():
        raise InputError(f"{label}: empty input (only white space)")
    return text
