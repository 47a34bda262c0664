"""JSON Schemas of a brief's YAML files, for editors with yaml-language-server (VS Code and others).

The keys listed here are the loader's; tests/content/test_editor_schema.py records the keys the
loader accepts while it reads real briefs and fails when the two differ.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefgen.content.loader import CHART_KINDS, CHART_SCALES, EN_VARIANTS
from briefgen.units import BOUNDS, KINDS, UNIT_KINDS, UNITS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = "^[a-z][a-z0-9_]*$"

# object -> (required keys, optional keys), as the loader's Fields declare them
OBJECTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "brief": (("title", "date", "locales", "parts"),
              ("subtitle", "dateline", "lead", "source", "credits", "author", "version", "cover", "en_variant")),
    "metric": (("value", "unit", "kind", "label"), ("year", "bound", "change_of", "vs")),
    "change": (("value", "label"), ("year", "bound", "change_of", "vs", "unit", "kind")),
    "unit": (("zh", "en"), ("en_plural", "symbol", "kind", "convert")),
    "conversion": (("to", "factor"), ()),
    "term": (("en",), ("note",)),
    "part": (("title",), ("kicker", "intro", "sections", "chart")),
    "section": (("id", "paragraphs"), ("title", "keyword", "headline", "chart")),
    "paragraph": ((), ("id", "topic", "text")),
    "chart": (("kind", "title", "source", "description"), ("id", "metrics", "pairs", "items", "scale")),
}

TEXT = {"type": ["string", "number"], "description": "Chinese text; may hold {metric_id}, **bold**, _{sub}, ^{sup}"}
ID = {"type": "string", "pattern": ID_PATTERN}
IDS = {"type": "array", "items": ID}

_DESCRIPTIONS = {
    "title": "The title (Chinese)", "subtitle": "The line under the title", "dateline": "Shown with the date on the cover",
    "date": "The brief's date, like 2025-03-05", "lead": "Paragraphs under the title on the cover",
    "source": "The source document, on the back page and under each chart", "credits": "Writers and editors",
    "author": "PDF metadata Author", "version": "The content version, printed in the build stamp",
    "locales": "Editions to build: zh (the source) and translations such as en",
    "cover": "3 or 4 metric ids shown large on the cover; a target is marked as one",
    "parts": "Part files in parts/, in reading order (without .yaml)",
    "en_variant": "English spelling, dates and PDF language: en-US (January 28, 2024) or en-GB (28 January 2024)",
    "value": "The figure in base units: 1324.9亿斤 is 132490000000 with unit jin; a change figure is signed",
    "unit": "A built-in unit id or one declared in units.yaml",
    "kind": "level, growth (shows its size; the text says 下降/fell), share, target (marked on the cover), count, "
            "change (with change_of)",
    "label": "A short name used in charts and on the cover", "year": "The year the figure belongs to",
    "bound": "min 以上, over 超过, approx 左右, max 以内: charts and cover print the words; the text writes its own",
    "change_of": "This figure is the change of that metric: {this} prints 比上年增加5000亿元 / up 500 billion",
    "vs": "The year compared with (default: the year before the base's)",
    "zh": "Written after the number in Chinese: 3.2万亿美元", "en": "English singular: US dollar",
    "en_plural": "English plural: US dollars (default: the singular)",
    "symbol": "A short English mark used instead of the noun on the cover and in chart tiles",
    "convert": "Also print the amount in a unit English readers know: {to: tonne, factor: 0.0005}",
    "to": "The unit converted to (built in or declared)", "factor": "One of this unit in that unit",
    "note": "A note for translators", "kicker": "The big label above the part title, e.g. \"2025\"",
    "intro": "Paragraphs before the first section", "sections": "The part's sections",
    "chart": "An infographic", "id": "Lower-case letters, digits and _; unique in the brief",
    "paragraphs": "A paragraph is text, or a bold topic sentence and text",
    "keyword": "Makes the section a key work area (关键词 banner); it then needs a chart",
    "headline": "A line under the banner of a key work area", "topic": "The bold sentence opening the paragraph",
    "text": "The rest of the paragraph", "metrics": "Metric ids the chart shows",
    "pairs": "[[actual, target], ...] metric id pairs (progress and compare charts); [[part, whole], ...] (share)",
    "scale": "compare charts: chart (one scale, the default) or row (rows of different units, each its own)",
    "items": "Non-numeric steps or nodes (timeline and diagram charts)",
    "description": "One sentence: the caption, and the text read aloud to people who cannot see the chart",
}


def _described(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "description": _DESCRIPTIONS[key]} if key in _DESCRIPTIONS else schema


def _object(name: str, properties: dict[str, dict[str, Any]]) -> dict[str, Any]:
    required, optional = OBJECTS[name]
    if set(properties) != set(required + optional):
        raise AssertionError(f"schema of {name}: keys differ from OBJECTS by {set(properties) ^ set(required + optional)}")
    return {"type": "object", "required": list(required), "additionalProperties": False,
            "properties": {key: _described(key, properties[key]) for key in required + optional}}


def _paragraphs() -> dict[str, Any]:
    return {"type": "array", "items": {"anyOf": [TEXT, {"$ref": "#/$defs/paragraph"}]}}


def _defs() -> dict[str, Any]:
    unit_ids = {"anyOf": [{"enum": list(UNITS)}, ID]}
    pair = {"type": "array", "items": ID, "minItems": 2, "maxItems": 2}
    metric_props: dict[str, dict[str, Any]] = {"value": {"type": "number"}, "unit": unit_ids, "kind": {"enum": list(KINDS)}, "label": TEXT,
                    "year": {"type": "integer"}, "bound": {"enum": list(BOUNDS)}, "change_of": ID,
                    "vs": {"type": "integer"}}
    chart = _object("chart", {"kind": {"enum": list(CHART_KINDS)}, "title": TEXT, "source": TEXT, "description": TEXT,
                              "id": ID, "metrics": IDS, "pairs": {"type": "array", "items": pair},
                              "items": {"type": "array", "items": TEXT}, "scale": {"enum": list(CHART_SCALES)}})
    paragraph = _object("paragraph", {"id": ID, "topic": TEXT, "text": TEXT})
    paragraph["anyOf"] = [{"required": ["text"]}, {"required": ["topic"]}]
    section = _object("section", {"id": ID, "paragraphs": _paragraphs(), "title": TEXT, "keyword": TEXT,
                                  "headline": TEXT, "chart": {"$ref": "#/$defs/chart"}})
    metric = {"type": "object", "properties": {k: _described(k, v) for k, v in metric_props.items()},
              "additionalProperties": False, "if": {"required": ["change_of"]},
              "then": {"required": list(OBJECTS["change"][0])}, "else": {"required": list(OBJECTS["metric"][0])}}
    unit = _object("unit", {"zh": {"type": "string"}, "en": {"type": "string"}, "en_plural": {"type": "string"},
                            "symbol": {"type": "string"}, "kind": {"enum": list(UNIT_KINDS)},
                            "convert": _object("conversion", {"to": ID, "factor": {"type": "number"}})})
    term = _object("term", {"en": {"type": "string"}, "note": {"type": "string"}})
    return {"chart": chart, "paragraph": paragraph, "section": section, "metric": metric, "unit": unit, "term": term}


def _file(name: str, title: str, body: dict[str, Any], defs: tuple[str, ...] = ()) -> dict[str, Any]:
    all_defs = _defs()
    schema = {"$schema": DRAFT, "$id": f"https://briefgen.invalid/schemas/{name}.schema.json", "title": title, **body}
    if defs:
        schema["$defs"] = {d: all_defs[d] for d in defs}
    return schema


def schemas() -> dict[str, dict[str, Any]]:
    """Every file's schema by name: brief, metrics, units, glossary, part."""
    brief = _object("brief", {
        "title": TEXT, "date": {"type": "string", "format": "date"}, "locales": {"type": "array", "items": {
            "type": "string", "pattern": "^[a-z]{2,3}(_[A-Za-z0-9]+)?$"}, "minItems": 1},
        "parts": IDS, "subtitle": TEXT, "dateline": TEXT, "lead": _paragraphs(), "source": TEXT, "credits": TEXT,
        "author": TEXT, "version": {"type": ["string", "number"]}, "cover": IDS, "en_variant": {"enum": list(EN_VARIANTS)},
    })
    part = _object("part", {"title": TEXT, "kicker": TEXT, "intro": _paragraphs(),
                            "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}},
                            "chart": {"$ref": "#/$defs/chart"}})
    named = {"type": "object", "propertyNames": {"pattern": ID_PATTERN}}
    return {
        "brief": _file("brief", "briefgen brief.yaml", brief, ("paragraph",)),
        "metrics": _file("metrics", "briefgen metrics.yaml", {
            **named, "additionalProperties": {"$ref": "#/$defs/metric"}}, ("metric",)),
        "units": _file("units", "briefgen units.yaml: a brief's own units", {
            "type": "object", "propertyNames": {"pattern": ID_PATTERN, "not": {"enum": list(UNITS)}},
            "additionalProperties": {"$ref": "#/$defs/unit"}}, ("unit",)),
        "glossary": _file("glossary", "briefgen glossary.yaml: Chinese term -> official English", {
            "type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/term"}]}},
            ("term",)),
        "part": _file("part", "briefgen parts/*.yaml", part, ("paragraph", "section", "chart")),
    }


FILES = {"brief": "brief.yaml", "metrics": "metrics.yaml", "units": "units.yaml", "glossary": "glossary.yaml",
         "part": "parts/*.yaml"}


def schema_text(name: str) -> str:
    return json.dumps(schemas()[name], ensure_ascii=False, indent=2) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write NAME.schema.json for every file into `out`; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in schemas():
        path = out / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def shipped_schema(name: str) -> dict[str, Any]:
    """The schema shipped in the package (kept equal to schemas() by a test)."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
