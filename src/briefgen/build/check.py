"""`briefgen check`: everything a build would need, validated without writing a PDF.

Content (schema, references), translation catalogs (placeholders, markup, completeness,
glossary) and glyph coverage: every character an edition prints must be in the bundled fonts.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from briefgen.build.select import select_briefs
from briefgen.content.checks import all_texts
from briefgen.content.loader import read_brief
from briefgen.content.model import Brief
from briefgen.errors import BriefError, Location, Problem
from briefgen.i18n.catalog import (build_template, load_translations, po_path, read_catalog, target_locales,
                                   template_path)
from briefgen.i18n.status import translation_status
from briefgen.model.document import has_chinese
from briefgen.render.faces import CJK_FACES, FACES, LATIN_FACES, default_font_dir

IGNORED = set(" \n\t")


def check_all(content_dir: Path, names: list[str], strict: bool = False, font_dir: Path | None = None) -> list[Problem]:
    """Problems of every selected brief; under strict, warnings and missing translations are errors."""
    problems: list[Problem] = []
    for root in select_briefs(content_dir, names):
        brief, found = read_brief(root)
        problems += found.items
        if brief is not None and not found.errors():
            problems += check_translations(brief)
            problems += check_glyphs(brief, font_dir or default_font_dir())
    if strict:
        problems = [Problem(p.where, p.message, "error") for p in problems]
    return problems


def check_translations(brief: Brief, detailed: bool = True) -> list[Problem]:
    """Every translation problem, one located line each: syntax errors, malformed, missing, fuzzy
    and stale messages, glossary violations, and a template older than the content."""
    problems: list[Problem] = []
    for locale in target_locales(brief):
        try:
            problems += translation_status(brief, locale).problems
        except BriefError as exc:
            problems += exc.problems
    return problems + _stale_template(brief)


def _stale_template(brief: Brief) -> list[Problem]:
    path = template_path(brief)
    if not target_locales(brief):
        return []
    if not path.is_file():
        return [Problem(Location.of(path), "no message template yet: run 'briefgen i18n update'", "warning")]
    try:
        current = read_catalog(path)
    except BriefError as exc:
        return exc.problems
    if [(e.key, e.references) for e in current.entries] != [(e.key, e.references) for e in build_template(brief).entries]:
        return [Problem(Location.of(path), "the template is older than the content: run 'briefgen i18n update'",
                        "warning")]
    return []


def check_glyphs(brief: Brief, font_dir: Path) -> list[Problem]:
    """Each printed character, source or translation, must be in every bundled face."""
    problems: list[Problem] = []
    for locale in brief.locales:
        try:
            translations = load_translations(brief, locale)
        except BriefError:  # reported by check_translations
            continue
        for text in all_texts(brief):
            shown = translations.get(text.context, text.source) or text.source
            where = text.where if shown is text.source else Location.of(po_path(brief, locale))
            faces = CJK_FACES if locale == "zh" or has_chinese(shown) else LATIN_FACES  # as render/text.py picks
            covered = _covered(font_dir, faces)
            missing = sorted({ch for ch in shown if ch not in covered and ch not in IGNORED})
            problems += [Problem(where, f"{ch!r} (U+{ord(ch):04X}) is not in the bundled fonts; it would print as a box")
                         for ch in missing]
    return list(dict.fromkeys(problems))


@lru_cache(maxsize=4)
def _covered(font_dir: Path, faces: tuple[str, ...]) -> frozenset[str]:
    """Characters every one of faces can draw (body, headings and figures may use any)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    maps = [set(TTFontFile(str(font_dir / FACES[face])).charToGlyph) for face in faces]
    return frozenset(chr(c) for c in set.intersection(*maps))
