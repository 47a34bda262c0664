"""Big-number tiles: each figure large, its unit beside or under it, its label below."""
from __future__ import annotations

import math
from dataclasses import dataclass

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import number_text
from briefgen.charts.style import (
    BIG_PT, BLUE, BLUE_DARK, BLUE_TINT, INK, LABEL_PT, MARGIN, MIN_HEIGHT, VALUE_PT, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

GAP = 0.1
PAD = 0.12
BAND = 0.045  # the coloured band on top of each tile
SIZES = (BIG_PT, 20.0, 18.0, 16.0, 14.0)
ROOM = 0.3  # extra height a tile may take to fill the figure
LABEL_GAP = 0.05


@dataclass(frozen=True)
class _Tile:
    number: list[str]
    size: float
    unit: str
    unit_below: bool  # the unit did not fit beside the figure
    label: list[str]

    def height(self, type: Typesetter) -> float:
        unit = type.height(1, VALUE_PT) if self.unit_below else 0.0
        label = type.height(len(self.label), LABEL_PT)
        return type.height(len(self.number), self.size) + unit + LABEL_GAP + label


def draw_tiles(chart: ChartData, type: Typesetter) -> Canvas:
    data = chart.data
    cols = len(data) if len(data) <= 3 else (2 if len(data) == 4 else 3)
    rows = math.ceil(len(data) / cols)
    tile_w = (WIDTH - 2 * MARGIN - (cols - 1) * GAP) / cols
    tiles = [_layout(type, d, tile_w - 2 * PAD) for d in data]
    content = max(t.height(type) for t in tiles)
    needed = rows * (content + 2 * PAD + BAND) + (rows - 1) * GAP + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    share = (canvas.height - 2 * MARGIN - (rows - 1) * GAP) / rows
    tile_h = min(share, content + 2 * PAD + BAND + ROOM)
    top = (canvas.height - rows * tile_h - (rows - 1) * GAP) / 2
    for i, tile in enumerate(tiles):
        x = MARGIN + (i % cols) * (tile_w + GAP)
        y = top + (i // cols) * (tile_h + GAP)
        _tile(canvas, tile, (x, y, tile_w, tile_h), content)
    return canvas


def _layout(type: Typesetter, d: Datum, width: float) -> _Tile:
    """The largest size at which the figure fits, with its unit beside it if possible."""
    number, unit = number_text(d), d.unit_label
    label = type.wrap(d.label, width, LABEL_PT)
    beside = type.width(unit, VALUE_PT, True) + 0.06 if unit else 0.0
    for size in SIZES:
        if type.width(number, size, True) + beside <= width:
            return _Tile([number], size, unit, False, label)
    for size in SIZES:
        if type.width(number, size, True) <= width:
            return _Tile([number], size, unit, bool(unit), label)
    lines = type.wrap(number, width, SIZES[-1], bold=True)
    return _Tile(lines, SIZES[-1], unit, bool(unit), label)


def _tile(
    canvas: Canvas, tile: _Tile, box: tuple[float, float, float, float], content: float
) -> None:
    x, y, w, h = box
    canvas.rect(x, y, w, h, BLUE_TINT)
    canvas.rect(x, y, w, BAND, BLUE)
    top = y + BAND + (h - BAND - content) / 2
    big = canvas.text(x + PAD, top, "\n".join(tile.number), tile.size, bold=True, color=BLUE_DARK, display=True)
    top += canvas.type.height(len(tile.number), tile.size)
    if tile.unit and tile.unit_below:
        canvas.text(x + PAD, top, tile.unit, VALUE_PT, bold=True, color=BLUE_DARK, display=True)
        top += canvas.type.height(1, VALUE_PT)
    elif tile.unit:
        right = canvas.extent(big)[1] + (0.05 if tile.number[-1][-1].isascii() else 0.01)
        baseline = top - 0.23 * tile.size / 72  # the last line's baseline
        canvas.text(right, baseline, tile.unit, VALUE_PT, bold=True, color=BLUE_DARK, va="baseline", display=True)
    canvas.text(x + PAD, top + LABEL_GAP, "\n".join(tile.label), LABEL_PT, color=INK)
