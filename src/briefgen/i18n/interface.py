"""The package's own interface catalog (gettext domain "briefgen"): headings, labels, unit nouns.

The catalogs are PO files under ``briefgen/locale/<locale>/LC_MESSAGES/briefgen.po``, read at
run time with Babel (no compiled .mo is needed) and cached per locale. A locale without a
catalog, and any message that is missing, untranslated or fuzzy, falls back to the English
msgid. The template ``briefgen/locale/briefgen.pot`` follows the usual layout, so

    pybabel update -i src/briefgen/locale/briefgen.pot -d src/briefgen/locale -D briefgen

merges new msgids into every locale. The unit nouns come from data (``briefgen.units``), not from
calls in the code, so ``pybabel extract`` cannot find them: add new msgids to the .pot by hand.
"""
from __future__ import annotations

import copy
import gettext
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "briefgen"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


@dataclass(frozen=True)
class Interface:
    """Interface strings of one locale; every lookup falls back to the msgid."""

    locale: str
    translations: gettext.NullTranslations

    @classmethod
    def from_catalog(cls, locale: str, catalog: Catalog) -> Interface:
        """Compile `catalog` in memory; untranslated and fuzzy messages fall back to the msgid."""
        buffer = BytesIO()
        write_mo(buffer, _without_empty_plurals(catalog), use_fuzzy=False)
        buffer.seek(0)
        return cls(locale, gettext.GNUTranslations(buffer))

    def gettext(self, msgid: str) -> str:
        return self.translations.gettext(msgid)

    def pgettext(self, context: str, msgid: str) -> str:
        return self.translations.pgettext(context, msgid)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """The form of `singular`/`plural` for the integer count `n`, by the catalog's rule."""
        return self.translations.npgettext(context, singular, plural, n)

    def format(self, msgid: str, **kw: object) -> str:
        """Translate `msgid`, then fill its ``{name}`` fields: format("Figure {n}", n=3)."""
        return self.gettext(msgid).format(**kw)


def catalog_path(locale: str) -> Path:
    """Where the PO file of `locale` lives (it may not exist)."""
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Read a PO or POT file with Babel."""
    with path.open("rb") as f:
        return read_po(f, locale=locale, domain=DOMAIN, abort_invalid=True)


@lru_cache(maxsize=None)
def interface(locale: str) -> Interface:
    """The interface strings of `locale` ("zh", "en"); a locale without a catalog gives msgids."""
    path = catalog_path(locale)
    if not path.is_file():
        return Interface(locale, gettext.NullTranslations())
    return Interface.from_catalog(locale, load_catalog(path))


def _without_empty_plurals(catalog: Catalog) -> Catalog:
    """A copy of `catalog` without untranslated plural messages.

    Babel's write_mo skips an untranslated message, but not a plural one whose forms are all
    empty: it fills them with the msgid's singular, so a one-form language (zh) would show
    "tonne" for 5. Dropping the message lets gettext choose between the msgids instead.
    """
    kept = copy.deepcopy(catalog)
    for message in list(kept):
        if message.pluralizable and not any(message.string or ()):
            kept.delete(message.id, message.context)
    return kept
