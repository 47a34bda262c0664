"""Set Chinese text (with Latin words and numbers) into lines by the clreq rules, without ReportLab."""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from itertools import accumulate
from typing import Callable, NamedTuple, Sequence

Measure = Callable[[str, str, float], float]
WordStarts = Callable[[str], Sequence[int]]  # the offsets in a text where its words begin, ascending
ALIGNMENTS = ("justify", "left", "center", "right")

# K1: characters that may not start a line (clreq "basic" + Western equivalents).
PAUSE_STOP = "、，。．：；！？‼⁇"
CLOSING_QUOTES = "”’」』"
CLOSING_BRACKETS = "）］｝〕】〗〉》"
CONNECTORS = "～–—-"
INTERPUNCTS = "·・‧"
SOLIDI = "/／"
WESTERN_CLOSE = "!),.:;?]}»›"
UNIT_SUFFIXES = "%‰‱％℃℉°′″"
ELLIPSES = "…⋯"
CANNOT_START = (PAUSE_STOP + CLOSING_QUOTES + CLOSING_BRACKETS + CONNECTORS + INTERPUNCTS
                + SOLIDI + WESTERN_CLOSE + UNIT_SUFFIXES + ELLIPSES)
# K1: characters that may not end a line.
OPENING_QUOTES = "“‘「『"
OPENING_BRACKETS = "（［｛〔【〖〈《"
WESTERN_OPEN = "([{«‹"
CURRENCY = "¥￥$＄£￡€#＃№"
CANNOT_END = OPENING_QUOTES + OPENING_BRACKETS + WESTERN_OPEN + CURRENCY
# K3: full-width marks whose right (closing) or left (opening) half is blank.
FULLWIDTH_CLOSING = PAUSE_STOP + CLOSING_QUOTES + CLOSING_BRACKETS
FULLWIDTH_OPENING = OPENING_QUOTES + OPENING_BRACKETS
TWO_EM_MARKS = "—…⋯"  # doubled, they form '——', '……', '⋯⋯'
# K4: what counts as the Latin side of a Han–Latin gap.
LATIN_SYMBOLS = "%‰‱°′″$£€#"
WORD_JOINERS = {".": "alnum", "-": "alnum", "_": "alnum", "/": "alnum", "&": "alnum",
                "+": "alnum", "'": "alnum", ",": "digit", ":": "digit"}
SPACES = " \t"

HAN_LATIN_GAP = 0.25  # em
NUMBER_UNIT_PENALTY = 5.0  # cost of breaking 1324.9|亿斤
WHOLE_PENALTY = 50000.0  # cost of a break inside a metric's figure (1500|家): a reader marks it sooner
# than a loose line; only a line spaced ½ em past SPACING_LIMIT costs more
ORPHAN_PENALTY = 10000.0  # cost of a last line holding a single character: worse than a line 0.1 em loose
SHORT_LAST_PENALTY = 300.0  # cost of a last line of two characters
SPACING_LIMIT = 0.03  # em between clusters on a full line; beyond it a line costs much more
GAP_STRETCH = 0.25  # em a Han–Latin gap may widen before letters space out (clreq's order)
OVER_LIMIT_LINE = 1000.0  # a full line spaced past SPACING_LIMIT: every other remedy is tried first
OVER_LIMIT_COST = 100000.0  # per em over the limit, so the least loose such line is chosen
COMPRESS_COST = 0.5  # per unit of the line's compressible punctuation used (clreq: compress first)
PUSH_IN_COST = 0.01  # squeezing a line-final mark: cheaper than pushing a cluster out
LOOSE_STOP = 1 / 3  # stop trying shorter lines once a third of the line would be stretch
WORD_BREAK_COST = 0.05  # a ragged line ending between two words of a phrase (推动高质量发展|再上新台阶)
LAST_LINE_WEIGHT = 0.5  # balanced text: a short last line costs half as much as a short line above it,
# so that lines shorten downwards (推动高质量发展|再上新台阶) rather than the other way round
PARTICLES = "的地得了着过们"  # one-character words that belong with the word before them
BOUND_COST = 1.0  # next to any other one-character word, which belongs with the next: 再|上, 九|方面
INSIDE_WORD_COST = 2.0  # a ragged line ending inside a word (推进绿|色): worse than one more line
EPS = 1e-9
_MARKS = frozenset(FULLWIDTH_CLOSING + FULLWIDTH_OPENING)
_UNCOUNTED = frozenset(CANNOT_START + CANNOT_END + SPACES)  # not counted by the orphan rule


@dataclass(frozen=True)
class Span:
    """A run of source text in one font; text "\\n" (or a "\\n" inside text) is a hard break."""

    text: str
    font: str
    size: float
    rise: float = 0.0
    whole: bool = False  # broken inside only to avoid a very loose line: a figure with its unit (1.4万亿斤)


@dataclass(frozen=True)
class Glyph:
    """A run of characters drawn as one string with its origin at x (from the line's left)."""

    text: str
    font: str
    size: float
    rise: float
    x: float
    width: float  # natural advance of text
    tracking: float = 0.0  # added to each character's advance (PDF Tc); < 0 for a squeezed mark
    spacing: float = 0.0  # letter-spacing of justified English (PDF Tc), in points per character
    shifted: bool = False  # a squeezed opening mark, moved left by what it gave up (its ink is on the right)


@dataclass(frozen=True)
class Line:
    """One set line: its glyph runs, right edge, and source offsets (for splitting)."""

    glyphs: tuple[Glyph, ...]
    width: float  # right edge of the set text; the full width on a justified line
    last: bool  # last line of the paragraph
    start: int  # offset of the first character in the paragraph's text
    end: int  # offset after the last character
    hyphen: bool = False  # ends in a hyphen the breaker added (English)
    spacing: float = 0.0  # justification added between clusters (points; Chinese)


class Atom(NamedTuple):
    """One character as the breakers set it. They make one for every character of every
    paragraph, and Chinese again once it is spaced: a tuple is made several times faster than a
    frozen dataclass."""

    ch: str
    font: str
    size: float
    rise: float
    pos: int  # offset in the paragraph's text
    width: float  # natural advance
    advance: float  # advance after pair compression (K3)
    gap: float  # Han–Latin gap before this atom (K4), dropped at line start
    trim: float  # how much of the advance may go when the atom ends a line
    unit: int  # index of the whole span the atom belongs to, -1 for none



class _Cluster(NamedTuple):
    """A tuple for the same reason as Atom: the breaker makes one for each cluster of every setting."""

    first: int  # index of the first atom
    stop: int  # index after the last atom
    width: float  # advances plus inner gaps
    gap: float  # gap before the first atom
    trim: float  # trim of the last atom
    space: bool  # a breakable space, dropped at line edges
    chars: int  # characters other than punctuation (for the orphan rule)
    size: float  # the largest font size: the em of the cluster
    penalty: float  # cost of a break before this cluster
    shrink: float = 0.0  # how much its full-width marks' blank halves may give up (K3), inside a line
    tail: float = 0.0  # of which its last atom's (already counted as trim at a line end)
    split: float = 0.0  # what a ragged line ending before it adds, by the words it parts


@dataclass(frozen=True)
class _Frame:
    """What one segment of a paragraph is set into."""

    width: float
    indent: float
    align: str
    balance: bool = False  # ragged lines of even length, the last one too, broken between words


def typeset(spans: Sequence[Span], width: float, measure: Measure,
            first_indent: float = 0.0, align: str = "justify", words: WordStarts | None = None) -> list[Line]:
    """Break the spans into lines of the given width; the first line is indented.

    With `words` (a word segmenter), ragged text (headings, captions) is balanced and broken
    between words, after a pause mark or at a space where it can be.

    The steps: explode spans into atoms (one character each), measure them and apply the
    spacing rules (K3 punctuation compression, K4 Han–Latin gaps), group atoms into
    unbreakable clusters (K1 line start/end, K2 words, numbers, '——' and '……'), choose the
    breaks that minimise the paragraph's total badness (a Knuth–Plass dynamic programme over
    cluster boundaries, which also keeps a lone character off the last line, K5), then
    position every glyph run.
    """
    if align not in ALIGNMENTS:
        raise ValueError(f"unknown alignment {align!r}; use one of {', '.join(ALIGNMENTS)}")
    atoms = explode(spans, measure)
    if not atoms:
        return []
    segments = _segments(atoms)
    starts = words("".join(span.text for span in spans)) if words is not None and align != "justify" else None
    lines: list[Line] = []
    for n, (pos, segment) in enumerate(segments):
        frame = _Frame(width, first_indent if n == 0 else 0.0, align, balance=starts is not None)
        lines.extend(_set_segment(segment, frame, pos, n == len(segments) - 1, starts))
    return lines


def explode(spans: Sequence[Span], measure: Measure) -> list[Atom]:
    """The spans' characters as atoms at their natural widths, not yet spaced; each character
    measured once per font and size."""
    atoms: list[Atom] = []
    known: dict[tuple[str, float], dict[str, float]] = {}
    for n, span in enumerate(spans):
        font, size, rise, unit = span.font, span.size, span.rise, n if span.whole else -1
        widths = known.setdefault((font, size), {})
        for ch in span.text:
            width = widths.get(ch)
            if width is None:
                width = widths[ch] = 0.0 if ch == "\n" else measure(ch, font, size)
            atoms.append(Atom(ch, font, size, rise, len(atoms), width, width, 0.0, 0.0, unit))
    return atoms


def _segments(atoms: list[Atom]) -> list[tuple[int, list[Atom]]]:
    """Split at hard breaks into (offset, atoms); a trailing break adds no empty line."""
    segments: list[tuple[int, list[Atom]]] = [(0, [])]
    for atom in atoms:
        if atom.ch == "\n":
            segments.append((atom.pos + 1, []))
        else:
            segments[-1][1].append(atom)
    if len(segments) > 1 and not segments[-1][1]:
        segments.pop()
    return [(pos, _space(seg)) for pos, seg in segments]


def _set_segment(atoms: list[Atom], frame: _Frame, pos: int, last: bool,
                 starts: Sequence[int] | None = None) -> list[Line]:
    """Set the text between two hard breaks; its last line is ragged."""
    if not atoms:
        return [Line((), 0.0, last, pos, pos)]
    clusters = _clusters(atoms, max(frame.width - max(frame.indent, 0.0), EPS))
    if starts is not None:
        clusters = [clusters[0]] + [c._replace(split=_split_cost(atoms, before, c, starts))
                                    for before, c in zip(clusters, clusters[1:])]
    breaks = _breaks(clusters, frame)
    return [_place(atoms, clusters[i:j], frame, i == 0, j == len(clusters), last)
            for i, j in breaks]


# ---- K3 / K4: spacing ---------------------------------------------------------------------

def _space(atoms: list[Atom]) -> list[Atom]:
    """Compress adjacent full-width marks, allow a line-final ½ em, add Han–Latin gaps.

    Most characters get none of these: they keep their atoms (advance = width, no gap or trim)."""
    halves = [_half(a) if a.ch in _MARKS else 0.0 for a in atoms]
    han = [_is_han(a.ch) for a in atoms]
    latin = [_is_latin(a.ch) for a in atoms]
    spaced = atoms[:]
    for t, atom in enumerate(atoms):
        advance, gap, trim = atom.width, 0.0, 0.0
        changed = False
        if halves[t]:
            if t + 1 < len(atoms) and halves[t + 1] and _squeezes(atom.ch, atoms[t + 1].ch):
                advance, changed = atom.width - halves[t], True
            elif atom.ch in FULLWIDTH_CLOSING:
                trim, changed = halves[t], True
        if t and ((han[t - 1] and latin[t]) or (latin[t - 1] and han[t])):
            gap, changed = HAN_LATIN_GAP * max(atoms[t - 1].size, atom.size), True
        if changed:
            spaced[t] = Atom(atom.ch, atom.font, atom.size, atom.rise, atom.pos, atom.width, advance, gap, trim,
                              atom.unit)
    return spaced


def _half(atom: Atom) -> float:
    """Half an em for a full-width mark, 0 for a proportional glyph."""
    return atom.size / 2 if abs(atom.width - atom.size) < 0.05 * atom.size else 0.0


def _squeezes(a: str, b: str) -> bool:
    """Of two full-width marks: 。” ，“ ）、 “《 take 1.5 em, the first mark gives up half its advance.

    A closing mark loses its blank right half; before another opening mark, an opening
    mark's advance shrinks so that the next one's blank left half lies over its own blank.
    """
    return not (a in FULLWIDTH_OPENING and b in FULLWIDTH_CLOSING)  # “” keeps both blanks


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
            or 0xF900 <= o <= 0xFAFF or 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF
            or ch == "〇")


def _is_latin(ch: str) -> bool:
    return (ch.isalnum() and ord(ch) < 0x2E80) or ch in LATIN_SYMBOLS


# ---- K1 / K2: clusters --------------------------------------------------------------------

def _units(atoms: list[Atom]) -> list[tuple[int, int]]:
    """Split into the smallest unbreakable pieces: words, numbers, '——', single characters."""
    units, t = [], 0
    while t < len(atoms):
        ch = atoms[t].ch
        if _is_latin_letter(ch):
            end = _word_end(atoms, t)
        elif ch in TWO_EM_MARKS:
            end = _run_end(atoms, t)
        else:
            end = t + 1
        units.append((t, end))
        t = end
    return units


def _is_latin_letter(ch: str) -> bool:
    return ch.isalnum() and ord(ch) < 0x2E80


def _word_end(atoms: list[Atom], t: int) -> int:
    """A Latin word or number with its inner joiners: 4.1, 1,324.9, COVID-19, PM2.5."""
    t += 1
    while t < len(atoms):
        ch = atoms[t].ch
        if _is_latin_letter(ch):
            t += 1
        elif ch in WORD_JOINERS and t + 1 < len(atoms) and _joins(atoms, t):
            t += 2
        else:
            break
    return t


def _joins(atoms: list[Atom], t: int) -> bool:
    before, after = atoms[t - 1].ch, atoms[t + 1].ch
    if WORD_JOINERS[atoms[t].ch] == "digit":
        return before.isdigit() and after.isdigit()
    return _is_latin_letter(before) and _is_latin_letter(after)


def _run_end(atoms: list[Atom], t: int) -> int:
    """'——' and '……' are one unit."""
    ch, end = atoms[t].ch, t + 1
    while end < len(atoms) and atoms[end].ch == ch:
        end += 1
    return end


def _clusters(atoms: list[Atom], limit: float) -> list[_Cluster]:
    """Glue opening marks to what follows and closing marks to what precedes."""
    groups: list[list[int]] = []  # [first, stop] atom ranges
    pending: int | None = None  # first atom of opening marks waiting for their text
    for first, stop in _units(atoms):
        kind = _kind(atoms, first, stop)
        if kind == "open" or (kind == "space" and pending is not None):
            pending = first if pending is None else pending
        elif kind == "close" and groups and pending is None:
            if len(groups) > 1 and _all_spaces(atoms, *groups[-1]):
                groups.pop()  # "word )": the space may not be a break either
            groups[-1][1] = stop
        else:
            groups.append([first if pending is None else pending, stop])
            pending = None
    if pending is not None:
        groups.append([pending, len(atoms)])
    return [c for g in groups for c in _fit(atoms, g[0], g[1], limit)]


def _all_spaces(atoms: list[Atom], first: int, stop: int) -> bool:
    return all(atoms[t].ch in SPACES for t in range(first, stop))


def _kind(atoms: list[Atom], first: int, stop: int) -> str:
    ch = atoms[first].ch
    if stop - first > 1:
        return "text"
    if ch in SPACES:
        return "space"
    if ch in CANNOT_END:
        return "open"
    return "close" if ch in CANNOT_START else "text"


def _fit(atoms: list[Atom], first: int, stop: int, limit: float) -> list[_Cluster]:
    """A cluster wider than the line is broken between its characters (last resort)."""
    whole = _cluster(atoms, first, stop)
    if whole.width - whole.trim <= limit + EPS or stop - first == 1:
        return [whole]
    return [_cluster(atoms, t, t + 1) for t in range(first, stop)]


def _cluster(atoms: list[Atom], first: int, stop: int) -> _Cluster:
    # Added up from 0 in atom order: another order could change a width in its last bit, and a break with it.
    head = atoms[first]
    advances: float = 0
    gaps: float = 0
    shrink: float = 0
    chars, size, space, squeezable = 0, head.size, True, 0.0
    for t in range(first, stop):
        atom = atoms[t]
        advances += atom.advance
        if t > first:
            gaps += atom.gap
        if atom.ch not in _UNCOUNTED:
            chars += 1
        if atom.size > size:
            size = atom.size
        space = space and atom.ch in SPACES
        squeezable = _squeezable(atom) if atom.ch in _MARKS else 0.0
        shrink += squeezable
    number_unit = first > 0 and atoms[first - 1].ch.isdigit() and _is_han(head.ch)
    inside = first > 0 and head.unit >= 0 and atoms[first - 1].unit == head.unit
    return _Cluster(first, stop, advances + gaps, head.gap, atoms[stop - 1].trim, space, chars, size,
                    WHOLE_PENALTY if inside else NUMBER_UNIT_PENALTY if number_unit else 0.0,
                    shrink, squeezable)


def _squeezable(atom: Atom) -> float:
    """The blank half of a full-width mark not already compressed against its neighbour."""
    if atom.ch not in _MARKS or atom.advance < atom.width - EPS:
        return 0.0
    return _half(atom)


def _split_cost(atoms: list[Atom], before: _Cluster, after: _Cluster, starts: Sequence[int]) -> float:
    """Nothing after a pause mark or at a space, a little between words, more beside a
    one-character word that belongs with its neighbour, much inside a word."""
    end, start = atoms[before.stop - 1], atoms[after.first]
    if end.ch in PAUSE_STOP or before.space or after.space:
        return 0.0
    if not (_is_han(end.ch) and _is_han(start.ch)):
        return WORD_BREAK_COST
    k = bisect.bisect_left(starts, start.pos)
    if k == len(starts) or starts[k] != start.pos:
        return INSIDE_WORD_COST
    next_start = starts[k + 1] if k + 1 < len(starts) else atoms[-1].pos + 1
    particle_after = next_start - start.pos == 1 and start.ch in PARTICLES
    counted = before.stop > 1 and not _is_han(atoms[before.stop - 2].ch)  # 2024年, 10家: a unit
    single_before = k > 0 and start.pos - starts[k - 1] == 1 and end.ch not in PARTICLES and not counted
    return BOUND_COST if particle_after or single_before else WORD_BREAK_COST


# ---- K5: choosing the breaks --------------------------------------------------------------

class _Widths:
    """Natural width of any run of clusters in O(1), spaces at its edges dropped."""

    def __init__(self, clusters: list[_Cluster]) -> None:
        self.clusters = clusters
        gaps, trims = [c.gap for c in clusters], [c.trim for c in clusters]
        self.sums = list(accumulate([c.width for c in clusters], initial=0.0))
        self.gaps = list(accumulate(gaps, initial=0.0))
        self.shrinks = list(accumulate([c.shrink for c in clusters], initial=0.0))
        self.gapped = list(accumulate([gap > 0 for gap in gaps], initial=0))
        self.chars = list(accumulate([c.chars for c in clusters], initial=0))
        self.max_trim = max(trims, default=0.0)
        # by a run's end j, for the breaker's inner loop: its last cluster's trim and tail, and
        # the cost of a break before cluster j
        self.trims = [0.0] + trims
        self.tails = [0.0] + [c.tail for c in clusters]
        self.penalties = [c.penalty + c.split + 1.0 for c in clusters]
        sizes = {c.size for c in clusters}
        self.size = sizes.pop() if len(sizes) == 1 else None  # one size (the usual case): the em of every line
        n = len(clusters)
        self.lead = list(range(n + 1))  # lead[i]: the first cluster from i on that is not a space
        self.back = list(range(n + 1))  # back[j]: where a run ending at j ends without its spaces
        if any(c.space for c in clusters):
            for k in range(n - 1, -1, -1):
                self.lead[k] = self.lead[k + 1] if clusters[k].space else k
            for k in range(1, n + 1):
                self.back[k] = self.back[k - 1] if clusters[k - 1].space else k

    def edges(self, i: int, j: int) -> tuple[int, int]:
        """i..j without the spaces at its ends."""
        lo = self.lead[i]
        lo = j if lo > j else lo
        hi = self.back[j]
        return lo, lo if hi < lo else hi

    def em(self, lo: int, hi: int) -> float:
        """The largest size among clusters lo..hi (not empty)."""
        return self.size if self.size is not None else max(c.size for c in self.clusters[lo:hi])

    def natural_between(self, lo: int, hi: int) -> float:
        """The natural width of a run already stripped of its edge spaces (edges' lo, hi)."""
        if lo == hi:
            return 0.0
        return self.sums[hi] - self.sums[lo] + self.gaps[hi] - self.gaps[lo + 1]

    def trim_between(self, lo: int, hi: int) -> float:
        return self.trims[hi] if hi > lo else 0.0

    def latin_gaps_between(self, lo: int, hi: int) -> int:
        """Han–Latin gaps between the clusters of the run (not before its first)."""
        return self.gapped[hi] - self.gapped[lo + 1] if hi > lo else 0

    def shrink_between(self, lo: int, hi: int) -> float:
        """What compressing the marks inside the run could give (its last mark trims instead)."""
        if hi == lo:
            return 0.0
        return self.shrinks[hi] - self.shrinks[lo] - self.tails[hi]


def _breaks(clusters: list[_Cluster], frame: _Frame) -> list[tuple[int, int]]:
    """Cluster ranges of the lines, minimising the paragraph's total cost (backwards DP)."""
    n, widths = len(clusters), _Widths(clusters)
    best, nxt = [0.0] * (n + 1), [n] * (n + 1)
    loose_stop = 1.0 if frame.balance else LOOSE_STOP
    for i in range(n - 1, -1, -1):
        avail = frame.width - (frame.indent if i == 0 else 0.0)
        best[i], nxt[i] = _cheapest(widths, _candidates(widths, i, avail, loose_stop), avail, frame, i == 0, best)
    lines, i = [], 0
    while i < n:
        lines.append((i, nxt[i]))
        i = nxt[i]
    return lines


# line end j, the line's edges lo and hi, its natural width, its end's trim and its marks' shrink
Candidate = tuple[int, int, int, float, float, float]


def _candidates(widths: _Widths, i: int, avail: float, loose_stop: float) -> list[Candidate]:
    """Ends of the lines starting at cluster i worth trying, longest first, down to the first
    line that would leave more than loose_stop of the width as stretch.

    The inner loop of the breaker: _Widths' edges and *_between are written out here."""
    n, sums, gaps, shrinks = len(widths.clusters), widths.sums, widths.gaps, widths.shrinks
    trims, tails, back, lead = widths.trims, widths.tails, widths.back, widths.lead[i]
    room = min(shrinks[n] - shrinks[i], avail / 2)
    reach = sums[i] + avail + widths.max_trim + room + EPS
    top = bisect.bisect_right(sums, reach, i + 1) - 1
    fits, loose = avail + EPS, avail * loose_stop
    found: list[Candidate] = []
    for j in range(min(top, n), i, -1):
        lo = j if lead > j else lead
        hi = back[j]
        if hi <= lo:
            hi = lo
            natural = trim = shrink = 0.0
        else:
            natural = sums[hi] - sums[lo] + gaps[hi] - gaps[lo + 1]
            trim = trims[hi]
            shrink = shrinks[hi] - shrinks[lo] - tails[hi]
        if natural - trim - shrink > fits:
            continue
        found.append((j, lo, hi, natural, trim, shrink))
        if j < n and avail - natural > loose:
            break
    if not found:  # an overfull cluster still takes a line of its own
        lo, hi = widths.edges(i, i + 1)
        found.append((i + 1, lo, hi, widths.natural_between(lo, hi), widths.trim_between(lo, hi),
                      widths.shrink_between(lo, hi)))
    return found


def _cheapest(widths: _Widths, candidates: list[Candidate], avail: float, frame: _Frame, first: bool,
              best: list[float]) -> tuple[float, int]:
    """The candidate line whose cost plus the best setting of the rest (best[j]) is least: that
    total and the line's end. A tie goes to the shorter line (candidates come longest first).

    A line's cost is its badness: 0 for the last line unless it is an orphan, or unless lines
    are balanced. One call costs all of a line start's candidates: the breaker's inner loop.
    """
    n, penalties, size = len(widths.clusters), widths.penalties, widths.size
    justify = frame.align == "justify"
    total, end = math.inf, n
    for j, lo, hi, natural, trim, shrink in candidates:
        stretch = avail - natural
        if j == n:
            cost = 0.0 if first else _last_line_cost(widths.chars[hi] - widths.chars[lo], stretch, avail, frame)
        elif stretch < 0:  # push in before pushing out: the line-end mark's half, then the others'
            squeeze = max(-stretch - trim, 0.0)
            cost = penalties[j] + PUSH_IN_COST + COMPRESS_COST * squeeze / max(shrink, EPS)
        elif not justify or hi == lo:
            cost = penalties[j] + (stretch / avail) ** 2  # ragged: prefer even lines
        else:
            em = size if size is not None else widths.em(lo, hi)
            gaps = widths.gapped[hi] - widths.gapped[lo + 1]
            widest = gaps * GAP_STRETCH * em  # min() and max() written out: the calls cost more than the sums
            widened = widest if widest < stretch else stretch
            ratio = (stretch - widened) / ((hi - lo - 1 if hi - lo > 2 else 1) * em)
            loose = widened / em / (gaps if gaps > 1 else 1)
            over = ratio - SPACING_LIMIT
            cost = penalties[j] + 100.0 * ratio * ratio + 10.0 * loose * loose + (
                OVER_LIMIT_LINE + OVER_LIMIT_COST * over if over > EPS else 0.0)
        cost += best[j]
        if cost <= total:
            total, end = cost, j
    return total, end


def _last_line_cost(chars: int, stretch: float, avail: float, frame: _Frame) -> float:
    """A last line (not the first) of this many characters: an orphan costs, and a short one if balanced."""
    short = ORPHAN_PENALTY if chars < 2 else SHORT_LAST_PENALTY if chars == 2 else 0.0
    return short + (LAST_LINE_WEIGHT * (stretch / avail) ** 2 if frame.balance else 0.0)


# ---- positioning --------------------------------------------------------------------------

def _place(atoms: list[Atom], line: list[_Cluster], frame: _Frame, first: bool,
           ragged: bool, last: bool) -> Line:
    """Position the glyphs of one line: justify unless ragged, or align within the frame."""
    widths = _Widths(line)
    lo, hi = widths.edges(0, len(line))
    if lo == hi:
        pos = atoms[line[0].first].pos
        return Line((), 0.0, last and ragged, pos, pos)
    indent = frame.indent if first else 0.0
    avail = frame.width - indent
    natural, trim = widths.natural_between(lo, hi), widths.trim_between(lo, hi)
    cut = min(trim, max(natural - avail, 0.0))
    if frame.align in ("center", "right"):
        cut = trim
    stretch = avail - natural + cut
    shrink = widths.shrink_between(lo, hi)
    squeeze = min(-stretch / shrink, 1.0) if stretch < -EPS and shrink > EPS else 0.0
    stretch = max(stretch, 0.0) if squeeze else stretch
    justify = frame.align == "justify" and not ragged and hi - lo > 1
    em = max(c.size for c in line[lo:hi])
    latin = widths.latin_gaps_between(lo, hi)
    widen = min(stretch, latin * GAP_STRETCH * em) / latin if justify and latin else 0.0
    extra = (stretch - widen * latin) / (hi - lo - 1) if justify else 0.0
    start = indent + {"center": stretch / 2, "right": stretch}.get(frame.align, 0.0)
    runs, x = _positions(atoms, line[lo:hi], start, extra, squeeze, widen)
    span = (atoms[line[lo].first].pos, atoms[line[hi - 1].stop - 1].pos + 1)
    return Line(runs, x - cut, last and ragged, *span, spacing=extra)


class _Run:
    """A glyph run being built: one Glyph when the line is done."""

    __slots__ = ("text", "font", "size", "rise", "x", "width", "tracking", "shifted")

    def __init__(self, atom: Atom, x: float, tracking: float, shifted: bool) -> None:
        self.text, self.font, self.size, self.rise = [atom.ch], atom.font, atom.size, atom.rise
        self.x, self.width, self.tracking, self.shifted = x, atom.width, tracking, shifted

    def glyph(self) -> Glyph:
        return Glyph("".join(self.text), self.font, self.size, self.rise, self.x, self.width, self.tracking,
                     shifted=self.shifted)


def _positions(atoms: list[Atom], line: list[_Cluster], x: float, extra: float, squeeze: float = 0.0,
               widen: float = 0.0) -> tuple[tuple[Glyph, ...], float]:
    """Walk the clusters, adding gaps and the justification stretch between them (Han–Latin
    gaps first widened by `widen`); with `squeeze`, each mark inside the line gives up that
    share of its blank half (K3)."""
    runs: list[_Run] = []
    final = line[-1].stop - 1 if line else -1
    for k, cluster in enumerate(line):
        for t in range(cluster.first, cluster.stop):
            atom = atoms[t]
            if t > cluster.first or k > 0:
                x += atom.gap + (extra + (widen if atom.gap > 0 else 0.0) if t == cluster.first else 0.0)
            given = squeeze * _squeezable(atom) if squeeze and t != final else 0.0
            advance = atom.advance - given if given else atom.advance
            _append(runs, atom, advance, x, given if atom.ch in FULLWIDTH_OPENING else 0.0)
            x += advance
    return tuple(run.glyph() for run in runs), x


def _append(runs: list[_Run], atom: Atom, advance: float, x: float, shift: float = 0.0) -> None:
    """Merge the glyph into the previous run when it is drawn exactly where that run ends.

    A squeezed mark is a run of its own, its tracking saying how much of its advance the
    layout took back, so that a renderer can draw it to suit text extraction. An opening
    mark squeezed inside a line gives up its blank left half: it moves left by `shift`, so that
    its ink stays clear of the character after it (“百, not a quote over 百). In a pair (“《)
    the next mark's blank half lies over it instead, and it stays.
    """
    tracking = advance - atom.width
    if runs and not tracking:
        prev = runs[-1]
        if (prev.font == atom.font and prev.size == atom.size and prev.rise == atom.rise and prev.tracking == 0.0
                and abs(prev.x + prev.width - x) < 1e-6):
            prev.text.append(atom.ch)
            prev.width = prev.width + atom.width
            return
    runs.append(_Run(atom, x - shift, tracking, shift > 0))
