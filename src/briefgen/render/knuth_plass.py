"""Total-fit line breaking (Knuth and Plass, 1981) over boxes, glue and penalties, as TeX does it."""
from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Callable, Sequence, Union

INFINITY = 10_000.0  # a penalty of this size forbids a break; its negative forces one
EPS = 1e-9


@dataclass(frozen=True)
class Box:
    """Something that is drawn and never broken: a word or a piece of one. It may stretch and
    shrink a little too (letter-spacing), in proportion with the glue of its line."""

    width: float
    stretch: float = 0.0
    shrink: float = 0.0


@dataclass(frozen=True)
class Glue:
    """Space that may stretch and shrink, and a break when it follows a box."""

    width: float
    stretch: float
    shrink: float


@dataclass(frozen=True)
class Penalty:
    """A possible break of this cost; `width` is drawn only if the line breaks here (a hyphen)."""

    width: float
    cost: float
    flagged: bool = False  # a hyphen: two flagged breaks in a row cost extra


Item = Union[Box, Glue, Penalty]


@dataclass(frozen=True)
class Params:
    """The costs of a paragraph's breaks; TeX's names and values where TeX has them."""

    tolerance: float = 2.0  # the largest adjustment ratio a line may have
    line_penalty: float = 10.0
    flagged_demerits: float = 3000.0  # two hyphenated lines in a row (TeX \doublehyphendemerits)
    final_flagged_demerits: float = 1e12  # a hyphen before the last line: only in the last pass
    fitness_demerits: float = 3000.0  # a tight line next to a loose one (TeX \adjdemerits)
    max_flagged_run: int = 2  # never more hyphenated lines in a row than this
    short_last: float = 0.0  # a last line narrower than this share of the measure...
    short_last_demerits: float = 0.0  # ...costs this much
    rag: float = 0.0  # stretch at every line end (ragged setting); 0 for justified text
    balance: bool = False  # the last line is set like the others (balanced headings)
    overfull: bool = False  # last resort: allow lines wider than the measure


# A feasible break: item index (-1 for the paragraph start), lines before it, fitness class, run
# of hyphenated lines ending at it, the running sums of width, stretch and shrink after it (up to
# its next line's first box), total demerits, the width of its next line, and the break before it.
# A plain tuple: the inner loop unpacks one per node and breakpoint, which is far cheaper than
# reading a dataclass's attributes.
_Node = tuple[int, int, int, int, float, float, float, float, float, "_Node | None"]
# A way to reach the current breakpoint: demerits, fitness class, hyphen run and the break before
_Candidate = tuple[float, int, int, _Node]
# A legal breakpoint: item index, width drawn if the line breaks there, its cost's share of the
# demerits (cost squared, negated for a bonus, 0 for a forced break), flagged, forced
_Break = tuple[int, float, float, bool, bool]
_DEMERITS = itemgetter(0)
_NODE_DEMERITS = itemgetter(7)


class _Table:
    """What the breaker reads of the items, computed once: running sums of widths, stretch and
    shrink, so any line's totals are O(1), and the legal breakpoints with their widths and costs."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = items
        self.width, self.stretch, self.shrink = width, stretch, shrink = [0.0], [0.0], [0.0]
        self.breaks: list[_Break] = []
        w = st = sh = 0.0
        after_box = False
        for b, item in enumerate(items):
            if isinstance(item, Penalty):
                w, st, sh = w + 0.0, st + 0.0, sh + 0.0  # adds nothing, but as before: -0.0 + 0.0 is 0.0
                if item.cost < INFINITY:
                    self.breaks.append(_penalty_break(item, b))
            else:
                w, st, sh = w + item.width, st + item.stretch, sh + item.shrink
                if after_box and isinstance(item, Glue):
                    self.breaks.append((b, 0.0, 0.0, False, False))
            after_box = isinstance(item, Box)
            width.append(w)
            stretch.append(st)
            shrink.append(sh)

    def start(self, b: int) -> int:
        """Where the line after a break at b starts adding up: past the glue and penalties a line
        start discards, up to its first box or the next forced break."""
        items, t = self.items, b + 1
        while t < len(items) and not isinstance(items[t], Box):
            item = items[t]
            if isinstance(item, Penalty) and item.cost <= -INFINITY and t > b + 1:
                break
            t += 1
        return t


def _penalty_break(item: Penalty, b: int) -> _Break:
    cost = item.cost
    # the demerits add cost * cost, subtract it for a bonus and ignore a forced break's: a - x is
    # exactly a + (-x) in floating point, so one addition of this term gives the same sums
    term = cost * cost if cost >= 0 else -(cost * cost) if cost > -INFINITY else 0.0
    return b, item.width, term, item.flagged, cost <= -INFINITY


def breaks(items: Sequence[Item], measure: Callable[[int], float], params: Params) -> list[int] | None:
    """Item indices of the breaks that minimise the paragraph's demerits, the last one final;
    None when no set of lines keeps every adjustment ratio within the tolerance.

    `measure(n)` is the width of line n (0-based). The items must end with a forced break.
    """
    table = _Table(items)
    widths: dict[int, float] = {}  # measure() per line number: asked once per line

    def width_of(line: int) -> float:
        if line not in widths:
            widths[line] = measure(line)
        return widths[line]

    t = table.start(-1)
    active: list[_Node] = [(-1, 0, 0, 0, table.width[t], table.stretch[t], table.shrink[t], 0.0, width_of(0), None)]
    for brk in table.breaks:
        survivors, found = _reach(table, active, brk, params)
        active = survivors + _undominated(table, found, brk[0], params.fitness_demerits, width_of) if found else survivors
        if not active:
            return None
    finals = [n for n in active if n[0] == len(items) - 1]
    if not finals:
        return None
    out = []
    step: _Node | None = min(finals, key=_NODE_DEMERITS)
    while step is not None and step[0] >= 0:
        out.append(step[0])
        step = step[9]
    return out[::-1]


def _reach(table: _Table, active: list[_Node], brk: _Break,
           params: Params) -> tuple[list[_Node], dict[int, _Candidate]]:
    """The active nodes that can still start a later line, and per (fitness, run) class the
    cheapest way to break at `brk` after one of them, the first found winning a tie.

    TeX's adjustment ratio, badness, demerits and fitness classes, inlined: this loop runs once
    per active node per breakpoint. Every sum is added in the order TeX's formulas give, so
    that equal demerits stay equal and ties fall as they always did."""
    b, extra_width, cost_term, flagged, forced = brk
    final = b == len(table.items) - 1
    fill = final and not params.balance  # the last line is filled with space (TeX's \parfillskip)
    width_b, stretch_b, shrink_b = table.width[b], table.stretch[b], table.shrink[b]
    rag, tolerance, overfull, max_run = params.rag, params.tolerance, params.overfull, params.max_flagged_run
    line_penalty, flagged_demerits, fitness_demerits = params.line_penalty, params.flagged_demerits, params.fitness_demerits
    survivors: list[_Node] = []
    found: dict[int, _Candidate] = {}
    for node in active:
        position, _, fitness_0, run_0, width_0, stretch_0, shrink_0, demerits_0, width, _ = node
        natural = width_b - width_0 + extra_width
        if natural < width - EPS:
            stretch = stretch_b - stretch_0 + rag
            ratio = 0.0 if fill else (width - natural) / stretch if stretch > EPS else INFINITY
        elif natural > width + EPS:
            shrink = shrink_b - shrink_0
            ratio = (width - natural) / shrink if shrink > EPS else -INFINITY
        else:
            ratio = 0.0
        if ratio >= -1:
            if not forced:
                survivors.append(node)  # else this node can start no later line: deactivate it
            if ratio > tolerance:
                continue
            # TeX caps badness at 10000 (a line that cannot stretch enough); overfull is worse still
            badness = 100.0 * (ratio if ratio >= 0 else -ratio) ** 3
            if badness > INFINITY:
                badness = INFINITY
        elif overfull:
            badness = 1e8 * (1 - ratio)
        else:
            continue
        run = run_0 + 1 if flagged else 0
        if run > max_run or (final and run_0 and not overfull):
            continue
        demerits = (line_penalty + badness) ** 2 + cost_term + demerits_0
        if flagged and run_0:
            demerits += flagged_demerits  # two hyphenated lines in a row
        # TeX's classes: 0 tight, 1 decent, 2 loose, 3 very loose
        fitness = 0 if ratio < -0.5 else 1 if ratio <= 0.5 else 2 if ratio <= 1 else 3
        if position >= 0 and not -1 <= fitness - fitness_0 <= 1:
            demerits += fitness_demerits
        if final:
            demerits += _last_line(params, position, run_0, width_b - width_0, width)
        key = fitness + 4 * run
        best = found.get(key)
        if best is None or demerits < best[0]:
            found[key] = (demerits, fitness, run, node)
    return survivors, found


def _last_line(params: Params, position: int, run: int, natural: float, width: float) -> float:
    """A hyphen before the last line, and a last line too short to end a paragraph well."""
    extra = params.final_flagged_demerits if run else 0.0
    if position >= 0 and natural < params.short_last * width:
        extra += params.short_last_demerits
    return extra


def _undominated(table: _Table, found: dict[int, _Candidate], b: int, slack: float,
                 width_of: Callable[[int], float]) -> list[_Node]:
    """The new breaks at b worth keeping, cheapest first; the rest can never win.

    Breaks at the same item after the same number of lines face the same future, except that a
    longer run of hyphens may be refused one more and a fitness class may cost `slack` more; so a
    break that is dearer by `slack` than one with no longer a run is dropped. Without this the
    active list holds every (fitness, run) pair at every position within a line's reach and the
    cost grows with the square of the line length."""
    kept: list[tuple[float, int, int]] = []  # demerits, line, run
    nodes: list[_Node] = []
    t = table.start(b)
    width, stretch, shrink = table.width[t], table.stretch[t], table.shrink[t]
    for demerits, fitness, run, previous in sorted(found.values(), key=_DEMERITS):
        line = previous[1] + 1
        for k_demerits, k_line, k_run in kept:
            if k_line == line and k_run <= run and k_demerits + slack <= demerits:
                break
        else:
            kept.append((demerits, line, run))
            nodes.append((b, line, fitness, run, width, stretch, shrink, demerits, width_of(line), previous))
    return nodes
