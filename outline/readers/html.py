"""HTML → text: tags off, one block (paragraph, list item, heading, table row) a line.

<h1>…<h6> become markdown `#` lines, so the parser's heading hints give depths as they do
for markdown input. Scripts, styles and the <head> are not text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "section", "article",
    "header", "footer", "nav", "aside", "main", "blockquote", "pre", "hr", "figure",
    "figcaption", "address", "h1", "h2", "h3", "h4", "h5", "h6", "body",
})  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f]+")
SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template", "svg"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.heading = 0

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.current)).strip()
        if text:
            self.lines.append(("#" * self.heading + " " if self.heading else "") + text)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self._flush()
            if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
                self.heading = int(tag[1])

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self._flush()
            self.heading = 0

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    collector._flush()
    return "\n".join(collector.lines) + "\n"
