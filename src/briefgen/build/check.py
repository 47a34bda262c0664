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
from briefgen.errors import Location, Problem
from briefgen.i18n.catalog import load_translations, po_path, target_locales
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
            problems += check_translations(brief, strict)
            problems += check_glyphs(brief, font_dir or default_font_dir())
    if strict:
        problems = [Problem(p.where, p.message, "error") for p in problems]
    return problems


def check_translations(brief: Brief, detailed: bool) -> list[Problem]:
    """Malformed translations always; missing ones one line per locale, or each under strict."""
    problems: list[Problem] = []
    for locale in target_locales(brief):
        status = translation_status(brief, locale)
        problems += status.errors()
        if detailed:
            problems += [p for p in status.problems if p.severity == "warning"]
        elif not status.complete or status.glossary:
            problems.append(Problem(Location.of(po_path(brief, locale)), status.summary(), "warning"))
    return problems


def check_glyphs(brief: Brief, font_dir: Path) -> list[Problem]:
    """Each printed character, source or translation, must be in every bundled face."""
    problems: list[Problem] = []
    for locale in brief.locales:
        translations = load_translations(brief, locale)
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
