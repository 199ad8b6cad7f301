"""`tigang check` settings: `[tool.tigang.check]` in pyproject.toml, or `tigang.toml`
(top-level keys, or under `[check]`), found in the folder of the first file or above it.

    [tool.tigang.check]
    select = ["N", "S"]          # code prefixes to run (default: all)
    ignore = ["W203"]
    max-heading-length = 50
    parallel-min-siblings = 3
    level-order = ["section", "paren_section", "arabic", "paren_arabic", "circled"]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ..lexicon import SECTION_ORDER

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class ConfigError(Exception):
    """A settings file that cannot be used. One line for the user."""


@dataclass(frozen=True)
class CheckConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    max_heading_length: int = 50
    parallel_min_siblings: int = 3
    level_order: tuple[str, ...] = tuple(family.value for family in SECTION_ORDER)
    source: str | None = field(default=None, compare=False)  # the file the settings came from

    def enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(p) for p in self.select)
        return selected and not any(code.startswith(p) for p in self.ignore)

    def with_options(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> CheckConfig:
        """Command-line --select replaces the file's; --ignore adds to it."""
        return replace(self, select=select or self.select, ignore=self.ignore + ignore)


def _from_table(table: dict, source: str) -> CheckConfig:
    known = {f.name.replace("_", "-"): f.name for f in fields(CheckConfig) if f.name != "source"}
    values: dict = {}
    for key, value in table.items():
        name = known.get(key) or known.get(key.replace("_", "-"))
        if name is None:
            raise ConfigError(f"{source}: unknown setting {key!r} in the check settings")
        default = getattr(CheckConfig, name)
        if isinstance(default, tuple):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{source}: {key} must be a list of strings")
            value = tuple(value)
        elif isinstance(default, int) and (not isinstance(value, int) or value < 1):
            raise ConfigError(f"{source}: {key} must be a positive whole number")
        values[name] = value
    return CheckConfig(**values, source=source)


def load_config(start: Path | None = None) -> CheckConfig:
    """Settings for files in `start` (a folder): the nearest tigang.toml or pyproject.toml
    with a [tool.tigang.check] table, looking upward; defaults when there is none."""
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in ("tigang.toml", "pyproject.toml"):
            path = directory / name
            if not path.is_file():
                continue
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: not valid TOML ({exc})") from None
            if name == "tigang.toml":
                return _from_table(data.get("check", data), str(path))
            table = data.get("tool", {}).get("tigang", {}).get("check")
            if table is not None:
                return _from_table(table, str(path))
    return CheckConfig()
