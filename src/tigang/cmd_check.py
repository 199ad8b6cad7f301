"""`tigang check`: lint the numbering and structure of drafts. Exit 0 clean, 1 problems,
2 usage or input errors (other files are still checked)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (value or "").split(",") if code.strip())


@click.command()
@click.argument("paths", metavar="FILE...", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--select", metavar="CODES", help="Only these codes or prefixes, comma-separated (N,S,W203).")
@click.option("--ignore", metavar="CODES", help="Skip these codes or prefixes, comma-separated.")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="A tigang.toml or pyproject.toml."
)
def check(
    paths: tuple[str, ...], fmt: str, select: str | None, ignore: str | None, config_path: str | None
) -> None:
    """Check the numbering and structure of FILE... ("-" reads standard input)."""
    from tigang.files import InputFailure
    from tigang.outline import InputError, parse_file
    from tigang.outline.lint import RULES_BY_CODE, ConfigError, Severity, check_outline, load_config

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
    config = config.with_options(_codes(select), _codes(ignore))

    findings, failed = [], False
    for path in paths:
        try:
            outline = parse_file(path)
        except InputError as exc:
            click.echo(f"tigang: error: {exc}", err=True)
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
