"""Content catalogs of a brief: build the template, merge it into PO files, read translations.

Layout, per brief: locale/content.pot and locale/<locale>/LC_MESSAGES/content.po. Files are
written atomically, and not rewritten when only their dates would change (no churn in diffs).
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from briefgen.content.model import Brief
from briefgen.errors import ContentError, Location
from briefgen.files import atomic_write
from briefgen.i18n.extract import describe, texts_of

DOMAIN = "content"
SOURCE_LOCALE = "zh"
_DATE_LINES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)
_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def template_path(brief: Brief) -> Path:
    return brief.root / "locale" / f"{DOMAIN}.pot"


def po_path(brief: Brief, locale: str) -> Path:
    return brief.root / "locale" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def target_locales(brief: Brief) -> list[str]:
    """The brief's locales that need a catalog (all but the source language)."""
    return [loc for loc in brief.locales if loc != SOURCE_LOCALE]


def build_template(brief: Brief) -> Catalog:
    """The message template of the brief's current content."""
    catalog = Catalog(project=brief.id, version=brief.version or None, domain=DOMAIN,
                      creation_date=_build_date(), charset="utf-8", fuzzy=False)
    for text in texts_of(brief):
        catalog.add(text.source, context=text.context, auto_comments=[describe(text)],
                    locations=[(text.where.path, text.where.line)])
    return catalog


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Read a PO/POT file; a malformed one is a located ContentError."""
    try:
        with path.open("rb") as f:
            return read_po(f, locale=locale, domain=DOMAIN, abort_invalid=True)
    except Exception as exc:  # Babel raises PoFileError, UnicodeDecodeError, ValueError...
        line = getattr(exc, "lineno", 0)
        raise ContentError(f"cannot read the catalog: {exc}", Location.of(path, line)) from None


def merged_catalog(template: Catalog, path: Path, locale: str) -> Catalog:
    """The PO file at path updated to the template: changed messages become fuzzy."""
    if path.is_file():
        catalog = read_catalog(path, locale)
    else:
        catalog = Catalog(locale=locale, domain=DOMAIN, project=template.project, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    return catalog


def write_catalog(catalog: Catalog, path: Path) -> bool:
    """Write atomically; skip when only the date lines differ. True when the file changed."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False)
    data = buffer.getvalue()
    if path.is_file() and _DATE_LINES.sub(b"", path.read_bytes()) == _DATE_LINES.sub(b"", data):
        return False
    atomic_write(path, data)
    return True


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
    catalog = read_catalog(path, locale)
    strings = {(m.context or "", str(m.id)): str(m.string) for m in catalog
               if m.id and m.string and not m.fuzzy}
    return Translations(locale, strings, path)


def _build_date() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else _EPOCH
