"""The JSON Schemas shipped for editors: in step with the loader, valid for real briefs, strict on keys."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from briefgen.content import loader
from briefgen.content.editor_schema import OBJECTS, schemas, shipped_schema
from briefgen.content.loader import read_brief
from briefgen.content.schema import Fields
from tests.conftest import ROOT, TINY, write_brief

BRIEFS = sorted(p.parent for p in [*(ROOT / "tests/fixtures/briefs").glob("*/brief.yaml"),
                                   *(ROOT / "content").glob("*/brief.yaml"),
                                   ROOT / "src/briefgen/scaffold/brief.yaml"])
UNIT_WITH_CONVERSION = "dan: {zh: 担, en: dan, en_plural: dan, symbol: dan, kind: measure, convert: {to: tonne, factor: 0.05}}\n"


def _object_name(what: str, required: tuple[str, ...]) -> str:
    names = {"brief.yaml": "brief", "a section": "section", "a paragraph": "paragraph", "a chart": "chart"}
    if what in names:
        return names[what]
    for prefix, name in (("metric ", "metric"), ("unit ", "unit"), ("the conversion of unit", "conversion"),
                         ("glossary term", "term"), ("part ", "part")):
        if what.startswith(prefix):
            return "change" if name == "metric" and "unit" not in required else name
    raise AssertionError(f"the loader reads an object the schema does not know: {what!r}")


def loader_keys(roots: list[Path], monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[set[str], set[str]]]:
    """(required, optional) keys of every object the loader reads while it loads `roots`."""
    seen: dict[str, tuple[set[str], set[str]]] = {}

    class Recording(Fields):
        def __init__(self, node: Any, what: str, problems: Any, required: tuple[str, ...],
                     optional: tuple[str, ...] = ()) -> None:
            seen[_object_name(what, required)] = (set(required), set(optional))
            super().__init__(node, what, problems, required, optional)

    monkeypatch.setattr(loader, "Fields", Recording)
    for root in roots:
        read_brief(root)
    return seen


def test_schema_keys_are_the_loaders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = write_brief(tmp_path, dict(TINY, **{"units.yaml": UNIT_WITH_CONVERSION,
                                               "glossary.yaml": "乡村振兴: {en: rural revitalization, note: 注}\n"}))
    seen = loader_keys([*BRIEFS, extra], monkeypatch)
    assert set(seen) == set(OBJECTS)
    for name, (required, optional) in OBJECTS.items():
        assert seen[name] == (set(required), set(optional)), name


def test_shipped_schemas_are_the_generated_ones() -> None:
    for name, schema in schemas().items():
        assert shipped_schema(name) == schema, f"run: briefgen schema --out src/briefgen/schemas ({name})"


def _data(path: Path) -> Any:
    """The YAML as an editor's JSON sees it (dates as text)."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def _files(root: Path) -> list[tuple[str, Path]]:
    named = [(name, root / f"{name}.yaml") for name in ("brief", "metrics", "units", "glossary")]
    return [(n, p) for n, p in named if p.is_file()] + [("part", p) for p in sorted((root / "parts").glob("*.yaml"))]


def errors(name: str, data: Any) -> list[str]:
    validator = Draft202012Validator(schemas()[name], format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(data)]


@pytest.mark.parametrize("root", BRIEFS, ids=lambda p: p.name)
def test_every_brief_validates(root: Path) -> None:
    Draft202012Validator.check_schema(schemas()["brief"])
    for name, path in _files(root):
        assert errors(name, _data(path)) == [], path


@pytest.mark.parametrize(
    ("name", "relative", "old", "new", "bad"),
    [
        pytest.param("part", "parts/areas.yaml", "    keyword:", "    keywrod:", "keywrod", id="section-key"),
        pytest.param("brief", "brief.yaml", "subtitle:", "subtilte:", "subtilte", id="brief-key"),
        pytest.param("metrics", "metrics.yaml", "unit: km2,", "unti: km2,", "unti", id="metric-key"),
        pytest.param("metrics", "metrics.yaml", "kind: level", "kind: levle", "levle", id="metric-kind"),
    ],
)
def test_a_misspelt_key_is_rejected(tmp_path: Path, name: str, relative: str, old: str, new: str, bad: str) -> None:
    source = ROOT / "tests/fixtures/briefs/river-2025" / relative
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "file.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = errors(name, _data(path))
    assert found and any(bad in message for message in found), found


def test_units_schema_refuses_a_built_in_id() -> None:
    assert errors("units", {"yuan": {"zh": "元", "en": "yuan"}})
    assert errors("units", {"usd": {"zh": "美元", "en": "US dollar"}}) == []


def test_change_metric_needs_no_unit_but_others_do() -> None:
    assert errors("metrics", {"up": {"change_of": "bonds", "value": 5, "label": "增加"}}) == []
    assert errors("metrics", {"bonds": {"value": 5, "label": "债券"}})
