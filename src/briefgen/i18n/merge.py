"""Merge a brief's template into a PO file the way msgmerge --previous does, and a little more.

For each message of the template, in order:

1. the same msgctxt and msgid: its translation, flags and translator comments are kept;
2. the same msgid under a context that is gone (the text moved, or the catalog predates stable
   ids): the translation moves with it, unchanged in status;
3. a similar msgid (difflib ratio >= 0.6, gettext's threshold): the old translation, fuzzy, with
   the old msgctxt and msgid as `#|` previous strings so an editor can show what changed;
4. the same or a very similar msgid (ratio >= 0.8) in another brief's catalog of the same language: translated or
   fuzzy, with a translator comment naming the brief it came from;
5. otherwise untranslated.

Old translated messages that none of these used become obsolete (`#~`), as with msgmerge.
"""
from __future__ import annotations

import copy
import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.i18n.pofile import Entry, Key, PoFile

FUZZY_THRESHOLD = 0.6
REUSE_THRESHOLD = 0.8  # another brief's words: only a close paraphrase is worth a translator's look


@dataclass(frozen=True)
class Donor:
    """A translated message of another brief that a new message may reuse."""

    brief: str
    entry: Entry


def merge(template: PoFile, old: PoFile | None, header: Entry, donors: Sequence[Donor] = ()) -> PoFile:
    """The catalog updated to the template."""
    previous = old.entries if old else []
    exact = {e.key: e for e in previous if not e.obsolete}
    exact.update({e.key: e for e in previous if e.obsolete and e.key not in exact})
    wanted = {t.key for t in template.entries}
    gone = [e for e in previous if e.key not in wanted and _has_translation(e)]
    pool = gone + [e for e in exact.values() if _has_translation(e) and not e.obsolete]  # for near matches
    used: set[int] = set()
    entries = [_merged(t, exact, gone, pool, donors, used) for t in template.entries]
    obsolete = [_obsolete(e) for e in gone if id(e) not in used]
    return PoFile(header, entries + obsolete)


def _merged(wanted: Entry, exact: dict[Key, Entry], gone: list[Entry], pool: list[Entry],
            donors: Sequence[Donor], used: set[int]) -> Entry:
    found = exact.get(wanted.key)
    if found is not None:
        used.add(id(found))
        return _carry(wanted, found)
    moved = _moved(wanted, gone, used)
    if moved is not None:
        used.add(id(moved))
        return _carry(wanted, moved)
    similar = _closest(wanted, pool)
    if similar is not None:
        used.add(id(similar))
        return _fuzzy(wanted, similar)
    return _reused(wanted, donors) or copy.deepcopy(wanted)


def _has_translation(entry: Entry) -> bool:
    return bool(entry.msgstr or any(entry.plurals))


def _carry(wanted: Entry, old: Entry) -> Entry:
    """The template's entry with the old one's translation, flags, comments and previous strings."""
    new = copy.deepcopy(wanted)
    new.msgstr, new.plurals, new.comments = old.msgstr, list(old.plurals), list(old.comments)
    new.flags = (["fuzzy"] if old.fuzzy else []) + list(wanted.flags)  # format flags follow the template
    if old.fuzzy:
        new.previous_msgctxt, new.previous_msgid = old.previous_msgctxt, old.previous_msgid
    return new


def _moved(wanted: Entry, gone: list[Entry], used: set[int]) -> Entry | None:
    """The old message of the same words whose context is gone: unused ones first, then the
    context that shares the longest start with the new one (p3 of a section before p2 of another)."""
    same = [e for e in gone if e.msgid == wanted.msgid]
    if not same:
        return None
    context = wanted.msgctxt or ""
    return max(same, key=lambda e: (id(e) not in used, not e.fuzzy, len(os.path.commonprefix([context, e.msgctxt or ""]))))


def _closest(wanted: Entry, candidates: list[Entry], threshold: float = FUZZY_THRESHOLD) -> Entry | None:
    best, best_ratio = None, threshold
    for entry in candidates:
        matcher = difflib.SequenceMatcher(None, wanted.msgid, entry.msgid, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio and (best is None or ratio > best_ratio):
            best, best_ratio = entry, ratio
    return best


def _fuzzy(wanted: Entry, old: Entry) -> Entry:
    new = _carry(wanted, old)
    new.fuzzy = True
    if old.fuzzy and old.previous_msgid is not None:
        new.previous_msgctxt, new.previous_msgid = old.previous_msgctxt, old.previous_msgid
    else:
        new.previous_msgctxt, new.previous_msgid = old.msgctxt, old.msgid
    return new


def _reused(wanted: Entry, donors: Sequence[Donor]) -> Entry | None:
    same = next((d for d in donors if d.entry.msgid == wanted.msgid), None)
    if same is not None:
        new = copy.deepcopy(wanted)
        new.msgstr = same.entry.msgstr
        new.comments = [f"Translation reused from the brief {same.brief}."]
        return new
    by_entry = {id(d.entry): d for d in donors}
    similar = _closest(wanted, [d.entry for d in donors], REUSE_THRESHOLD)
    if similar is None:
        return None
    new = copy.deepcopy(wanted)
    new.msgstr = similar.msgstr
    new.comments = [f"Close match reused from the brief {by_entry[id(similar)].brief}: check it."]
    new.fuzzy = True
    new.previous_msgctxt, new.previous_msgid = similar.msgctxt, similar.msgid
    return new


def _obsolete(entry: Entry) -> Entry:
    old = copy.deepcopy(entry)
    old.obsolete = True
    old.extracted, old.references = [], []
    return old
