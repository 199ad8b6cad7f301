"""tigang.outline.lint — the numbering and structure linter behind `tigang check`."""

from __future__ import annotations

from ..model import Outline
from .config import CheckConfig, ConfigError, load_config
from .findings import Finding, Severity
from .rules import RULES, RULES_BY_CODE, Context, Rule

__all__ = [
    "RULES",
    "RULES_BY_CODE",
    "CheckConfig",
    "ConfigError",
    "Finding",
    "Rule",
    "Severity",
    "check_outline",
    "load_config",
]


def check_outline(outline: Outline, config: CheckConfig | None = None, path: str = "") -> list[Finding]:
    """Run every enabled rule; findings sorted by line, column, code."""
    config = config or CheckConfig()
    ctx = Context(outline, config)
    findings = [
        Finding(rule.code, rule.severity, line, column, message, gloss, path)
        for rule in RULES
        if config.enabled(rule.code)
        for line, column, message, gloss in rule.check(ctx)
    ]
    return sorted(set(findings), key=lambda f: (f.line, f.column, f.code, f.message))
