"""What a rule reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # N101
    severity: Severity
    line: int
    column: int
    message: str  # Chinese, for the writer
    gloss: str  # a short English gloss
    path: str = ""

    def format(self) -> str:
        """`file:line:col: CODE 中文说明(English gloss)` — the form editors and CI parse."""
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}({self.gloss})"

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "gloss": self.gloss,
        }
