"""Counts as rows of squares, each square a round amount, grouped in tens, with a legend."""
from __future__ import annotations

import math
from dataclasses import dataclass

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import icon_legend, quantity_text, value_text
from briefgen.charts.style import (
    INK, LABEL_PT, MARGIN, MIN_HEIGHT, MUTED, ORANGE, ORANGE_DARK, ORANGE_TINT, SMALL_PT, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

LEFT_MAX = 1.8  # the label column, at most
ICON = 0.1
STEP = 0.13  # icon pitch
GROUP = 0.07  # extra space after every ten icons
MAX_ICONS = 50  # for the largest figure of a unit
ROW_GAP = 0.2
FIGURE_PT = 12.0


@dataclass(frozen=True)
class _Row:
    d: Datum
    per_icon: float
    label: list[str]
    figure: list[str]
    noted: bool  # the row has its own legend (its unit differs from another row's)

    def text_height(self, type: Typesetter) -> float:
        h = type.height(len(self.label), LABEL_PT) + type.height(len(self.figure), FIGURE_PT)
        return h + (type.height(1, SMALL_PT) if self.noted else 0.0)

    def icons(self) -> float:
        return abs(self.d.value) / self.per_icon


def draw_pictogram(chart: ChartData, type: Typesetter) -> Canvas:
    units = _per_icon(chart.data)
    shared = len(set(d.unit for d in chart.data)) == 1
    rows = [_row(type, d, u, not shared) for d, u in zip(chart.data, units)]
    left = min(max(_text_width(type, r) for r in rows), LEFT_MAX)
    start = MARGIN + left + 0.2
    tens = max(int((WIDTH - MARGIN - start + GROUP) // (10 * STEP + GROUP)), 1)
    heights = [max(r.text_height(type), _grid_h(r.icons(), tens)) for r in rows]
    legend = type.height(1, SMALL_PT) + 0.1 if shared else 0.0
    needed = sum(heights) + ROW_GAP * (len(rows) - 1) + legend + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    y = (canvas.height - needed) / 2 + MARGIN
    for row, h in zip(rows, heights):
        _text(canvas, chart, row, y)
        _icons(canvas, row.icons(), start, y, tens)
        y += h + ROW_GAP
    if shared:
        _legend(canvas, chart, rows[0], MARGIN, y - ROW_GAP + 0.1)
    return canvas


def _per_icon(data: tuple[Datum, ...]) -> list[float]:
    """The amount one icon stands for: a round amount per unit, at most MAX_ICONS icons."""
    largest: dict[str, float] = {}
    for d in data:
        largest[d.unit] = max(largest.get(d.unit, 0.0), abs(d.value))
    return [_round_amount(largest[d.unit] / MAX_ICONS) for d in data]


def _round_amount(raw: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least `raw`."""
    if raw <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _row(type: Typesetter, d: Datum, per_icon: float, noted: bool) -> _Row:
    label = type.wrap(d.label, LEFT_MAX, LABEL_PT)
    figure = type.wrap(value_text(d, type.locale), LEFT_MAX, FIGURE_PT, bold=True)
    return _Row(d, per_icon, label, figure, noted)


def _text_width(type: Typesetter, row: _Row) -> float:
    label = type.width("\n".join(row.label), LABEL_PT)
    return max(label, type.width("\n".join(row.figure), FIGURE_PT, bold=True))


def _text(canvas: Canvas, chart: ChartData, row: _Row, y: float) -> None:
    canvas.text(MARGIN, y, "\n".join(row.label), LABEL_PT, color=INK)
    y += canvas.type.height(len(row.label), LABEL_PT)
    canvas.text(MARGIN, y, "\n".join(row.figure), FIGURE_PT, bold=True, color=ORANGE_DARK)
    if row.noted:
        _legend(canvas, chart, row, MARGIN, y + canvas.type.height(len(row.figure), FIGURE_PT))


def _grid_h(count: float, tens: int) -> float:
    return math.ceil(math.ceil(count) / (10 * tens)) * STEP


def _icons(canvas: Canvas, count: float, x0: float, y0: float, tens: int) -> None:
    """`count` squares in lines of `tens` groups of ten; the last one cut to its quarter."""
    whole, part = int(count), round((count - int(count)) * 4) / 4
    if part == 1.0:
        whole, part = whole + 1, 0.0
    for i in range(whole + (1 if part else 0)):
        column = i % (10 * tens)
        x = x0 + column * STEP + (column // 10) * GROUP
        y = y0 + 0.03 + (i // (10 * tens)) * STEP
        if i < whole:
            canvas.rect(x, y, ICON, ICON, ORANGE)
        else:
            canvas.rect(x, y, ICON, ICON, ORANGE_TINT)
            canvas.rect(x, y, ICON * part, ICON, ORANGE)


def _legend(canvas: Canvas, chart: ChartData, row: _Row, x: float, y: float) -> None:
    """ "Each [square] = 100,000 people", the square drawn like the icons."""
    before, after = icon_legend(chart)
    after = after.format(n=quantity_text(row.per_icon, row.d, chart.locale))
    side = 0.75 * SMALL_PT / 72  # about the height of a capital
    baseline = y + canvas.type.first_baseline(after, SMALL_PT)  # of a line whose top is at y
    if before.strip():
        x = canvas.extent(canvas.text(x, y, before.rstrip(), SMALL_PT, color=MUTED))[1] + 0.04
    canvas.rect(x, baseline - side, side, side, ORANGE)
    canvas.text(x + side + 0.04, y, after.strip(), SMALL_PT, color=MUTED)
