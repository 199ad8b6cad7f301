"""The shell every report page shares: one self-contained HTML file.

The page carries its own CSS and JavaScript (assets/, written for tigang: no CDN, no fonts
to fetch), and its data in a `<script type="application/json">` block that the script reads.
A Content-Security-Policy allows nothing from outside and only *our* script, by its hash: if
some input string ever escaped unescaped, an injected `<script>` or `onerror=` still would not
run. Escaping stays the first defence: every string from an input goes through `esc` (HTML)
or `json_block` (data), and the script writes text with `textContent`, never `innerHTML`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from importlib.resources import files
from typing import Any

from tigang import __version__


@cache
def asset(name: str) -> str:
    return (files(__package__) / "assets" / name).read_text(encoding="utf-8")


def esc(text: object) -> str:
    """Text and attribute values: `<script>` and `"><img onerror=…>` become inert text."""
    return html.escape(str(text), quote=True)


# In a <script> element only `</script` and `<!--` can end or confuse the block; escaping
# every <, > and & (and the two line separators JavaScript once refused) is the simple rule.
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_block(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def page(*, kind: str, title: str, header: str, main: str, data: dict[str, Any]) -> str:
    """The whole page. `header` and `main` are HTML built with `esc`; `data` goes to the
    script as JSON. `kind` (outline, diff, skeleton, corpus) tells the script what to wire."""
    script = asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{_sha256(script)}'; base-uri 'none'; form-action 'none'"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN" data-kind="{esc(kind)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="generator" content="tigang {esc(__version__)}">
<link rel="icon" href="data:,">
<title>{esc(title)}</title>
<style>{asset("report.css")}</style>
</head>
<body>
<header class="top">{header}</header>
<main id="main">{main}</main>
<div id="toast" role="status" aria-live="polite"></div>
<script type="application/json" id="tigang-data">{json_block(data)}</script>
<script>{script}</script>
</body>
</html>
"""
