"""Wrap PO strings as GNU gettext does (page width 79), so msgmerge and briefgen agree byte for byte.

GNU gettext breaks each "\\n"-delimited portion of the escaped string at Unicode line-break
opportunities (UAX #14), counting East Asian wide characters as two columns, and fills lines
greedily. This module implements the pair-table part of UAX #14 for the character classes that
occur in prose: Han ideographs, CJK and Latin punctuation, letters, digits and spaces.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

PAGE_WIDTH = 79
CLASSES = ("OP", "CL", "CP", "QU", "GL", "NS", "EX", "SY", "IS", "PR", "PO", "NU", "AL", "ID", "IN",
           "HY", "BA", "BB", "B2", "ZW", "CM", "WJ")
# UAX #14 pair table, one row per class before the break, one cell per class after it:
# "_" direct break, "%" break only after spaces, "^" never, "#" combining mark (never).
_TAIL = "^#^"  # ZW CM WJ
_ROWS = {
    "OP": "^" * 19 + _TAIL,
    "CL": "_^^%%^^^^%%" + "___%" + "%%__" + _TAIL,
    "CP": "_^^%%%^^^%%" + "%%_%" + "%%__" + _TAIL,
    "QU": "^^^%%%^^^" + "%" * 10 + _TAIL,
    "GL": "%^^%%%^^^" + "%" * 10 + _TAIL,
    "NS": "_^^%%%^^^" + "_____%" + "%%__" + _TAIL,
    "EX": "_^^%%%^^^" + "_____%" + "%%__" + _TAIL,
    "SY": "_^^%%%^^^" + "__%__%" + "%%__" + _TAIL,
    "IS": "_^^%%%^^^" + "__%__%" + "%%__" + _TAIL,
    "PR": "%^^%%%^^^" + "__%%%%" + "%%__" + _TAIL,
    "PO": "%^^%%%^^^" + "__%%_%" + "%%__" + _TAIL,
    "NU": "%^^%%%^^^" + "%%%%_%" + "%%__" + _TAIL,
    "AL": "%^^%%%^^^" + "%%%%_%" + "%%__" + _TAIL,
    "ID": "_^^%%%^^^" + "_%___%" + "%%__" + _TAIL,
    "IN": "_^^%%%^^^" + "_____%" + "%%__" + _TAIL,
    "HY": "_^^%_%^^^" + "__%__%" + "%%__" + _TAIL,
    "BA": "_^^%_%^^^" + "_____%" + "%%__" + _TAIL,
    "BB": "%^^%%%^^^" + "%" * 10 + _TAIL,
    "B2": "_^^%%%^^^" + "_____%" + "%%_^" + _TAIL,
    "ZW": "_" * 19 + "^__",
    "CM": "%^^%%%^^^" + "%%%%_%" + "%%__" + _TAIL,
    "WJ": "%^^%%%^^^" + "%" * 10 + _TAIL,
}
_WIDE_OPEN = {"AL", "NU", "CM"}  # letters and digits do not stick to "(", but do break before "（"


def _parse_table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for name, cells in _ROWS.items():
        if len(cells) != len(CLASSES):
            raise AssertionError(f"line-break table row {name} has {len(cells)} cells")
        for other, cell in zip(CLASSES, cells):
            table[name, other] = cell
    return table


_PAIRS = _parse_table()

_SINGLE = {
    " ": "SP", "\t": "BA", "-": "HY", "\u2010": "BA", "\u2013": "BA", "\u2014": "B2", "|": "BA",
    "\u2026": "IN", "\u2025": "IN", "\u00a0": "GL", "\u202f": "GL", "\u2060": "WJ", "\u200b": "ZW",
    "(": "OP", "[": "OP", "{": "OP", ")": "CP", "]": "CP", "}": "CL",
    "\"": "QU", "'": "QU", "\u2018": "QU", "\u2019": "QU", "\u201c": "QU", "\u201d": "QU", "\u00ab": "QU",
    "\u00bb": "QU", "!": "EX", "?": "EX", "\uff01": "EX", "\uff1f": "EX", ",": "IS", ".": "IS", ":": "IS",
    ";": "IS", "/": "SY", "\\": "PR", "$": "PR", "+": "PR", "\u00a5": "PR", "\u00a3": "PR", "\u20ac": "PR",
    "\u00b1": "PR", "\uffe5": "PR", "\uffe1": "PR", "%": "PO", "\u00b0": "PO", "\u2103": "PO", "\u2030": "PO",
    "\u2032": "PO", "\u2033": "PO", "\u00a2": "PO", "\uff05": "PO", "\uffe0": "PO",
    "\uff1a": "NS", "\uff1b": "NS", "\u3005": "NS", "\u30fc": "NS", "\u30fb": "NS", "\u203c": "NS",
    "\u3001": "CL", "\u3002": "CL", "\uff0c": "CL", "\uff0e": "CL", "\uff09": "CL", "\uff3d": "CL",
    "\uff5d": "CL", "\u3009": "CL", "\u300b": "CL", "\u300d": "CL", "\u300f": "CL", "\u3011": "CL",
    "\u3015": "CL", "\u3017": "CL", "\u3019": "CL", "\u301b": "CL", "\uff63": "CL",
    "\uff08": "OP", "\uff3b": "OP", "\uff5b": "OP", "\u3008": "OP", "\u300a": "OP", "\u300c": "OP",
    "\u300e": "OP", "\u3010": "OP", "\u3014": "OP", "\u3016": "OP", "\u3018": "OP", "\u301a": "OP",
    "\uff62": "OP",
}


@lru_cache(maxsize=4096)
def line_class(ch: str) -> str:
    """The UAX #14 class of a character (ambiguous ones resolve to AL, as for UTF-8 text)."""
    if ch in _SINGLE:
        return _SINGLE[ch]
    if ch.isdigit() and ord(ch) < 0x3000:
        return "NU"
    if unicodedata.category(ch) in ("Mn", "Me"):
        return "CM"
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return "ID"
    return "AL"


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Columns a character takes in a terminal (wide CJK 2, combining marks 0)."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf") or unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def break_opportunities(text: str) -> list[bool]:
    """For each index i, whether a line may break before text[i]."""
    result = [False] * len(text)
    before: str | None = None
    after_space = False
    for i, ch in enumerate(text):
        cls = line_class(ch)
        if cls == "SP":
            after_space = True
            continue
        if before is not None:
            action = _PAIRS[before, cls]
            if cls == "OP" and before in _WIDE_OPEN and char_width(ch) == 2:
                action = "_"
            result[i] = action == "_" or (action == "%" and after_space)
            if action == "#" and not after_space:
                continue  # a combining mark takes the class of its base
        before = cls
        after_space = False
    return result


_ESCAPES = {"\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a", "\b": "\\b",
            "\f": "\\f", "\v": "\\v"}


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _portions(value: str) -> list[str]:
    """The value cut after each newline, as GNU gettext lays them one per line."""
    out, start = [], 0
    for i, ch in enumerate(value):
        if ch == "\n":
            out.append(value[start:i + 1])
            start = i + 1
    if start < len(value) or not out:
        out.append(value[start:])
    return out


def _escaped_units(portion: str) -> tuple[str, list[bool]]:
    """The escaped portion, and for each of its characters whether a break may come before it."""
    text = escape(portion)
    breaks = break_opportunities(text)
    allowed = []
    for ch in portion:
        allowed.append(True)
        allowed += [False] * (len(_ESCAPES.get(ch, ch)) - 1)
    if portion.endswith("\n"):
        allowed[-2] = False  # never break just before the closing "\n"
    return text, [b and a for b, a in zip(breaks, allowed)]


def _fill(text: str, breaks: list[bool], width: int, start: int) -> list[int]:
    """Greedy filling: the indices where a line starts (after the first)."""
    cuts: list[int] = []
    column, piece, last = start, 0, -1
    for i, ch in enumerate(text):
        if breaks[i]:
            if last >= 0 and column + piece > width:
                cuts.append(last)
                column = 0
            last = i
            column += piece
            piece = 0
        piece += char_width(ch)
    if last >= 0 and column + piece > width:
        cuts.append(last)
    return cuts


def wrap(keyword: str, value: str, prefix: str = "", page_width: int = PAGE_WIDTH) -> list[str]:
    """The lines of `keyword "value"` as GNU gettext writes them (prefix "#| " or "#~ ")."""
    lines: list[str] = []
    portions = _portions(value)
    after_break = len(prefix) + 1
    width = page_width - 1 - after_break
    first = True
    for index, portion in enumerate(portions):
        text, breaks = _escaped_units(portion)
        more = index < len(portions) - 1
        if first:
            start = len(prefix) + len(keyword) + 2 - after_break
            cuts = _fill(text, breaks, width, start)
            if text and (more or start > width or cuts):
                lines.append(f'{prefix}{keyword} ""')
                first = False
        if not first:
            cuts = _fill(text, breaks, width, 0)
        bounds = [0, *cuts, len(text)]
        chunks = [text[a:b] for a, b in zip(bounds, bounds[1:])]
        head = f"{prefix}{keyword} " if first else prefix
        lines.append(f'{head}"{chunks[0]}"')
        lines += [f'{prefix}"{chunk}"' for chunk in chunks[1:]]
        first = False
    return lines
