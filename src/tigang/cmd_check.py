"""`tigang check`: lint the numbering and structure of drafts. Exit 0 clean, 1 problems,
2 usage or input errors (other files are still checked). With --fix, what `tigang fix` can
mend is written first (the original kept as FILE.bak), and what remains is reported."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tigang.outline.lint import CheckConfig


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (value or "").split(",") if code.strip())


def lint_config(
    paths: tuple[str, ...], config_path: str | None, select: str | None, ignore: str | None
) -> CheckConfig:
    """The settings for these files: --config, else the nearest settings file, with
    --select and --ignore applied. Unknown codes are a usage error."""
    from tigang.files import InputFailure
    from tigang.outline.lint import RULES_BY_CODE, ConfigError, load_config

    unknown = [
        c for c in _codes(select) + _codes(ignore) if not any(code.startswith(c) for code in RULES_BY_CODE)
    ]
    if unknown:
        raise click.UsageError(f"unknown rule code(s): {', '.join(unknown)}")
    try:
        if config_path:
            config = load_config(Path(config_path).resolve().parent)
        else:
            first = next((Path(p) for p in paths if p != "-"), Path.cwd())
            config = load_config(first.resolve().parent if first.is_file() else first.resolve())
    except ConfigError as exc:
        raise InputFailure(str(exc)) from None
    return config.with_options(_codes(select), _codes(ignore))


SELECT = click.option(
    "--select", metavar="CODES", help="Only these codes or prefixes, comma-separated (N,S,W203)."
)
IGNORE = click.option("--ignore", metavar="CODES", help="Skip these codes or prefixes, comma-separated.")
CONFIG = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="A tigang.toml or pyproject.toml."
)


@click.command()
@click.argument("paths", metavar="FILE...", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@SELECT
@IGNORE
@CONFIG
@click.option(
    "--fix", is_flag=True, help="First fix what `tigang fix` can (numbering, widths, TOC), in place."
)
@click.option("--no-backup", is_flag=True, help="With --fix: do not keep the original as FILE.bak.")
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: str | None,
    ignore: str | None,
    config_path: str | None,
    fix: bool,
    no_backup: bool,
) -> None:
    """Check the numbering and structure of FILE... ("-" reads standard input)."""
    from tigang.outline import InputError, parse_file
    from tigang.outline.lint import Severity, check_outline

    config = lint_config(paths, config_path, select, ignore)
    findings, failed = [], False
    for path in paths:
        try:
            if fix:
                from tigang.cmd_fix import fix_in_place

                fix_in_place(path, config, backup=not no_backup)
            outline = parse_file(path)
        except InputError as exc:
            click.echo(f"tigang: error: {exc}", err=True)
            failed = True
            continue
        except click.ClickException as exc:
            exc.show()
            failed = True
            continue
        findings.extend(check_outline(outline, config, path=path))

    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    if fmt == "json":
        doc = {
            "findings": [f.to_dict() for f in findings],
            "errors": errors,
            "warnings": warnings,
            "files": len(paths),
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        for finding in findings:
            click.echo(finding.format())
        if findings:
            click.echo(
                f"{len(findings)} problem{'s' if len(findings) != 1 else ''} ({errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''})"
            )
        elif not failed:
            click.echo("no problems")
    sys.exit(2 if failed else 1 if findings else 0)
