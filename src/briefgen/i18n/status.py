"""How complete and how correct a locale's translation is: counts and located problems."""
from __future__ import annotations

from dataclasses import dataclass, field

from babel.messages.catalog import Catalog, Message

from briefgen.content.inline import MarkupError, parse_inline, references
from briefgen.content.model import Brief
from briefgen.errors import Location, Problem
from briefgen.i18n.catalog import build_template, po_path, read_catalog


@dataclass
class Status:
    """Counts for one brief and locale, and the problems behind them."""

    brief: str
    locale: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    glossary: int = 0
    problems: list[Problem] = field(default_factory=list)
    missing: list[Problem] = field(default_factory=list)  # the untranslated and fuzzy ones among problems

    @property
    def complete(self) -> bool:
        return self.fuzzy == 0 and self.untranslated == 0 and not self.errors()

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def summary(self) -> str:
        return (f"{self.brief} {self.locale}: {self.total} messages, {self.translated} translated, "
                f"{self.fuzzy} fuzzy, {self.untranslated} untranslated, {self.obsolete} obsolete, "
                f"{self.glossary} glossary violations")


def translation_status(brief: Brief, locale: str, template: Catalog | None = None) -> Status:
    """Compare the locale's PO file with the brief's current content."""
    template = template or build_template(brief)
    path = po_path(brief, locale)
    status = Status(brief.id, locale, total=len(template))
    po = read_catalog(path, locale) if path.is_file() else Catalog(locale=locale)
    for message in template:
        if message.id:
            _count(status, message, po.get(message.id, context=message.context), Location.of(path))
    status.obsolete = sum(1 for m in po if m.id and template.get(m.id, context=m.context) is None)
    status.obsolete += len(po.obsolete)
    for message in po:
        if message.id and message.string and not message.fuzzy:
            _check_message(brief, status, message, Location.of(path, message.lineno or 0))
    return status


def _count(status: Status, wanted: Message, found: Message | None, where: Location) -> None:
    label = f"[{wanted.context}] {_short(str(wanted.id))}"
    if found is None or not found.string:
        status.untranslated += 1
        line = found.lineno if found is not None and found.lineno else 0
        status.missing.append(Problem(Location(where.path, line), f"untranslated: {label}", "warning"))
        status.problems.append(status.missing[-1])
    elif found.fuzzy:
        status.fuzzy += 1
        status.missing.append(Problem(Location(where.path, found.lineno or 0), f"fuzzy (needs review): {label}", "warning"))
        status.problems.append(status.missing[-1])
    else:
        status.translated += 1


def _check_message(brief: Brief, status: Status, message: Message, where: Location) -> None:
    source, target = str(message.id), str(message.string)
    if sorted(set(references(source))) != sorted(set(references(target))):
        status.problems.append(Problem(where, f"placeholders differ: msgid has {_refs(source)}, msgstr has {_refs(target)}"))
    try:
        parse_inline(target)
    except MarkupError as exc:
        status.problems.append(Problem(where, f"msgstr markup: {exc}"))
    for entry in brief.glossary:
        if entry.zh in source and entry.en.lower() not in target.lower():
            status.glossary += 1
            status.problems.append(Problem(where, f"glossary: {entry.zh!r} should be rendered {entry.en!r}", "warning"))


def _refs(text: str) -> str:
    found = sorted(set(references(text)))
    return ", ".join("{" + r + "}" for r in found) if found else "none"


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
