"""`briefgen i18n extract | update | compile | status | init`, per brief."""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from briefgen.build.select import select_briefs
from briefgen.content.checks import LOCALE
from briefgen.content.folders import BRIEF_FILE
from briefgen.content.loader import load_brief
from briefgen.content.model import Brief
from briefgen.errors import ContentError, Location, Problem, UsageError
from briefgen.files import atomic_write
from briefgen.i18n.catalog import (SOURCE_LOCALE, build_template, po_header, po_path, read_catalog,
                                   target_locales, template_path, write_catalog)
from briefgen.i18n.merge import Donor, merge
from briefgen.i18n.pofile import PoFile
from briefgen.i18n.status import translation_status

log = logging.getLogger("briefgen")


def run_i18n(action: str, content_dir: Path, names: list[str], locales: list[str] | None = None,
             strict: bool = False) -> list[Problem]:
    """Run one action on every selected brief; return the problems to report."""
    problems: list[Problem] = []
    for root in select_briefs(content_dir, names):
        brief = load_brief(root)
        chosen = _locales(brief, locales)
        problems += _ACTIONS[action](brief, chosen)
    if strict:
        problems = [Problem(p.where, p.message, "error") for p in problems]
    return problems


def _locales(brief: Brief, wanted: list[str] | None) -> list[str]:
    available = target_locales(brief)
    if not wanted:
        return available
    unknown = [w for w in wanted if w not in available]
    if unknown:
        raise UsageError(f"{brief.id} has no locale {', '.join(unknown)} (it has: {', '.join(available) or 'none'}; "
                         f"add one with 'briefgen i18n init LOCALE')")
    return wanted


def extract(brief: Brief, locales: list[str]) -> list[Problem]:
    path = template_path(brief)
    changed = write_catalog(build_template(brief), path)
    log.warning("%s: %s", path, "written" if changed else "unchanged")
    return []


def update(brief: Brief, locales: list[str]) -> list[Problem]:
    template = build_template(brief)
    write_catalog(template, template_path(brief))
    for locale in locales:
        _update_one(brief, template, locale)
    return []


def _update_one(brief: Brief, template: PoFile, locale: str) -> None:
    path = po_path(brief, locale)
    old = read_catalog(path) if path.is_file() else None
    catalog = merge(template, old, po_header(template, old, brief, locale), donors(brief, locale))
    changed = write_catalog(catalog, path)
    log.warning("%s: %s", path, "updated" if changed else "unchanged")


def donors(brief: Brief, locale: str) -> list[Donor]:
    """Translated messages of the other briefs beside this one, in the same language."""
    found: list[Donor] = []
    for other in sorted(brief.root.parent.glob(f"*/locale/{locale}/LC_MESSAGES/content.po")):
        name = other.parents[3].name
        if name == brief.id:
            continue
        try:
            catalog = read_catalog(other)
        except ContentError as exc:
            log.warning("%s (not reused)", exc.problems[0])
            continue
        found += [Donor(name, e) for e in catalog.entries if e.msgid and not e.obsolete and e.translated]
    return found


def compile_(brief: Brief, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    template = build_template(brief)  # one template for every locale
    for locale in locales:
        status = translation_status(brief, locale, template)
        problems += status.errors()
        if problems:
            continue
        catalog = Catalog(locale=locale, domain="content", fuzzy=False)
        for entry in read_catalog(po_path(brief, locale)).entries:
            if entry.msgid and entry.translated and not entry.obsolete:
                catalog.add(entry.msgid, entry.msgstr, context=entry.msgctxt)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        atomic_write(po_path(brief, locale).with_suffix(".mo"), buffer.getvalue())
    return problems


def status(brief: Brief, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    template = build_template(brief)
    for locale in locales:
        found = translation_status(brief, locale, template)
        print(found.summary())
        problems += found.problems
    return problems


def init(brief: Brief, locale: str) -> list[Problem]:
    """A catalog for a new language: add the locale to brief.yaml and write its PO file."""
    if not LOCALE.match(locale) or locale == SOURCE_LOCALE:
        raise UsageError(f"{locale!r} is not a target locale name (such as fr or pt_BR)")
    path = po_path(brief, locale)
    if locale in brief.locales and path.is_file():
        raise UsageError(f"{brief.id} already has the locale {locale} ({path}); use 'briefgen i18n update'")
    if locale not in brief.locales:
        _add_locale(brief.root / BRIEF_FILE, locale)
    template = build_template(brief)
    write_catalog(template, template_path(brief))
    _update_one(brief, template, locale)
    return []


def _add_locale(path: Path, locale: str) -> None:
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^(locales:\s*\[)([^\]]*)\]", text, re.MULTILINE)
    if match is None:
        raise ContentError(f"add '{locale}' to the locales list yourself (write it as locales: [zh, ...])",
                           Location.of(path))
    items = [i.strip() for i in match.group(2).split(",") if i.strip()]
    text = text[: match.start()] + f"{match.group(1)}{', '.join(items + [locale])}]" + text[match.end():]
    atomic_write(path, text.encode("utf-8"))
    log.warning("%s: added the locale %s", path, locale)


def run_init(content_dir: Path, names: list[str], locale: str) -> list[Problem]:
    problems: list[Problem] = []
    for root in select_briefs(content_dir, names):
        problems += init(load_brief(root), locale)
    return problems


_ACTIONS = {"extract": extract, "update": update, "compile": compile_, "status": status}
