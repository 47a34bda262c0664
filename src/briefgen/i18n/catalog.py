"""Content catalogs of a brief: build the template, merge it into PO files, read translations.

Layout, per brief: locale/content.pot and locale/<locale>/LC_MESSAGES/content.po. Source
references are relative to the brief's folder, so the files are the same whichever folder a
command runs from. Files are written atomically, in GNU gettext's layout, and not rewritten when
only their dates would change (no churn in diffs).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from briefgen.content.inline import references
from briefgen.content.model import Brief
from briefgen.errors import ContentError
from briefgen.files import atomic_write
from briefgen.i18n.extract import describe, texts_of
from briefgen.i18n.pofile import Entry, PoFile, PoSyntaxError, format_header, read_po_file, write_po_text

DOMAIN = "content"
SOURCE_LOCALE = "zh"
_DATE_LINES = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)
_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
# msgmerge's order of the header fields it knows; any other field follows, in its own order
KNOWN_FIELDS = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
                "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding")
_PLACEHOLDERS = ("EMAIL@ADDRESS", "FULL NAME", "YEAR-MO-DA", "LANGUAGE", "LL@li.org", "VERSION", "PACKAGE")


def template_path(brief: Brief) -> Path:
    return brief.root / "locale" / f"{DOMAIN}.pot"


def po_path(brief: Brief, locale: str) -> Path:
    return brief.root / "locale" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def target_locales(brief: Brief) -> list[str]:
    """The brief's locales that need a catalog (all but the source language)."""
    return [loc for loc in brief.locales if loc != SOURCE_LOCALE]


def project_id(brief: Brief) -> str:
    return f"{brief.id} {brief.version}".strip()


def build_template(brief: Brief) -> PoFile:
    """The message template of the brief's current content: one reference per message."""
    entries: dict[tuple[str, str], Entry] = {}
    for text in texts_of(brief):
        key = (text.context, text.source)
        if key in entries:  # the same words twice in one place: one message, one translation
            continue
        entries[key] = Entry(text.source, msgctxt=text.context, extracted=[c for c in [describe(text)] if c],
                             references=[_reference(brief, text.where.path, text.where.line)],
                             flags=["python-brace-format"] if references(text.source) else [])
    fields = [("Project-Id-Version", project_id(brief)), ("Report-Msgid-Bugs-To", ""),
              ("POT-Creation-Date", _date_text(_build_date())), ("MIME-Version", "1.0"),
              ("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "8bit")]
    header = Entry("", format_header(fields), comments=[f"Messages of the brief {brief.id}, extracted by briefgen."])
    return PoFile(header, list(entries.values()))


def _reference(brief: Brief, path: str, line: int) -> str:
    relative = _relative(brief.root, path, Path.cwd())
    return f"{relative}:{line}" if line else relative


@lru_cache(maxsize=256)
def _relative(root: Path, path: str, cwd: Path) -> str:
    """A content file's path relative to its brief (resolved once per file, not per message)."""
    absolute = Path(path) if Path(path).is_absolute() else cwd / path
    try:
        return absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def read_catalog(path: Path) -> PoFile:
    """Read a PO/POT file strictly; a malformed one is a ContentError, one located line per mistake."""
    try:
        return read_po_file(path)
    except PoSyntaxError as exc:
        raise ContentError(exc.problems) from None


def write_catalog(catalog: PoFile, path: Path) -> bool:
    """Write atomically; skip when only the date lines differ. True when the file changed."""
    text = write_po_text(catalog)
    if path.is_file():
        old = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
        if _DATE_LINES.sub("", old) == _DATE_LINES.sub("", text):
            return False
    atomic_write(path, text.encode("utf-8"))
    return True


def po_header(template: PoFile, old: PoFile | None, brief: Brief, locale: str) -> Entry:
    """The PO header as msgmerge keeps it (its known fields first), with the brief's facts filled in."""
    fields = dict(old.header_fields()) if old else {}
    pot = dict(template.header_fields())
    fields["Project-Id-Version"] = project_id(brief)
    fields["Report-Msgid-Bugs-To"] = pot.get("Report-Msgid-Bugs-To", "")
    fields["POT-Creation-Date"] = pot["POT-Creation-Date"]
    fields.setdefault("PO-Revision-Date", pot["POT-Creation-Date"])
    fields.setdefault("Last-Translator", "")
    fields["Language"] = locale
    fields.setdefault("Language-Team", language_name(locale))
    fields.setdefault("MIME-Version", "1.0")
    fields["Content-Type"] = "text/plain; charset=UTF-8"
    fields.setdefault("Content-Transfer-Encoding", "8bit")
    fields.setdefault("Plural-Forms", plural_forms(locale))
    for name in ("PO-Revision-Date", "Last-Translator", "Language-Team"):
        if any(p in fields[name] for p in _PLACEHOLDERS):
            fields[name] = {"PO-Revision-Date": pot["POT-Creation-Date"], "Last-Translator": "",
                            "Language-Team": language_name(locale)}[name]
    fields.pop("Generated-By", None)  # Babel's stamp changes with its version: churn, not information
    ordered = [(n, fields[n]) for n in KNOWN_FIELDS if n in fields]
    ordered += [(n, v) for n, v in fields.items() if n not in KNOWN_FIELDS]
    comments = old.header.comments if old and old.header and not _template_comments(old.header.comments) else [
        f"{language_name(locale)} translation of the brief {brief.id}."]
    return Entry("", format_header(ordered), comments=comments)


def _template_comments(comments: list[str]) -> bool:
    return any(p in c for c in comments for p in ("FIRST AUTHOR", "ORGANIZATION", "SOME DESCRIPTIVE TITLE"))


def language_name(locale: str) -> str:
    try:
        return Locale.parse(locale).english_name or locale
    except (UnknownLocaleError, ValueError):
        return locale


def plural_forms(locale: str) -> str:
    from babel.messages.plurals import get_plural

    try:
        return str(get_plural(locale).plural_forms)
    except (UnknownLocaleError, ValueError):
        return "nplurals=2; plural=(n != 1);"


@dataclass(frozen=True)
class Translations:
    """The usable translations of one locale: (msgctxt, msgid) -> msgstr; fuzzy ones excluded."""

    locale: str
    strings: dict[tuple[str, str], str]
    path: Path | None = None

    def get(self, context: str, source: str) -> str | None:
        return self.strings.get((context, source))


def load_translations(brief: Brief, locale: str) -> Translations:
    """Read the locale's PO file (none for the source language)."""
    if locale == SOURCE_LOCALE:
        return Translations(locale, {})
    path = po_path(brief, locale)
    if not path.is_file():
        return Translations(locale, {}, path)
    catalog = read_catalog(path)
    strings = {e.key: e.msgstr for e in catalog.entries if not e.obsolete and e.msgid and e.translated}
    return Translations(locale, strings, path)


def _build_date() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else _EPOCH


def _date_text(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M%z")
