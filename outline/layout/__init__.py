"""Placing the boxes of a diagram, and the links between them.

Pure Python, no plotting library: the caller measures its labels and passes each node's box
size; a layout returns a `Box` per node, and `links` routes the lines between them. Units are
whatever the sizes are in (the diagram renderer uses points). Coordinates are screen-like:
x grows to the right, y grows downwards, and a box's (x, y) is its top-left corner.

- `tidy_tree`: left to right, one column per depth (Reingold–Tilford on contours);
- `two_sided`: the mind map, branches split between a right and a left tidy tree;
- `org_chart`: top down, the top level in a row and the lower levels hanging below;
- `radial`: the root in the centre, depths in rings.
"""

from __future__ import annotations

from .box import Box, bounds, normalise
from .links import Link, crossings, mindmap_links, org_links, radial_links, tree_links
from .mindmap import LEFT, RIGHT, sides, split_branches, two_sided
from .orgchart import org_chart
from .radial import radial
from .tidy import tidy_tree

__all__ = [
    "LEFT",
    "RIGHT",
    "Box",
    "Link",
    "bounds",
    "crossings",
    "mindmap_links",
    "normalise",
    "org_chart",
    "org_links",
    "radial",
    "radial_links",
    "sides",
    "split_branches",
    "tidy_tree",
    "tree_links",
    "two_sided",
]
