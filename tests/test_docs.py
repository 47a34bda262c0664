"""The examples in docs/content-format.md are valid content (checked with the editor schemas)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from briefgen.content.editor_schema import schemas

DOC = Path(__file__).resolve().parents[1] / "docs" / "content-format.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _errors(name: str, data: object) -> list[str]:
    return [e.message for e in Draft202012Validator(schemas()[name]).iter_errors(data)]


def test_one_example_per_chart_kind() -> None:
    kinds = sorted(yaml.safe_load(b)["chart"]["kind"] for b in BLOCKS if b.startswith("chart:"))
    assert kinds == sorted(schemas()["part"]["$defs"]["chart"]["properties"]["kind"]["enum"])


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.startswith("chart:")], ids=lambda b: b.split()[2])
def test_chart_examples_are_valid(block: str) -> None:
    assert _errors("part", {"title": "部分", **yaml.safe_load(block)}) == []


def test_units_and_change_examples_are_valid() -> None:
    units = next(b for b in BLOCKS if b.startswith("usd:"))
    changes = next(b for b in BLOCKS if "change_of" in b and b.startswith("special_bonds_2025"))
    assert _errors("units", yaml.safe_load(units)) == []
    assert _errors("metrics", yaml.safe_load(changes)) == []
