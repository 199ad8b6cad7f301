"""Source lines: the decoded text split with `str.splitlines()`, wrappers removed.

Line numbers are the contract (`line` in the JSON is 1-based over `str.splitlines()`), so
nothing here ever joins or drops a line; it only blanks what is not document text:
YAML front matter, HTML comments, `<details>` blocks (markdown tables of contents), tags,
and the markdown that wraps a paragraph (`## `, `> `, `**…**`, `- `).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .lexicon import (
    HTML_TAGS,
    MAX_COMMENT_LINES,
    MAX_DETAILS_LINES,
    MAX_FRONT_MATTER_LINES,
    WHITESPACE,
    one_of,
)


class LineKind(str, Enum):
    BLANK = "blank"
    TEXT = "text"
    META = "meta"  # YAML front matter, HTML comments and other markup with no text
    TOC = "toc"  # inside a <details> block or a detected table of contents
    NOISE = "noise"  # advertising, web-page chrome (set by outline.noise)


@dataclass(slots=True)
class SourceLine:
    number: int  # 1-based
    raw: str
    text: str  # cleaned: no markup, no surrounding white space
    kind: LineKind
    indent: int  # leading white space of the raw line, in characters
    emphasised: bool = False  # a markdown heading or a line that is bold as a whole
    heading_level: int = 0  # markdown `#` count (0: not a markdown heading)
    bullet_depth: int | None = None  # markdown list item: 0 at the margin, 1 indented once …
    quoted: bool = False  # a markdown `>` quote (or callout): never the title


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Real HTML tags only: `A&B<C>工作` in a plain text keeps its <C>.
_TAG = re.compile(rf"</?{one_of(HTML_TAGS)}(?:\s[^<>]*)?/?>", re.I)
_HEADING = re.compile(r"^(#{1,6})(?:\s+|$)")
_QUOTE = re.compile(r"^(?:>\s?)+")
_BULLET = re.compile(r"^([ \t]*)[-*+]\s+(?=\S)")
# Heading and quote signs left at the start once the outer markup is gone (## ## 标题, **> 引文**).
_LEFTOVER_SIGNS = re.compile(r"^(?:(?:#{1,6}|>)[ \t\u3000]+)+")
_BOLD = re.compile(r"\*\*")  # not __: in Chinese templates ___ is a blank to fill in
# Invisible format characters web pages and word processors leave inside words and markers
# (一\u200b、, bidi overrides that reorder what a reader sees): removed from the text, kept in `raw`.
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_DROP_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
_YAML_TITLE = re.compile(r"^title\s*:\s*(.+?)\s*$")


def split_lines(text: str) -> tuple[list[SourceLine], dict[str, str]]:
    """Split decoded text into cleaned lines; return the lines and YAML front-matter fields."""
    raw_lines = text.splitlines()
    meta: dict[str, str] = {}
    kinds = [LineKind.TEXT] * len(raw_lines)
    _mark_front_matter(raw_lines, kinds, meta)
    stripped = _strip_comments(raw_lines, kinds)
    if _INVISIBLE.search(text):
        stripped = [line.translate(_DROP_INVISIBLE) for line in stripped]
    _mark_details(stripped, kinds)
    lines = []
    for index, raw in enumerate(raw_lines):
        body = stripped[index]
        indent = len(raw) - len(raw.lstrip(WHITESPACE))
        if kinds[index] is not LineKind.TEXT:
            lines.append(SourceLine(index + 1, raw, "", kinds[index], indent))
            continue
        markup = clean_markup(body)
        text = markup.text
        kind = LineKind.TEXT if text else (LineKind.BLANK if not body.strip(WHITESPACE) else LineKind.META)
        lines.append(
            SourceLine(
                index + 1,
                raw,
                text,
                kind,
                indent,
                markup.emphasised,
                markup.heading_level,
                markup.bullet_depth,
                markup.quoted,
            )
        )
    return lines, meta


@dataclass(frozen=True, slots=True)
class Markup:
    text: str
    emphasised: bool = False
    heading_level: int = 0
    bullet_depth: int | None = None
    quoted: bool = False


_CALLOUT = re.compile(r"^\[![A-Za-z]+\][+-]?\s*")  # > [!NOTE] 标题 (Obsidian/GitHub callouts)


def clean_markup(line: str) -> Markup:
    """Remove markdown and tags around one line's text; keep what they say about structure."""
    text = line.strip(WHITESPACE)
    if not text or (text[0] not in "#>-*+" and "<" not in text and "**" not in text):
        return Markup(text)  # most lines of a speech: nothing to remove
    bullet = _BULLET.match(line)
    bullet_depth = len(bullet.group(1).expandtabs(4)) // 2 if bullet else None
    text = line.strip(WHITESPACE)
    emphasised = False
    heading_level = 0
    if "<" in text:
        text = _TAG.sub("", text).strip(WHITESPACE)
    if text.startswith("#"):
        match = _HEADING.match(text)
        if match:
            heading_level = len(match.group(1))
            emphasised = True
            text = text[match.end() :]
    quoted = text.startswith(">")
    if quoted:
        text = _CALLOUT.sub("", _QUOTE.sub("", text, count=1), count=1)
    if bullet_depth is not None:
        text = _BULLET.sub("", text, count=1)
    if "**" in text:
        emphasised = emphasised or (text.startswith("**") and text.endswith("**"))
        text = _BOLD.sub("", text)
    text = _LEFTOVER_SIGNS.sub("", text.strip(WHITESPACE))
    return Markup(text.strip(WHITESPACE), emphasised, heading_level, bullet_depth, quoted)


def _mark_front_matter(raw_lines: list[str], kinds: list[LineKind], meta: dict[str, str]) -> None:
    """YAML front matter: `---` on the first non-blank line, closed by `---` or `...`."""
    start = next((i for i, line in enumerate(raw_lines) if line.strip(WHITESPACE)), None)
    if start is None or raw_lines[start].strip() != "---":
        return
    for end in range(start + 1, min(len(raw_lines), start + MAX_FRONT_MATTER_LINES)):
        if raw_lines[end].strip() in ("---", "..."):
            for i in range(start, end + 1):
                kinds[i] = LineKind.META
                match = _YAML_TITLE.match(raw_lines[i].strip())
                if match and "title" not in meta:
                    meta["title"] = match.group(1).strip("'\"")
            return


def _strip_comments(raw_lines: list[str], kinds: list[LineKind]) -> list[str]:
    """Blank HTML comments, which may span lines, keeping the line count. A `<!--` that does
    not close within MAX_COMMENT_LINES is a stray tag, not a comment swallowing the rest."""
    out = list(raw_lines)
    if not any("<!--" in line for line in raw_lines):
        return out
    i = 0
    while i < len(out):
        line = out[i]
        if kinds[i] is not LineKind.TEXT or "<!--" not in line:
            i += 1
            continue
        line = _HTML_COMMENT.sub("", line)
        start = line.find("<!--")
        if start < 0:
            out[i] = line
        else:
            close = next(
                (j for j in range(i + 1, min(len(out), i + MAX_COMMENT_LINES)) if "-->" in out[j]), None
            )
            if close is None:
                out[i] = line.replace("<!--", "", 1)
                continue  # look again at the rest of this line
            out[i] = line[:start]
            for j in range(i + 1, close):
                out[j] = ""
                kinds[j] = LineKind.META
            out[close] = out[close][out[close].find("-->") + 3 :]
            i = close
            continue
        if not line.strip(WHITESPACE) and raw_lines[i].strip(WHITESPACE):
            kinds[i] = LineKind.META
        i += 1
    for k, line in enumerate(out):
        if kinds[k] is LineKind.TEXT and not line.strip(WHITESPACE) and raw_lines[k].strip(WHITESPACE):
            kinds[k] = LineKind.META
    return out


def _mark_details(lines: list[str], kinds: list[LineKind]) -> None:
    """A `<details>` block in a markdown speech is a collapsed table of contents. Only a block
    that closes counts: a stray `<details>` must not swallow the rest of the document."""
    i = 0
    while i < len(lines):
        if "<details" not in lines[i]:
            i += 1
            continue
        depth, end = 0, None
        for j in range(i, min(len(lines), i + MAX_DETAILS_LINES)):
            depth += lines[j].count("<details") - lines[j].count("</details>")
            if depth <= 0:
                end = j
                break
        if end is None:
            i += 1
            continue
        for j in range(i, end + 1):
            kinds[j] = LineKind.TOC
        i = end + 1
