"""`briefgen i18n extract | update | compile | status`, per brief, on Babel's API."""
from __future__ import annotations

import io
import logging
from pathlib import Path

from babel.messages.mofile import write_mo

from briefgen.build.select import select_briefs
from briefgen.content.loader import load_brief
from briefgen.content.model import Brief
from briefgen.errors import Location, Problem, UsageError
from briefgen.files import atomic_write
from briefgen.i18n.catalog import (build_template, merged_catalog, po_path, read_catalog,
                                   target_locales, template_path, write_catalog)
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
        raise UsageError(f"{brief.id} has no locale {', '.join(unknown)} (it has: {', '.join(available) or 'none'})")
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
        path = po_path(brief, locale)
        changed = write_catalog(merged_catalog(template, path, locale), path)
        log.warning("%s: %s", path, "updated" if changed else "unchanged")
    return []


def compile_(brief: Brief, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for locale in locales:
        status = translation_status(brief, locale)
        problems += status.errors()
        catalog = read_catalog(po_path(brief, locale), locale)
        for message, errors in catalog.check():
            problems += [Problem(Location.of(po_path(brief, locale), message.lineno or 0), str(error))
                         for error in errors]
        if not problems:
            buffer = io.BytesIO()
            write_mo(buffer, catalog, use_fuzzy=False)
            atomic_write(po_path(brief, locale).with_suffix(".mo"), buffer.getvalue())
    return problems


def status(brief: Brief, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for locale in locales:
        found = translation_status(brief, locale)
        print(found.summary())
        problems += found.problems
    return problems


_ACTIONS = {"extract": extract, "update": update, "compile": compile_, "status": status}
