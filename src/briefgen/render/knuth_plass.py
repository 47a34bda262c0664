"""Total-fit line breaking (Knuth and Plass, 1981) over boxes, glue and penalties, as TeX does it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence, Union

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


@dataclass(frozen=True)
class _Node:
    position: int  # item index of the break (-1 for the paragraph start)
    line: int  # lines before this break
    fitness: int
    flagged_run: int
    width: float  # sums of the items after the break, up to its first box
    stretch: float
    shrink: float
    demerits: float
    previous: _Node | None


class _Sums:
    """Running sums of widths, stretch and shrink, so any line's totals are O(1)."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.width, self.stretch, self.shrink = [0.0], [0.0], [0.0]
        for item in items:
            elastic = None if isinstance(item, Penalty) else item
            self.width.append(self.width[-1] + (elastic.width if elastic else 0.0))
            self.stretch.append(self.stretch[-1] + (elastic.stretch if elastic else 0.0))
            self.shrink.append(self.shrink[-1] + (elastic.shrink if elastic else 0.0))


def breaks(items: Sequence[Item], measure: Callable[[int], float], params: Params) -> list[int] | None:
    """Item indices of the breaks that minimise the paragraph's demerits, the last one final;
    None when no set of lines keeps every adjustment ratio within the tolerance.

    `measure(n)` is the width of line n (0-based). The items must end with a forced break.
    """
    sums = _Sums(items)
    active = [_after(items, sums, -1, 0, 0, 0, 0.0, None)]
    widths: dict[int, float] = {}  # measure() per line number: asked once per node per breakpoint
    for b in _legal_breaks(items):
        item = items[b]
        found: dict[tuple[int, int], _Node] = {}
        survivors: list[_Node] = []
        forced = isinstance(item, Penalty) and item.cost <= -INFINITY
        for node in active:
            width = widths.get(node.line)
            if width is None:
                width = widths[node.line] = measure(node.line)
            ratio = _ratio(items, sums, node, b, width, params)
            if ratio >= -1 and not forced:
                survivors.append(node)  # else this node can start no later line: deactivate it
            if (-1 <= ratio <= params.tolerance) or (params.overfull and ratio < -1):
                _consider(items, sums, node, b, ratio, params, found, width)
        active = survivors + _undominated(found.values(), params.fitness_demerits) if found else survivors
        if not active:
            return None
    finals = [n for n in active if n.position == len(items) - 1]
    if not finals:
        return None
    best, out = min(finals, key=lambda n: n.demerits), []
    step: _Node | None = best
    while step is not None and step.position >= 0:
        out.append(step.position)
        step = step.previous
    return out[::-1]


def _undominated(nodes: Iterable[_Node], slack: float) -> list[_Node]:
    """The new breaks worth keeping, cheapest first; the rest can never win.

    Breaks at the same item after the same number of lines face the same future, except that a
    longer run of hyphens may be refused one more and a fitness class may cost `slack` more; so a
    break that is dearer by `slack` than one with no longer a run is dropped. Without this the
    active list holds every (fitness, run) pair at every position within a line's reach and the
    cost grows with the square of the line length."""
    kept: list[_Node] = []
    for node in sorted(nodes, key=lambda n: n.demerits):
        if not any(k.line == node.line and k.flagged_run <= node.flagged_run and k.demerits + slack <= node.demerits
                   for k in kept):
            kept.append(node)
    return kept


def _legal_breaks(items: Sequence[Item]) -> list[int]:
    return [b for b in range(len(items)) if _legal(items, b)]


def _legal(items: Sequence[Item], b: int) -> bool:
    item = items[b]
    if isinstance(item, Penalty):
        return item.cost < INFINITY
    return isinstance(item, Glue) and b > 0 and isinstance(items[b - 1], Box)


def _ratio(items: Sequence[Item], sums: _Sums, node: _Node, b: int, width: float, params: Params) -> float:
    """How far the line from node to b must stretch (> 0) or shrink (< 0) its glue."""
    item = items[b]
    natural = sums.width[b] - node.width + (item.width if isinstance(item, Penalty) else 0.0)
    final = b == len(items) - 1
    if natural < width - EPS:
        stretch = sums.stretch[b] - node.stretch + params.rag
        if final and not params.balance:
            return 0.0  # the last line is filled with space (TeX's \parfillskip)
        return (width - natural) / stretch if stretch > EPS else INFINITY
    if natural > width + EPS:
        shrink = sums.shrink[b] - node.shrink
        return (width - natural) / shrink if shrink > EPS else -INFINITY
    return 0.0


def _consider(items: Sequence[Item], sums: _Sums, node: _Node, b: int, ratio: float, params: Params,
              found: dict[tuple[int, int], _Node], width: float) -> None:
    """Keep the break at b after node if it is the cheapest way yet to reach b in its class."""
    item = items[b]
    flagged = isinstance(item, Penalty) and item.flagged
    run = node.flagged_run + 1 if flagged else 0
    final = b == len(items) - 1
    if run > params.max_flagged_run or (final and node.flagged_run and not params.overfull):
        return
    demerits = _demerits(item, ratio, params) + node.demerits
    if flagged and node.flagged_run:
        demerits += params.flagged_demerits
    fitness = _fitness(ratio)
    if node.position >= 0 and abs(fitness - node.fitness) > 1:
        demerits += params.fitness_demerits
    if final:
        demerits += _last_line(items, sums, node, b, width, params)
    key = (fitness, run)
    if key not in found or demerits < found[key].demerits:
        found[key] = _after(items, sums, b, node.line + 1, fitness, run, demerits, node)


def _demerits(item: Item, ratio: float, params: Params) -> float:
    # TeX caps badness at 10000 (a line that cannot stretch enough); overfull is worse still
    badness = min(100.0 * abs(ratio) ** 3, INFINITY) if ratio >= -1 else 1e8 * (1 - ratio)
    demerits = (params.line_penalty + badness) ** 2
    cost = item.cost if isinstance(item, Penalty) else 0.0
    if cost >= 0:
        return demerits + cost * cost
    return demerits - cost * cost if cost > -INFINITY else demerits


def _fitness(ratio: float) -> int:
    """TeX's classes: 0 tight, 1 decent, 2 loose, 3 very loose."""
    if ratio < -0.5:
        return 0
    if ratio <= 0.5:
        return 1
    return 2 if ratio <= 1 else 3


def _last_line(items: Sequence[Item], sums: _Sums, node: _Node, b: int, width: float, params: Params) -> float:
    """A hyphen before the last line, and a last line too short to end a paragraph well."""
    extra = params.final_flagged_demerits if node.flagged_run else 0.0
    natural = sums.width[b] - node.width
    if node.position >= 0 and natural < params.short_last * width:
        extra += params.short_last_demerits
    return extra


def _after(items: Sequence[Item], sums: _Sums, b: int, line: int, fitness: int, run: int,
           demerits: float, previous: _Node | None) -> _Node:
    """A node at break b, its sums taken after the glue and penalties a line start discards."""
    t = b + 1
    while t < len(items) and not isinstance(items[t], Box):
        if isinstance(items[t], Penalty) and items[t].cost <= -INFINITY and t > b + 1:  # type: ignore[union-attr]
            break
        t += 1
    return _Node(b, line, fitness, run, sums.width[t], sums.stretch[t], sums.shrink[t], demerits, previous)
