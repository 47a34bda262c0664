"""A Babel extractor for briefgen content YAML, so `pybabel extract` and PO tools work as usual.

Each message carries its place in the content as msgctxt (so two identical Chinese strings in
different places can be translated differently), never its position: inserting or moving a
paragraph changes no other message. A translator comment says what the message is.
Register it in a Babel mapping file:

    [briefgen_yaml: content/*/**.yaml]
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from briefgen.content.checks import all_texts
from briefgen.content.folders import BRIEF_FILE
from briefgen.content.loader import read_brief
from briefgen.content.model import Brief, Text

Extracted = tuple[int, str, tuple[str, str], list[str]]


def extract_yaml(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Iterator[Extracted]:
    """Babel extractor entry point: yield (lineno, 'pgettext', (msgctxt, msgid), comments)."""
    path = Path(getattr(fileobj, "name", ""))
    root = _brief_root(path)
    if root is None:
        return
    brief, _problems = read_brief(root)
    if brief is None:
        return
    for text in texts_of(brief):
        if Path(text.where.path).resolve() == path.resolve():
            yield text.where.line, "pgettext", (text.context, text.source), [c for c in [describe(text)] if c]


def texts_of(brief: Brief) -> list[Text]:
    """The brief's translatable texts, without empty ones, in reading order."""
    return [t for t in all_texts(brief) if t.source.strip()]


_ROLES = [
    (re.compile(r"/p(?:/[a-z0-9_]+)?/topic$"), "Bold topic sentence opening a paragraph"),
    (re.compile(r"/(?:p|intro|lead)(?:/[a-z0-9_]+)?$"), "Paragraph"),
    (re.compile(r"/chart/title$"), "Chart title"),
    (re.compile(r"/chart/description$"), "Chart caption and alt text: one sentence"),
    (re.compile(r"/chart/source$"), "Chart source note"),
    (re.compile(r"/chart/item$"), "Chart label"),
    (re.compile(r"^metrics/(\w+)/label$"), "Short chart label of the figure '{0}'"),
    (re.compile(r"/keyword$"), "Key work area: keyword banner"),
    (re.compile(r"/headline$"), "Key work area: headline"),
    (re.compile(r"/kicker$"), "Part label (large)"),
    (re.compile(r"/title$"), "Heading"),
]


def describe(text: Text) -> str:
    """The translator comment: what the message is (its place is the #: reference)."""
    for pattern, role in _ROLES:
        match = pattern.search(text.context)
        if match:
            return role.format(*match.groups())
    return ""


def _brief_root(path: Path) -> Path | None:
    for folder in path.resolve().parents:
        if (folder / BRIEF_FILE).is_file():
            return folder
    return None
