"""Colour themes (`render --theme`): what each box, marker, text and link is drawn in.

- `default`: a colour per level in the tree; in the mind map and the org chart a colour per
  top-level branch (as XMind does), so a branch can be followed across the picture;
- `mono`: black on white with grey fills, for a printer and for 黑白打印 handouts — levels
  told apart by fill and edge weight, not by colour;
- `red`: the red and gold of many 党政 汇报 slides.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paint:
    """How one box is drawn."""

    fill: str
    edge: str
    marker: str  # the colour of the marker (一、 （一）) that starts the label
    text: str
    edge_width: float = 1.0


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    levels: tuple[Paint, ...]  # levels 1, 2, 3, …; the last repeats below
    root: Paint
    muted: str  # the info line and notes
    link: str
    background: str = "#ffffff"
    title: str = "#111827"
    # Mind map and org chart: one hue per top-level branch (cycled); None colours by level.
    branches: tuple[str, ...] | None = None
    link_width: float = 1.0

    def level(self, level: int) -> Paint:
        return self.root if level <= 0 else self.levels[min(level, len(self.levels)) - 1]

    def branch(self, index: int, level: int) -> Paint:
        """A box of a top-level branch: the branch's hue, lighter the deeper it is."""
        assert self.branches
        hue = self.branches[index % len(self.branches)]
        if level <= 1:
            return Paint(mix(hue, 0.82), hue, shade(hue, 0.35), self.levels[0].text, 1.2)
        return Paint(mix(hue, 0.94), mix(hue, 0.45), shade(hue, 0.3), self.levels[0].text)

    def branch_link(self, index: int) -> str:
        assert self.branches
        return mix(self.branches[index % len(self.branches)], 0.35)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def mix(colour: str, white: float) -> str:
    """`colour` mixed with `white` parts of white (0 = itself, 1 = white)."""
    return "#" + "".join(f"{round(c + (255 - c) * white):02x}" for c in _rgb(colour))


def shade(colour: str, black: float) -> str:
    """`colour` mixed with `black` parts of black."""
    return "#" + "".join(f"{round(c * (1 - black)):02x}" for c in _rgb(colour))


TEXT = "#111827"
THEMES: dict[str, Theme] = {
    "default": Theme(
        name="default",
        levels=(
            Paint("#dbeafe", "#3b82f6", "#1d4ed8", TEXT),
            Paint("#dcfce7", "#22c55e", "#15803d", TEXT),
            Paint("#fef3c7", "#f59e0b", "#b45309", TEXT),
            Paint("#ede9fe", "#8b5cf6", "#6d28d9", TEXT),
            Paint("#ffe4e6", "#f43f5e", "#be123c", TEXT),
            Paint("#f1f5f9", "#94a3b8", "#475569", TEXT),
        ),
        root=Paint("#1e3a8a", "#1e3a8a", "#ffffff", "#ffffff"),
        muted="#6b7280",
        link="#94a3b8",
        branches=(
            "#2563eb",
            "#16a34a",
            "#d97706",
            "#7c3aed",
            "#db2777",
            "#0891b2",
            "#ea580c",
            "#65a30d",
            "#9333ea",
            "#dc2626",
        ),
    ),
    "mono": Theme(
        name="mono",
        levels=(
            Paint("#e5e5e5", "#000000", "#000000", "#000000", 1.4),
            Paint("#ffffff", "#000000", "#000000", "#000000", 1.0),
            Paint("#ffffff", "#555555", "#000000", "#000000", 0.8),
            Paint("#ffffff", "#999999", "#333333", "#000000", 0.8),
        ),
        root=Paint("#000000", "#000000", "#ffffff", "#ffffff"),
        muted="#444444",
        link="#555555",
        title="#000000",
        link_width=0.9,
    ),
    "red": Theme(
        name="red",
        levels=(
            Paint("#fee2e2", "#b91c1c", "#991b1b", TEXT, 1.2),
            Paint("#fef3c7", "#b45309", "#92400e", TEXT),
            Paint("#fffbeb", "#d6a35c", "#92400e", TEXT),
            Paint("#ffffff", "#e0b98a", "#78350f", TEXT),
        ),
        root=Paint("#b91c1c", "#b91c1c", "#fde68a", "#ffffff"),
        muted="#7f1d1d",
        link="#d6a35c",
        title="#7f1d1d",
    ),
}
