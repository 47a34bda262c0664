"""Big-number tiles: each figure large, its unit beside or under it, its label below; one figure
alone is a single big-number tile, set larger. A change figure shown with its base goes into the
base's tile, in the text's words under the figure (4.4万亿元 / 比上年增加5000亿元)."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import figure_of
from briefgen.charts.style import (
    BIG_PT, BLUE, BLUE_DARK, BLUE_TINT, INK, LABEL_PT, MARGIN, MIN_HEIGHT, ORANGE_DARK, VALUE_PT, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.i18n.typography import NBSP
from briefgen.model.document import ChartData, Datum

GAP = 0.1
PAD = 0.12
BAND = 0.045  # the coloured band on top of each tile
SIZES = (BIG_PT, 20.0, 18.0, 16.0, 14.0)
SINGLE_SIZES = (40.0, 36.0, 32.0, 28.0, *SIZES)  # one figure alone
WORD_GAP = 0.05  # between the figure and a word beside it (a space, or the Han-Latin gap)
SINGLE_UNIT_PT = 14.0  # the unit beside a single big figure
SINGLE_LABEL_PT = 11.0
HAN_GAP = 0.01  # between two Han characters of different sizes (亿|斤): none in the text
ROOM = 0.3  # extra height a tile may take to fill the figure
LABEL_GAP = 0.05


@dataclass(frozen=True)
class _Tile:
    number: list[str]
    size: float
    unit: str  # the unit and any bound words after the figure: "斤", "亿斤以上", "jin"
    unit_below: bool  # the unit did not fit beside the figure
    label: list[str]
    before: str = ""  # bound words before the figure: "超过", "at least"
    before_above: bool = False  # on a line of their own above the figure
    equivalent: str = ""  # English metric equivalent, under the figure: "(66.2 million tonnes)"
    small: float = VALUE_PT  # the size of the unit and bound words
    label_pt: float = LABEL_PT
    delta: tuple[str, ...] = ()  # the change against an earlier year, in lines

    def height(self, type: Typesetter) -> float:
        unit = type.height(1, self.small) if self.unit_below else 0.0
        before = type.height(1, self.small) if self.before_above else 0.0
        equivalent = type.height(1, LABEL_PT) if self.equivalent else 0.0
        label = type.height(len(self.label), self.label_pt)
        equivalent += type.height(len(self.delta), LABEL_PT)
        return before + type.height(len(self.number), self.size) + unit + equivalent + LABEL_GAP + label


def draw_tiles(chart: ChartData, type: Typesetter) -> Canvas:
    changes = _changes(chart.data)
    data = tuple(d for d in chart.data if d not in changes.values())
    cols = len(data) if len(data) <= 3 else (2 if len(data) == 4 else 3)
    rows = math.ceil(len(data) / cols)
    tile_w = (WIDTH - 2 * MARGIN - (cols - 1) * GAP) / cols
    sizes = SINGLE_SIZES if len(data) == 1 else SIZES
    tiles = [_with_delta(type, _layout(type, d, tile_w - 2 * PAD, sizes), changes.get(d.metric), tile_w - 2 * PAD)
             for d in data]
    content = max(t.height(type) for t in tiles)
    needed = rows * (content + 2 * PAD + BAND) + (rows - 1) * GAP + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    share = (canvas.height - 2 * MARGIN - (rows - 1) * GAP) / rows
    tile_h = min(share, content + 2 * PAD + BAND + ROOM)
    top = (canvas.height - rows * tile_h - (rows - 1) * GAP) / 2
    for i, (tile, d) in enumerate(zip(tiles, data)):
        x = MARGIN + (i % cols) * (tile_w + GAP)
        y = top + (i // cols) * (tile_h + GAP)
        delta = f" {changes[d.metric].change}" if d.metric in changes else ""
        reading = type.printed(f"{figure_of(d, type.locale)}{delta} {d.label}").replace(NBSP, " ")
        with canvas.reads_as(reading):
            _tile(canvas, tile, (x, y, tile_w, tile_h), content)
    return canvas


def _layout(type: Typesetter, d: Datum, width: float, sizes: tuple[float, ...]) -> _Tile:
    """The largest size at which the figure fits, its unit (and bound words) beside it if
    possible: the figure spelt as the text spells it (figure_of), only set in two sizes."""
    figure = figure_of(d, type.locale)
    number, unit, before = figure.number, _joined(figure.unit, figure.after, type.locale), figure.before
    single = sizes == SINGLE_SIZES
    small, label_pt = (SINGLE_UNIT_PT, SINGLE_LABEL_PT) if single else (VALUE_PT, LABEL_PT)
    label = type.wrap(d.label, width, label_pt)
    extra = f"({figure.equivalent})" if figure.equivalent else ""
    beside = type.width(unit, small, True) + WORD_GAP if unit else 0.0
    ahead = type.width(before, small, True) + WORD_GAP if before else 0.0
    for size in sizes:  # the largest size at which some arrangement fits
        big = type.width(number, size, True)
        if ahead + big + beside <= width:
            return _Tile([number], size, unit, False, label, before, False, extra, small, label_pt)
        if big + beside <= width:
            return _Tile([number], size, unit, False, label, before, bool(before), extra, small, label_pt)
        if big <= width and size < sizes[0]:  # the unit goes under a figure only once it has shrunk
            return _Tile([number], size, unit, bool(unit), label, before, bool(before), extra, small, label_pt)
    lines = type.wrap(number, width, sizes[-1], bold=True)
    return _Tile(lines, sizes[-1], unit, bool(unit), label, before, bool(before), extra, small, label_pt)


def _changes(data: tuple[Datum, ...]) -> dict[str, Datum]:
    """The change figures whose base is in the chart too, by their base's metric id."""
    shown = {d.metric for d in data}
    return {d.base: d for d in data if d.base in shown and d.change}


def _with_delta(type: Typesetter, tile: _Tile, change: Datum | None, width: float) -> _Tile:
    if change is None:
        return tile
    return replace(tile, delta=tuple(type.wrap(change.change, width, LABEL_PT, bold=True)))


def _joined(unit: str, after: str, locale: str) -> str:
    """The unit and the bound words after the figure, as one small run: "斤以上"."""
    joiner = "" if locale == "zh" else " "
    return joiner.join(w for w in (unit, after) if w)


def _tile(
    canvas: Canvas, tile: _Tile, box: tuple[float, float, float, float], content: float
) -> None:
    x, y, w, h = box
    canvas.rect(x, y, w, h, BLUE_TINT)
    canvas.rect(x, y, w, BAND, BLUE)
    top = y + BAND + (h - BAND - content) / 2
    left = x + PAD
    if tile.before and tile.before_above:
        canvas.text(left, top, tile.before, tile.small, bold=True, color=BLUE_DARK)
        top += canvas.type.height(1, tile.small)
    number = "\n".join(tile.number)
    baseline = top + canvas.type.height(len(tile.number) - 1, tile.size) + canvas.type.first_baseline(
        number, tile.size, bold=True)  # the last line's
    if tile.before and not tile.before_above:
        words = canvas.text(left, baseline, tile.before, tile.small, bold=True, color=BLUE_DARK, va="baseline")
        left = canvas.extent(words)[1] + _gap(tile.before[-1], tile.number[0][0])
    big = canvas.text(left, top, number, tile.size, bold=True, color=BLUE_DARK)
    top += canvas.type.height(len(tile.number), tile.size)
    if tile.unit and tile.unit_below:
        canvas.text(x + PAD, top, tile.unit, tile.small, bold=True, color=BLUE_DARK)
        top += canvas.type.height(1, tile.small)
    elif tile.unit:
        right = canvas.extent(big)[1] + _gap(tile.number[-1][-1], tile.unit[0])
        canvas.text(right, baseline, tile.unit, tile.small, bold=True, color=BLUE_DARK, va="baseline")
    if tile.equivalent:
        canvas.text(x + PAD, top, tile.equivalent, LABEL_PT, color=BLUE_DARK)
        top += canvas.type.height(1, LABEL_PT)
    if tile.delta:
        canvas.text(x + PAD, top, "\n".join(tile.delta), LABEL_PT, bold=True, color=ORANGE_DARK)
        top += canvas.type.height(len(tile.delta), LABEL_PT)
    canvas.text(x + PAD, top + LABEL_GAP, "\n".join(tile.label), tile.label_pt, color=INK)


def _gap(a: str, b: str) -> float:
    """Between two runs of different sizes: none between Han characters (亿|斤), as in the
    text; else a word space or the Han-Latin gap."""
    return HAN_GAP if not (a.isascii() or b.isascii()) else WORD_GAP
