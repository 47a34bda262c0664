"""Where Chinese words begin, so that headings, captions and chart labels break between words.

The segmenter is rjieba (jieba-rs): loading its dictionary takes about 0.2 s in every process
that asks, so its answers are kept per user as JSON, one file per text and segmenter version,
and the dictionary is loaded only for a text it has not seen.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from briefgen.runtime import cache_dir, store_json

SEGMENTER = "rjieba"


_KNOWN: ContextVar[tuple[str, ...]] = ContextVar("known_words", default=())


@contextmanager
def known_words(terms: Iterable[str]) -> Iterator[None]:
    """Within it, word_starts() keeps these terms whole, whatever the segmenter says: the
    brief's glossary names things its dictionary does not know (航空港区, not 航空港|区)."""
    token = _KNOWN.set(tuple(t for t in dict.fromkeys(terms) if len(t) > 1))
    try:
        yield
    finally:
        _KNOWN.reset(token)


def current_terms() -> tuple[str, ...]:
    """The terms known_words keeps whole here and now."""
    return _KNOWN.get()


def word_starts(text: str) -> tuple[int, ...]:
    """The offsets in text at which a word (or a run of punctuation, Latin or spaces) begins,
    ascending; each known word (known_words) is one word."""
    return _keeping(text, _KNOWN.get())


@lru_cache(maxsize=1024)
def _keeping(text: str, terms: tuple[str, ...]) -> tuple[int, ...]:
    starts, inside = set(_segmented(text)), set[int]()
    for term in terms:
        at = text.find(term)
        while at >= 0:
            starts.update(b for b in (at, at + len(term)) if b < len(text))
            inside.update(range(at + 1, at + len(term)))
            at = text.find(term, at + 1)
    return tuple(sorted(starts - inside))


@lru_cache(maxsize=1024)
def _segmented(text: str) -> tuple[int, ...]:
    entry = _entry(text)
    starts = _cached(entry, text)
    if starts is None:
        starts = segment(text)
        store_json(entry, {"text": text, "starts": list(starts)})
    return starts


def clear_memory() -> None:
    """Forget the answers kept in this process (the per-user cache stays)."""
    _keeping.cache_clear()
    _segmented.cache_clear()


def segment(text: str) -> tuple[int, ...]:
    """word_starts() from the segmenter itself."""
    import rjieba

    starts, pos = [], 0
    for word in rjieba.cut(text):
        starts.append(pos)
        pos += len(word)
    return tuple(starts)


def _entry(text: str) -> Path:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return cache_dir() / "words" / f"{SEGMENTER}-{_version()}" / f"{digest}.json"


@lru_cache(maxsize=1)
def _version() -> str:
    return version(SEGMENTER)


def _cached(entry: Path, text: str) -> tuple[int, ...] | None:
    """The stored answer for exactly this text, if it is a valid one."""
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        starts = tuple(data["starts"])
        valid = data["text"] == text and all(type(s) is int for s in starts) and (
            not text and not starts or starts[:1] == (0,) and list(starts) == sorted(set(starts)) and starts[-1] < len(text))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return starts if valid else None
