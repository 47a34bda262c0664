"""Set English text into lines: words, spaces and hyphens as Knuth–Plass items, then glyph runs.

Words are never changed: a line is drawn from the paragraph's own characters, each word
placed at its x, so that wrapping again, at any width, starts from the same text. A space
ending a line is drawn (copied text keeps it); a hyphen the breaker adds is U+00AD, which the
fonts draw as a hyphen and text extraction reads as a soft hyphen, as Typst writes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from briefgen.i18n.typography import NBSP
from briefgen.render import hyphenation, knuth_plass
from briefgen.render.knuth_plass import INFINITY, Box, Glue, Item, Params, Penalty
from briefgen.render.linebreak import ALIGNMENTS, SPACES, Atom, Glyph, Line, Measure, Span, explode

SOFT_HYPHEN = "\u00ad"
SPACE_STRETCH = 0.5  # of the natural space: at ratio 1 a space is 1.5x, at the tolerance 2.2x
SPACE_SHRINK = 0.2  # down to 0.8x
LETTER_STRETCH = 0.015  # em per character at ratio 1: letter-spacing takes a share of the slack
LETTER_SHRINK = 0.004  # em per character
LETTER_LIMIT = 0.02  # em: the most letter-spacing a line gets, however loose; the spaces take the rest
HYPHEN_PENALTY = 300.0  # TeX has 50; more here keeps hyphenated lines under a tenth
RAGGED_HYPHEN_PENALTY = 150.0  # ragged lines: a hyphen rather than a line 3 em short
CAPITAL_PENALTY = 500.0  # a capitalised word (Sci-|ences): only to save a very loose line
COMPOUND_PENALTY = 300.0  # after a compound's own hyphen or en dash (TeX's \exhyphenpenalty)
RAG = 3.0  # em of stretch at a ragged line's end
TOLERANCE = 2.4  # the loosest ratio of the hyphenating pass
SHORT_LAST = 0.15  # a last line under this share of the measure looks lost...
SHORT_LAST_DEMERITS = 5000.0  # ...and costs as much as a second hyphen
EPS = 1e-9
# a run of spaces, a no-break space and the spaces after it, or a word
_TOKEN = re.compile(f"[{SPACES}]+|{NBSP}[{SPACES}]*|[^{SPACES}{NBSP}]+")


@dataclass(frozen=True)
class Setting:
    """How a block of English is set."""

    align: str = "justify"
    hyphenate: bool = True
    balance: bool = False  # headings: lines of even length rather than full ones and a short last

    def __post_init__(self) -> None:
        if self.align not in ALIGNMENTS:
            raise ValueError(f"unknown alignment {self.align!r}; use one of {', '.join(ALIGNMENTS)}")


@dataclass(frozen=True)
class _Items:
    """The Knuth–Plass items of one segment and, for each, the atoms it stands for."""

    items: tuple[Item, ...]
    refs: tuple[tuple[int, int], ...]  # atom range of a box or glue; (t, t) for a break after atom t-1
    hyphens: frozenset[int]  # items that add a hyphen when the line breaks there


def typeset(spans: Sequence[Span], width: float, measure: Measure, first_indent: float = 0.0,
            setting: Setting = Setting()) -> list[Line]:
    """Break English spans into lines of the given width; "\\n" is a hard break."""
    atoms = explode(spans, measure)
    lines: list[Line] = []
    for n, segment in enumerate(_segments(atoms)):
        indent = first_indent if n == 0 else 0.0
        lines.extend(_set_segment(segment, width, indent, measure, setting))
    if lines:
        lines[-1] = replace(lines[-1], last=True)
    return lines


def _segments(atoms: list[Atom]) -> list[list[Atom]]:
    segments: list[list[Atom]] = [[]]
    for atom in atoms:
        if atom.ch == "\n":
            segments.append([])
        else:
            segments[-1].append(atom)
    return [s for s in segments if any(a.ch not in SPACES for a in s)]


def _set_segment(atoms: list[Atom], width: float, indent: float, measure: Measure,
                 setting: Setting) -> list[Line]:
    em = max(a.size for a in atoms)
    measures = lambda n: width - (indent if n == 0 else 0.0)  # noqa: E731
    built: dict[bool, _Items] = {}  # passes repeat a hyphenation setting: its items are the same
    for params, hyphenate in _passes(setting, em, width):
        found = built[hyphenate] if hyphenate in built else built.setdefault(hyphenate, _items(atoms, measure, setting, hyphenate))
        chosen = knuth_plass.breaks(found.items, measures, params)
        if chosen is not None:
            break
    assert chosen is not None  # the last pass allows overfull lines, so it always finds breaks
    lines, start = [], -1
    for n, b in enumerate(chosen):
        lines.append(_place(atoms, found, start, b, measures(n), indent if n == 0 else 0.0, setting,
                            b == chosen[-1]))
        start = b
    return lines


@lru_cache(maxsize=256)  # a document's paragraphs share a few settings, sizes and widths
def _passes(setting: Setting, em: float, width: float) -> tuple[tuple[Params, bool], ...]:
    """TeX's order: without hyphens at a strict tolerance, then with them, then anything.

    Ragged lines may end up to RAG ems short; balanced ones anywhere in the measure, so that
    the cubic badness of each line's shortfall evens them out.
    """
    rag = 0.0 if setting.align == "justify" else width if setting.balance else RAG * em
    base = Params(rag=rag, balance=setting.balance, short_last=0.0 if setting.balance else SHORT_LAST,
                  short_last_demerits=SHORT_LAST_DEMERITS)
    last = replace(base, tolerance=INFINITY, overfull=True)
    if rag:
        return (replace(base, tolerance=INFINITY), setting.hyphenate), (last, setting.hyphenate)
    passes = [(replace(base, tolerance=1.0), False)]
    if setting.hyphenate:
        passes.append((replace(base, tolerance=TOLERANCE), True))
    return (*passes, (last, setting.hyphenate))


def _items(atoms: list[Atom], measure: Measure, setting: Setting, hyphenate: bool) -> _Items:
    items: list[Item] = []
    refs: list[tuple[int, int]] = []
    hyphens: set[int] = set()
    justify = setting.align == "justify"
    text = "".join(a.ch for a in atoms)
    metrics = _Metrics([a.width for a in atoms], [a.size for a in atoms], justify)
    for token in _TOKEN.finditer(text):
        t, stop = token.span()
        atom = atoms[t]
        if atom.ch == NBSP:
            items.append(Penalty(0.0, INFINITY))
            refs.append((t, t))
        elif atom.ch not in SPACES:
            _word(atoms, token.group(), t, measure, hyphenate, metrics, items, refs, hyphens)
            continue
        space = measure(" ", atom.font, atom.size)
        items.append(Glue(space, SPACE_STRETCH * space if justify else 0.0,
                          SPACE_SHRINK * space if justify else 0.0))
        refs.append((t, stop))
    while items and isinstance(items[-1], Glue):
        items.pop()
        refs.pop()
    n = len(atoms)
    items.append(Penalty(0.0, -INFINITY))
    refs.append((n, n))
    return _Items(tuple(items), tuple(refs), frozenset(hyphens))


def _word(atoms: list[Atom], word: str, first: int, measure: Measure, hyphenate: bool, metrics: _Metrics,
          items: list[Item], refs: list[tuple[int, int]], hyphens: set[int]) -> None:
    """A word as boxes, with a penalty at each place it may break."""
    start = first
    for point in hyphenation.points(word):
        if point.hyphen and not hyphenate:
            continue
        cut = first + point.offset
        items.append(metrics.box(start, cut))
        refs.append((start, cut))
        before = atoms[cut - 1]
        if point.hyphen:
            hyphens.add(len(items))
            cost = CAPITAL_PENALTY if point.capital else HYPHEN_PENALTY if metrics.justify else RAGGED_HYPHEN_PENALTY
            items.append(Penalty(measure("-", before.font, before.size), cost, flagged=True))
        else:
            items.append(Penalty(0.0, COMPOUND_PENALTY, flagged=before.ch == "-"))
        refs.append((cut, cut))
        start = cut
    stop = first + len(word)
    items.append(metrics.box(start, stop))
    refs.append((start, stop))


class _Metrics:
    """The atoms' widths and sizes as lists, summed over a slice for each box."""

    def __init__(self, widths: list[float], sizes: list[float], justify: bool) -> None:
        self.widths, self.sizes, self.justify = widths, sizes, justify

    def box(self, first: int, stop: int) -> Box:
        """A piece of a word; justified, its letters may space out or in a little."""
        width = sum(self.widths[first:stop])
        if not self.justify:
            return Box(width)
        ems = sum(self.sizes[first:stop])
        return Box(width, LETTER_STRETCH * ems, LETTER_SHRINK * ems)


# ---- positioning --------------------------------------------------------------------------

def _place(atoms: list[Atom], found: _Items, start: int, b: int, width: float, indent: float,
           setting: Setting, last: bool) -> Line:
    """The glyph runs of the line after break `start` up to break `b`."""
    items, refs = found.items, found.refs
    lo = start + 1
    while lo < b and not isinstance(items[lo], Box):
        lo += 1
    content = range(lo, b)
    hyphen = b in found.hyphens
    natural = sum(items[k].width for k in content if not isinstance(items[k], Penalty))
    natural += items[b].width if hyphen else 0.0
    letters, glue_ratio = _adjustment(items, content, width - natural, setting, last)
    slack = width - natural if setting.align != "justify" or last else 0.0
    x = indent + {"center": slack / 2, "right": slack}.get(setting.align, 0.0) if slack > 0 else indent
    runs = _Runs()
    for k in content:
        item = items[k]
        if isinstance(item, Box):
            for t in range(*refs[k]):
                spacing = letters * atoms[t].size
                runs.add(atoms[t], x, spacing)
                x += atoms[t].width + spacing
        elif isinstance(item, Glue):
            runs.close(" ")
            x += item.width + glue_ratio * (item.stretch if glue_ratio > 0 else item.shrink)
    if hyphen:
        runs.close(SOFT_HYPHEN)
        x += items[b].width
    elif isinstance(items[b], Glue) and not last:
        runs.close(" ")  # copied text keeps the word space
    first_atom = refs[lo][0]
    end = refs[b][1] if isinstance(items[b], Glue) else refs[b - 1][1]
    return Line(runs.glyphs(), x, last, atoms[first_atom].pos, atoms[end - 1].pos + 1, hyphen)


def _adjustment(items: Sequence[Item], content: range, slack: float, setting: Setting,
                last: bool) -> tuple[float, float]:
    """Letter-spacing (em per character) and the glue's ratio that make a justified line fill the
    measure, as the breaker computed it; letters never pass LETTER_LIMIT, the spaces take the rest.
    Lines that are not justified, and last lines, keep natural spacing unless too wide."""
    if setting.align != "justify" or (last and slack >= 0):
        return 0.0, 0.0
    elastic = [items[k] for k in content if not isinstance(items[k], Penalty)]
    glue = sum(g.stretch if slack > 0 else g.shrink for g in elastic if isinstance(g, Glue))  # type: ignore[union-attr]
    boxes = sum(b.stretch if slack > 0 else b.shrink for b in elastic if isinstance(b, Box))  # type: ignore[union-attr]
    if glue + boxes <= EPS:
        return 0.0, 0.0
    ratio = max(slack / (glue + boxes), -1.0)
    per_em = LETTER_STRETCH if slack > 0 else LETTER_SHRINK
    letters = max(min(ratio * per_em, LETTER_LIMIT), -LETTER_SHRINK)
    rest = slack - letters / per_em * boxes
    glue_ratio = max(rest / glue, -1.0) if glue > EPS else 0.0
    return letters, glue_ratio


class _Runs:
    """The glyph runs of a line being placed: a character drawn exactly where the open run ends,
    in the same font and spacing, joins it; a word space or a hyphen closes it."""

    def __init__(self) -> None:
        self.done: list[Glyph] = []
        self.chars: list[str] = []
        self.key: tuple[str, float, float, float] = ("", 0.0, 0.0, 0.0)
        self.x = self.width = self.end = 0.0
        self.closed = False

    def add(self, atom: Atom, x: float, spacing: float) -> None:
        key = (atom.font, atom.size, atom.rise, spacing)
        if self.chars and not self.closed and key == self.key and abs(self.end - x) < 1e-6:
            self.chars.append(atom.ch)
            self.width += atom.width
        else:
            self._flush()
            self.chars, self.key, self.x, self.width, self.closed = [atom.ch], key, x, atom.width, False
        self.end = self.x + self.width + len(self.chars) * spacing

    def close(self, mark: str) -> None:
        """End the open run with a space or soft hyphen (copied, not advanced)."""
        self.chars.append(mark)
        self.closed = True

    def _flush(self) -> None:
        if self.chars:
            font, size, rise, spacing = self.key
            self.done.append(Glyph("".join(self.chars), font, size, rise, self.x, self.width, spacing=spacing))

    def glyphs(self) -> tuple[Glyph, ...]:
        self._flush()
        self.chars = []
        return tuple(self.done)
