"""The checks `check` and `build` share, run before any PDF is written: readable fonts, catalogs
inside the brief, and every character of every edition drawable by the face that draws it.

Characters no reader should get are errors with their code point and place, whatever the font
holds: control characters (a tab too: use a space), zero-width and other invisible format
characters, bidirectional controls (they reorder what readers see), private-use characters
(no agreed shape), unassigned code points and the line and paragraph separators. Nothing is
silently normalised inside a text; the YAML reader drops a file's BOM and turns CRLF into LF.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Container, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from briefgen.build.fontfiles import font_problems
from briefgen.content.checks import _chart_texts, all_texts
from briefgen.content.inline import MarkupError, parse_inline, references
from briefgen.content.model import Brief, Text
from briefgen.content.yamlsafe import code_point
from briefgen.errors import BriefError, Location, Problem, UsageError
from briefgen.files import outside_brief
from briefgen.i18n.catalog import SOURCE_LOCALE, Translations, load_translations, po_path, read_catalog, target_locales
from briefgen.model.document import has_chinese
from briefgen.render.faces import CJK_FACES, FACES, LATIN_FACES

CHART_FACES = ("Sans", "Sans-Bold")  # matplotlib draws every chart label in the Chinese sans
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ZERO_WIDTH = set("\u180e\u200b\u200c\u200d\u2060\ufeff")
_KINDS = {
    "Cc": "a control character; delete it",
    "Cf": "an invisible formatting character; delete it",
    "Co": "a private-use character: it has no agreed shape and no bundled font draws it",
    "Cs": "half of a broken UTF-16 pair; retype the character",
    "Cn": "not an assigned Unicode character",
    "Zl": "a line separator; use a line break",
    "Zp": "a paragraph separator; use a line break",
}


def check_font_files(font_dir: Path) -> None:
    """Raise a UsageError naming each bundled font that is missing or damaged."""
    problems = font_problems(font_dir / name for name in FACES.values())
    if problems:
        raise UsageError(problems)


def check_catalog_paths(brief: Brief) -> list[Problem]:
    """A catalog reached through a link out of the brief is refused before it is read."""
    problems = []
    for locale in target_locales(brief):
        path = po_path(brief, locale)
        refused = outside_brief(brief.root, path)
        if refused and (path.is_symlink() or path.exists()):
            problems.append(Problem(Location.of(path), refused))
    return problems


def preflight(brief: Brief, font_dir: Path, locales: Iterable[str] | None = None) -> list[Problem]:
    """Every character each locale's edition prints, checked; one problem per character and place."""
    problems: list[Problem] = []
    places = _Places()
    printed = list(_printed_texts(brief))
    for locale in locales or brief.locales:
        try:
            translations = load_translations(brief, locale)
        except BriefError:  # a broken catalog is the translation checks' to report
            continue
        lines: dict[tuple[str, str], int] | None = None  # read only when a translation has a problem
        for text, chart in printed:
            found = translations.get(text.context, text.source)
            shown = found or text.source
            faces = _faces(locale, shown, chart)
            if _printable(font_dir, faces, shown):
                continue
            where = text.where
            if found and translations.path is not None:
                lines = _catalog_lines(translations.path) if lines is None else lines
                where = Location.of(translations.path, lines.get((text.context, text.source), 0))
            problems += _text_problems(shown, faces, font_dir, places, where)
        if not problems:  # what the brief's own texts print is reported above, at its place
            problems += _document_problems(brief, translations, font_dir)
    return list(dict.fromkeys(problems))


def _printed_texts(brief: Brief) -> Iterator[tuple[Text, bool]]:
    """Every text of the brief, and whether a chart draws it (chart words and metric labels)."""
    chart_texts = {id(t) for c in brief.charts() for t in _chart_texts(c)}
    chart_texts |= {id(m.label) for m in brief.metrics.values()}
    for text in all_texts(brief):
        yield text, id(text) in chart_texts


def _faces(locale: str, shown: str, chart: bool) -> tuple[str, ...]:
    """The faces that may draw the text (as render/text.py picks them), and the chart face."""
    body = CJK_FACES if locale == SOURCE_LOCALE or has_chinese(shown) else LATIN_FACES
    return body + CHART_FACES if chart else body


def _text_problems(shown: str, faces: tuple[str, ...], font_dir: Path, places: _Places,
                   where: Location) -> list[Problem]:
    if _printable(font_dir, faces, shown):  # the common case, without a look per character
        return []
    problems = []
    for index, ch in _distinct(shown):
        reason = unwanted(ch)
        if reason is None:
            lacking = [face for face in faces if ord(ch) not in code_points(font_dir, face)]
            if not lacking:
                continue
            reason = f"is not in {FACES[lacking[0]]}, the font that draws it; it would print as a box"
        place = places.find(where, ch)
        at = "" if place != where else f" (character {index + 1} of the text)"
        problems.append(Problem(place, f"{code_point(ch)} {reason}{at}"))
    return problems


def unwanted(ch: str) -> str | None:
    """Why ch may not be printed whatever the font holds, or None."""
    if ch == "\n":
        return None
    if ch == "\t":
        return "is a tab inside the text; use a space"
    if ch in BIDI:
        return "is a bidirectional control: it can reorder what readers see; delete it"
    if ch in ZERO_WIDTH:
        return "is an invisible zero-width character; delete it"
    kind = _KINDS.get(unicodedata.category(ch))
    return f"is {kind}" if kind else None


def _distinct(text: str) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, ch in enumerate(text):
        if ch not in seen and ch != " ":
            seen.add(ch)
            yield index, ch


def _printable(font_dir: Path, faces: tuple[str, ...], text: str) -> bool:
    """Whether every one of the faces draws every character of text, none of them unwanted.
    Only the text's own characters are looked at: a face holds tens of thousands."""
    characters = set(text) - {" ", "\n"}
    return (all(ord(ch) in code_points(font_dir, face) for face in faces for ch in characters)
            and not any(unwanted(ch) for ch in characters))


@lru_cache(maxsize=16)
def code_points(font_dir: Path, face: str) -> Container[int]:
    """The code points one bundled face can draw."""
    from reportlab.pdfbase.ttfonts import TTFError

    from briefgen.render.fontcache import load_font  # the parsed metrics, shared with the build

    path = font_dir / FACES[face]
    try:
        return load_font(face, path).face.charToGlyph.keys()
    except (TTFError, OSError, ValueError, IndexError, KeyError) as exc:  # damaged past the size check
        raise UsageError(f"the font file is damaged ({exc}); reinstall briefgen's fonts", Location.of(path)) from None


def _document_problems(brief: Brief, translations: Translations, font_dir: Path) -> list[Problem]:
    """What briefgen itself prints (figures, interface words, the version): every edition's
    strings, checked against the faces of both kinds of text; reported at brief.yaml.

    Translations whose markup or placeholders are broken are left out: the translation checks
    report them, and the build refuses their edition before drawing it."""
    from briefgen.i18n.interface import interface
    from briefgen.model.localize import localize

    locale = translations.locale
    usable = {key: text for key, text in translations.strings.items() if _well_formed(key[1], text)}
    try:
        document = localize(brief, Translations(locale, usable, translations.path), interface(locale))
    except BriefError as exc:
        return exc.problems
    faces = CJK_FACES if locale == SOURCE_LOCALE else LATIN_FACES
    printed = {ch for text in _strings(document) for ch in text} - {"\n"}
    missing = sorted(ch for ch in printed if not any(ord(ch) in code_points(font_dir, f) for f in faces + CJK_FACES))
    where = Location.of(brief.root / "brief.yaml")
    return [Problem(where, f"the {locale} edition prints {code_point(ch)}, which no bundled font draws")
            for ch in missing if unwanted(ch) is None]


def _well_formed(source: str, translation: str) -> bool:
    try:
        parse_inline(translation)
    except MarkupError:
        return False
    return sorted(references(translation)) == sorted(references(source))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _catalog_lines(path: Path | None) -> dict[tuple[str, str], int]:
    """(msgctxt, msgid) -> the line of its msgstr in the PO file."""
    if path is None or not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    return {e.key: _msgstr_line(lines, e.line) for e in read_catalog(path).entries if e.msgid and not e.obsolete}


def _msgstr_line(lines: list[str], entry: int) -> int:
    """The line of the msgstr at or after an entry's msgid."""
    for number in range(max(entry - 1, 0), len(lines)):
        if lines[number].startswith("msgstr"):
            return number + 1
    return entry


class _Places:
    """Where a character stands in its file: searched from the start of its text."""

    def __init__(self) -> None:
        self.files: dict[str, list[str] | None] = {}

    def find(self, where: Location, ch: str) -> Location:
        lines = self._lines(where.path)
        if not lines or not where.line:
            return where
        first = where.line - 1
        for number in range(first, min(first + 60, len(lines))):
            start = where.column - 1 if number == first and where.column else 0
            column = lines[number].find(ch, start)
            if column >= 0:
                return Location(where.path, number + 1, column + 1)
        return where  # written as an escape ("\u200b"): the text's own place

    def _lines(self, path: str) -> list[str] | None:
        if path not in self.files:
            try:
                self.files[path] = Path(path).read_text(encoding="utf-8-sig").split("\n")
            except (OSError, UnicodeError):
                self.files[path] = None
        return self.files[path]
