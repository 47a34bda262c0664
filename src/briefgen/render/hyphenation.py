"""Where an English word may break: at its own hyphens and en dashes, else at pyphen's points."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from briefgen.i18n.typography import PINYIN, SCALE_WORDS

LEFT_MIN, RIGHT_MIN = 2, 3  # TeX's \lefthyphenmin and \righthyphenmin  # letters kept before and after a hyphenation point
_CORE = re.compile(r"^([^\w]*)([A-Za-z][a-z]+)((?:['’]s)?[^\w]*)$")  # "(development," -> "development"


@dataclass(frozen=True)
class Point:
    """A break after character `offset` of the word; `hyphen` when a hyphen must be added;
    `capital` when the word is capitalised (a break there costs more)."""

    offset: int
    hyphen: bool
    capital: bool = False


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US", left=LEFT_MIN, right=RIGHT_MIN)


@lru_cache(maxsize=4096)
def points(word: str) -> tuple[Point, ...]:
    """Break points inside a word (no spaces in it), first to last.

    A compound breaks only after its own hyphen or en dash (university-|enterprise,
    Beijing–|Tianjin), and only between words: never inside COVID-19 or a range 2021–2035.
    Pinyin (Xiangtao), acronyms and words with digits are not hyphenated; other capitalised
    words (Sciences, Increase) are, at a cost the caller sets.
    """
    joints = [Point(i + 1, False) for i, ch in enumerate(word)
              if ch in "-–" and _joins(word, i)]
    if any(ch in "-–" for ch in word):
        return tuple(joints)
    match = _CORE.match(word)
    if not match:
        return ()
    lead, core = len(match.group(1)), match.group(2)
    if core in SCALE_WORDS:  # part of a figure: 65 mil-|lion is never printed
        return ()
    capital = core[0].isupper()
    if capital and PINYIN.fullmatch(core):
        return ()
    return tuple(Point(lead + len(head), True, capital) for head in _heads(core.lower()))


def _joins(word: str, i: int) -> bool:
    """A hyphen or dash between two words of letters, each at least two letters long."""
    before = re.search(r"[A-Za-z]{2,}$", word[:i])
    after = re.match(r"[A-Za-z]{2,}", word[i + 1:])
    return before is not None and after is not None


def _heads(core: str) -> list[str]:
    """The heads pyphen allows, shortest first: develop|ment -> ["de", "devel", "develop"]."""
    return sorted((head for head, _tail in _dictionary().iterate(core)), key=len)
