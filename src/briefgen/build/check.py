"""`briefgen check`: everything a build would need, validated without writing a PDF.

Fonts (present and whole), content (schema, references), translation catalogs (placeholders,
markup, completeness, glossary) and the preflight a build runs too: every character an edition
prints must be drawable by the font that draws it, and none may be invisible or a control.
"""
from __future__ import annotations

from pathlib import Path

from briefgen.build.preflight import check_catalog_paths, check_font_files, preflight
from briefgen.build.select import select_briefs
from briefgen.content.loader import read_brief
from briefgen.content.model import Brief
from briefgen.errors import BriefError, Location, Problem
from briefgen.i18n.catalog import build_template, read_catalog, target_locales, template_path
from briefgen.i18n.pofile import PoFile
from briefgen.i18n.status import translation_status
from briefgen.runtime import default_font_dir


def check_all(content_dir: Path, names: list[str], strict: bool = False, font_dir: Path | None = None) -> list[Problem]:
    """Problems of every selected brief; under strict, warnings and missing translations are errors."""
    fonts = font_dir or default_font_dir()
    check_font_files(fonts)
    problems: list[Problem] = []
    for root in select_briefs(content_dir, names):
        brief, found = read_brief(root)
        problems += found.items
        if brief is not None and not found.errors():
            refused = check_catalog_paths(brief)
            problems += refused or check_translations(brief) + preflight(brief, fonts)
    if strict:
        problems = [Problem(p.where, p.message, "error") for p in problems]
    return problems


def check_translations(brief: Brief) -> list[Problem]:
    """Every translation problem, one located line each: syntax errors, malformed, missing, fuzzy
    and stale messages, glossary violations, and a template older than the content."""
    problems: list[Problem] = []
    template = build_template(brief)  # the content's messages, once for every locale
    for locale in target_locales(brief):
        try:
            problems += translation_status(brief, locale, template).problems
        except BriefError as exc:
            problems += exc.problems
    return problems + _stale_template(brief, template)


def _stale_template(brief: Brief, template: PoFile) -> list[Problem]:
    path = template_path(brief)
    if not target_locales(brief):
        return []
    if not path.is_file():
        return [Problem(Location.of(path), "no message template yet: run 'briefgen i18n update'", "warning")]
    try:
        current = read_catalog(path)
    except BriefError as exc:
        return exc.problems
    if [(e.key, e.references) for e in current.entries] != [(e.key, e.references) for e in template.entries]:
        return [Problem(Location.of(path), "the template is older than the content: run 'briefgen i18n update'",
                        "warning")]
    return []
