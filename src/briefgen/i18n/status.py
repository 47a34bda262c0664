"""How complete and how correct a locale's translation is: counts and located problems."""
from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.content.inline import MarkupError, parse_inline, references
from briefgen.content.model import Brief
from briefgen.errors import Location, Problem
from briefgen.i18n.catalog import build_template, po_path, read_catalog
from briefgen.i18n.pofile import Entry, PoFile


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
        share = 100 * self.translated // self.total if self.total else 100
        return (f"{self.brief} {self.locale}: {share}% translated: {self.total} messages, {self.translated} translated, "
                f"{self.fuzzy} fuzzy, {self.untranslated} untranslated, {self.obsolete} obsolete, "
                f"{self.glossary} glossary violations")


UPDATE = "run 'briefgen i18n update'"


def translation_status(brief: Brief, locale: str, template: PoFile | None = None) -> Status:
    """Compare the locale's PO file with the brief's current content (a malformed file raises)."""
    template = template or build_template(brief)
    path = po_path(brief, locale)
    status = Status(brief.id, locale, total=len(template.entries))
    po = read_catalog(path) if path.is_file() else PoFile(None, [])
    found = po.by_key()
    for message in template.entries:
        _count(status, message, found.get(message.key), path)
    wanted = {m.key for m in template.entries}
    stale = [e for e in po.entries if not e.obsolete and e.key not in wanted]
    status.obsolete = len(stale) + sum(1 for e in po.entries if e.obsolete)
    for entry in stale:
        status.problems.append(Problem(Location.of(path, entry.line),
                                       f"no longer in the content: [{entry.msgctxt}] {_short(entry.msgid)}; {UPDATE}",
                                       "warning"))
    for entry in po.entries:
        if entry.msgid and not entry.obsolete and entry.translated:
            _check_message(brief, status, entry, Location.of(path, entry.line))
    return status


def _count(status: Status, wanted: Entry, found: Entry | None, path: object) -> None:
    label = f"[{wanted.msgctxt}] {_short(wanted.msgid)}"
    if found is None:
        status.untranslated += 1
        _missing(status, Location.of(str(path)), f"untranslated: {label}; it is not in the catalog yet: {UPDATE}")
    elif not found.msgstr and not any(found.plurals):
        status.untranslated += 1
        _missing(status, Location.of(str(path), found.line), f"untranslated: {label}")
    elif found.fuzzy:
        status.fuzzy += 1
        _missing(status, Location.of(str(path), found.line),
                 f"fuzzy (needs review): {label}; check the msgstr, then remove the fuzzy flag")
    else:
        status.translated += 1


def _missing(status: Status, where: Location, message: str) -> None:
    status.missing.append(Problem(where, message, "warning"))
    status.problems.append(status.missing[-1])


def _check_message(brief: Brief, status: Status, message: Entry, where: Location) -> None:
    source, target = message.msgid, message.msgstr
    lacking = sorted(set(references(source)) - set(references(target)))
    extra = sorted(set(references(target)) - set(references(source)))
    if lacking or extra:
        said = [f"the msgstr lacks {_refs(lacking)}"] if lacking else []
        said += [f"has {_refs(extra)}, which the msgid does not" if said else
                 f"the msgstr has {_refs(extra)}, which the msgid does not"] if extra else []
        status.problems.append(Problem(where, f"placeholders differ: {' and '.join(said)}"))
    try:
        parse_inline(target)
    except MarkupError as exc:
        status.problems.append(Problem(where, f"msgstr markup: {exc}"))
    for entry in brief.glossary:
        if entry.zh in source and entry.en.lower() not in target.lower():
            status.glossary += 1
            status.problems.append(Problem(where, f"glossary: {entry.zh!r} should be rendered {entry.en!r}", "warning"))


def _refs(names: list[str]) -> str:
    return ", ".join("{" + r + "}" for r in names)


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
