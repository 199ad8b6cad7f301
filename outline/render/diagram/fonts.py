"""Fonts for the diagrams: which font files draw the text, and what an SVG asks a viewer for.

Chinese is drawn with the Noto Sans SC that the pylopdf-fonts-zh-cn package ships, registered
with matplotlib at render time, so no system CJK font is needed. `font=PATH` puts another font
first; without the package, system CJK fonts take its place. DejaVu Sans (bundled with
matplotlib) comes last. A character no font in that chain covers is drawn as "?" and reported,
never as a tofu box.

`packaged_font()` needs no matplotlib (the DOT export points Graphviz at the same file);
everything else imports it inside the functions.
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from functools import lru_cache
from pathlib import Path

from .errors import RenderError

FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_FILE = "NotoSansSC-Regular.otf"
FONT_FAMILY = "Noto Sans SC"  # the family name inside FONT_FILE
# Tried in this order when the packaged font is missing.
SYSTEM_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Droid Sans Fallback",
    "Noto Sans CJK JP",
)
LAST_RESORT_FAMILY = "DejaVu Sans"
# What an SVG with real text asks the viewer for: ours first, then the CJK sans-serif fonts of
# Windows, macOS, Linux and Office, then the generic family. A viewer without any of them
# still shows Chinese through its own fallback, never boxes for the text we measured.
CSS_FALLBACK = (
    FONT_FAMILY,
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "思源黑体",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "微软雅黑",
    "WenQuanYi Micro Hei",
    "SimHei",
    "sans-serif",
)


def packaged_font() -> Path | None:
    """The Noto Sans SC file of pylopdf-fonts-zh-cn, or None if the package is not installed."""
    try:
        path = importlib.resources.files(FONT_PACKAGE) / FONT_FILE
    except ModuleNotFoundError:
        return None
    return Path(str(path)) if path.is_file() else None


def system_cjk_fonts() -> list[Path]:
    """Installed CJK fonts matplotlib knows about, best first."""
    from matplotlib import font_manager

    by_name: dict[str, Path] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.name in SYSTEM_CJK_FAMILIES and entry.weight in (400, "normal", "regular"):
            by_name.setdefault(entry.name, Path(entry.fname))
    return [by_name[name] for name in SYSTEM_CJK_FAMILIES if name in by_name]


_registered: dict[Path, str] = {}


def register_font(path: str | Path) -> str:
    """Make a font file known to matplotlib; returns its family name."""
    from matplotlib import font_manager

    path = Path(path)
    if path not in _registered:
        if not path.is_file():
            raise RenderError(f"{path}: no such font file")
        try:
            font_manager.fontManager.addfont(str(path))
            _registered[path] = font_manager.FontProperties(fname=str(path)).get_name()
        except (OSError, RuntimeError, ValueError) as exc:
            raise RenderError(f"{path}: not a font matplotlib can read ({exc})") from None
    return _registered[path]


def font_chain(font: str | Path | None = None) -> list[Path]:
    """The font files used, in fallback order: `font`, the packaged Noto Sans SC (or system CJK
    fonts without it), DejaVu Sans."""
    from matplotlib import font_manager

    chain = [Path(font)] if font else []
    packaged = packaged_font()
    chain += [packaged] if packaged else system_cjk_fonts()
    chain.append(Path(font_manager.findfont(LAST_RESORT_FAMILY, fallback_to_default=True)))
    unique: list[Path] = []
    for path in chain:
        if path not in unique:
            unique.append(path)
    return unique


def families_of(fonts: list[Path]) -> list[str]:
    """The registered family names of a font chain, each once (a user font may share its name
    with ours)."""
    return list(dict.fromkeys(register_font(path) for path in fonts))


@lru_cache(maxsize=16)
def coverage(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(str(path)).get_charmap())


def uncovered(text: str, fonts: list[Path]) -> set[str]:
    """Characters of `text` (whitespace aside) that no font of the chain covers."""
    chars = {c for c in text if not c.isspace()}
    for path in fonts:
        chars = {c for c in chars if ord(c) not in coverage(path)}
        if not chars:
            break
    return chars


def clean(text: str, missing: set[str]) -> str:
    """Drop invisible characters no font has (variation selectors, zero-width spaces) and show
    any other uncovered character as "?"."""
    if not missing:
        return text
    out = []
    for c in text:
        if c not in missing:
            out.append(c)
        elif unicodedata.category(c) not in ("Cf", "Mn", "Me", "Cc"):
            out.append("?")
    return "".join(out)


def css_families(families: list[str]) -> str:
    """A CSS font-family list: the fonts drawn with, then CSS_FALLBACK; DejaVu Sans (our last
    resort, for symbols) only after every CJK font, or a viewer would set Latin text in it."""
    first = [name for name in families if name != LAST_RESORT_FAMILY]
    names = dict.fromkeys([*first, *CSS_FALLBACK[:-1], LAST_RESORT_FAMILY, CSS_FALLBACK[-1]])
    return ", ".join(name if name == "sans-serif" else f"'{name}'" for name in names)
