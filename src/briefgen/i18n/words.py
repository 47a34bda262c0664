"""Where Chinese words begin, so that headings, captions and chart labels break between words (rjieba)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1024)
def word_starts(text: str) -> tuple[int, ...]:
    """The offsets in text at which a word (or a run of punctuation, Latin or spaces) begins, ascending."""
    import rjieba  # loading its dictionary takes about 0.2 s: only once a heading needs two lines

    starts, pos = [], 0
    for word in rjieba.cut(text):
        starts.append(pos)
        pos += len(word)
    return tuple(starts)
