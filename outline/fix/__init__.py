"""tigang.outline.fix — mend the numbering `tigang check` finds, changing only the markers.

    >>> from tigang.outline.fix import fix_text
    >>> fixed = fix_text("一、总体要求\\n要稳。\\n二、主要任务\\n要实。\\n四、保障措施\\n要严。\\n")
    >>> fixed.text.splitlines()[4], [e.code for e in fixed.edits]
    ('三、保障措施', ['N101'])

Text files are fixed byte by byte (`fix_bytes`): the new markers are encoded in the file's
own encoding and spliced into the original bytes, so the encoding, line ends, BOM and every
other byte stay as they were. Word files are fixed inside their runs (`outline.fix.docx`).
"""

from __future__ import annotations

import codecs
import difflib
from collections import Counter
from dataclasses import dataclass, field

from ..lint.config import CheckConfig
from ..parser import parse_text
from ..source import InputError
from .plan import ANOMALY_CODES, FIXABLE, Edit, Lines, plan_fixes, plan_toc

# Renumbering one run can uncover a slip the linter saw only behind it (a repeated number
# inside a skipped run); a few rounds reach the fixed point.
MAX_ROUNDS = 4


@dataclass
class FixResult:
    """The text before and after, and every edit made (in the text of its round)."""

    before: str
    text: str
    edits: list[Edit] = field(default_factory=list)
    data: bytes = b""  # the fixed file, for files

    @property
    def changed(self) -> bool:
        return self.text != self.before

    def counts(self) -> Counter[str]:
        """How many markers each lint code's fix changed."""
        return Counter(code for edit in self.edits for code in edit.code.split(",") if code)

    def diff(self, name: str) -> str:
        """A unified diff of the text, as `git diff` shows it."""
        lines = difflib.unified_diff(
            self.before.splitlines(),
            self.text.splitlines(),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
            lineterm="",
        )
        return "".join(line + "\n" for line in lines)


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, last = [], 0
    for edit in edits:
        out.append(text[last : edit.start])
        out.append(edit.new)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


def fix_text(text: str, config: CheckConfig | None = None, *, splice=None) -> FixResult:
    """Fix a decoded document. `splice(edits)`, if given, is called with each round's edits
    before they are applied to the text (the byte-level writer follows along)."""
    result = FixResult(text, text)
    for _ in range(MAX_ROUNDS):
        edits = plan_fixes(parse_text(result.text), result.text, config)
        if not edits:
            break
        if splice:
            splice(edits)
        result.text = apply_edits(result.text, edits)
        result.edits.extend(edits)
    toc = plan_toc(parse_text(result.text), result.text, config)
    if toc:
        if splice:
            splice(toc)
        result.text = apply_edits(result.text, toc)
        result.edits.extend(toc)
    return result


# (BOM, codec) pairs a decoded text may have come from; the one that re-encodes the text to
# exactly the original bytes is the one to write with.
_CODECS = {
    "utf-8": ((b"", "utf-8"),),
    "utf-8-sig": ((codecs.BOM_UTF8, "utf-8"),),
    "utf-16": (
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (b"", "utf-16-le"),
        (b"", "utf-16-be"),
    ),
    "utf-32": ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")),
}


def _round_trip(data: bytes, text: str, encoding: str, label: str) -> tuple[bytes, str]:
    for bom, codec in _CODECS.get(encoding, ((b"", encoding),)):
        try:
            if data.startswith(bom) and text.encode(codec) == data[len(bom) :]:
                return bom, codec
        except (LookupError, UnicodeEncodeError):
            continue
    raise InputError(
        f"{label}: its {encoding} text does not encode back to the same bytes; "
        "fixing it would change more than the markers (save it as UTF-8 and try again)"
    )


class _ByteSplicer:
    """Applies each round's edits to the original bytes: the bytes between edits are copied,
    never re-encoded, so nothing but the markers can change."""

    def __init__(self, data: bytes, text: str, bom: bytes, codec: str, label: str) -> None:
        self.data, self.text, self.bom, self.codec, self.label = data, text, bom, codec, label

    def __call__(self, edits: list[Edit]) -> None:
        out = [self.data[: len(self.bom)]]
        position, byte = 0, len(self.bom)
        for edit in edits:
            gap = len(self.text[position : edit.start].encode(self.codec))
            old = self.text[edit.start : edit.end].encode(self.codec)
            out.append(self.data[byte : byte + gap])
            byte += gap
            if self.data[byte : byte + len(old)] != old:  # pragma: no cover - guarded by _round_trip
                raise InputError(f"{self.label}: the text and its bytes disagree; nothing was changed")
            try:
                out.append(edit.new.encode(self.codec))
            except UnicodeEncodeError:
                raise InputError(
                    f"{self.label}: “{edit.new}” cannot be written in {self.codec}; nothing was changed"
                ) from None
            byte += len(old)
            position = edit.end
        out.append(self.data[byte:])
        self.data = b"".join(out)
        self.text = apply_edits(self.text, edits)


def fix_bytes(data: bytes, label: str, config: CheckConfig | None = None) -> FixResult:
    """Fix a plain-text, markdown or .docx file's bytes. Raises InputError for what it cannot fix."""
    from ..readers import document_from_bytes

    # Read as `show` reads it first: damaged packages, zip bombs and unsupported formats are
    # refused with the reader's own message before anything is planned.
    document = document_from_bytes(data, label, _suffix(label))
    if document.kind == "docx" and "converted" in document.meta:
        raise InputError(
            f"{label}: a .doc or .wps is only read (through LibreOffice), not rewritten; "
            "save it as .docx and fix that"
        )
    if document.kind == "docx":
        from .docx import fix_docx

        return fix_docx(data, label, config)
    if document.kind != "text":
        raise InputError(
            f"{label}: {document.kind} input cannot be fixed in place (its text is not the file); "
            "fix reads .txt, .md and .docx"
        )
    bom, codec = _round_trip(data, document.text, document.encoding, label)
    splicer = _ByteSplicer(data, document.text, bom, codec, label)
    result = fix_text(document.text, config, splice=splicer)
    result.data = splicer.data
    return result


def _suffix(label: str) -> str:
    from pathlib import Path

    return Path(label).suffix.lower() if label != "-" else ""


__all__ = [
    "ANOMALY_CODES",
    "FIXABLE",
    "MAX_ROUNDS",
    "Edit",
    "FixResult",
    "Lines",
    "apply_edits",
    "fix_bytes",
    "fix_text",
]
