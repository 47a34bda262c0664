"""A Babel extractor for briefgen content YAML, so `pybabel extract` and PO tools work as usual.

Each message carries its path in the content as msgctxt (so two identical Chinese strings in
different places can be translated differently) and, as a translator comment, where it is.
Register it in a Babel mapping file:

    [briefgen_yaml: content/*/**.yaml]
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from briefgen.content.checks import all_texts
from briefgen.content.loader import BRIEF_FILE, read_brief
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
            yield text.where.line, "pgettext", (text.context, text.source), [describe(text)]


def texts_of(brief: Brief) -> list[Text]:
    """The brief's translatable texts, without empty ones, in reading order."""
    return [t for t in all_texts(brief) if t.source.strip()]


def describe(text: Text) -> str:
    """The translator comment: where the message appears."""
    return f"{text.where}"


def _brief_root(path: Path) -> Path | None:
    for folder in path.resolve().parents:
        if (folder / BRIEF_FILE).is_file():
            return folder
    return None
