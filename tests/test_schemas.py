"""Every JSON tigang writes follows its published schema (docs/*.schema.json): the outline of
every seed, corpus text, fixture and a hundred random texts, and check's findings."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from goldfile import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import PIECES

from tigang.cli import cli
from tigang.outline import parse_text
from tigang.outline.render.json import outline_to_dict

DOCS = Path(__file__).resolve().parents[1] / "docs"
FIXTURES = sorted((Path(__file__).parent / "fixtures" / "speeches").glob("*.txt"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((DOCS / name).read_text(encoding="utf-8")))


def real_texts() -> list[Path]:
    if not SHARED.is_dir():
        return []
    return sorted((*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/raw/*.txt")))


@pytest.mark.parametrize("path", [*FIXTURES, *real_texts()], ids=lambda p: p.stem[:12])
def test_show_json_follows_the_outline_schema(path):
    result = CliRunner().invoke(cli, ["show", str(path), "--format", "json"])
    assert result.exit_code == 0
    validator("outline.schema.json").validate(json.loads(result.output))


@settings(max_examples=100, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_random_outlines_follow_the_schema(text):
    validator("outline.schema.json").validate(json.loads(json.dumps(outline_to_dict(parse_text(text)))))


def test_check_json_follows_its_schema():
    result = CliRunner().invoke(cli, ["check", *map(str, FIXTURES), "--format", "json"])
    doc = json.loads(result.output)
    validator("check.schema.json").validate(doc)
    assert doc["files"] == len(FIXTURES)
