"""Last year's actual against this year's target: a table of figures with a pair of bars per
row, all rows on one scale from zero, or (scale: row, for rows of different units) each row on
its own, which the chart then says above its labels."""
from __future__ import annotations

from dataclasses import dataclass

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.kinds.bars import OPEN_BOUNDS, OPEN_END, open_end
from briefgen.charts.labels import value_text, word
from briefgen.charts.style import (
    BLUE, GREY, LABEL_PT, MARGIN, MIN_HEIGHT, MUTED, RULE, SMALL_PT, TRACK, VALUE_PT, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

LABEL_COLUMN = 1.7
VALUE_COLUMN = 1.3  # at most, per figure column
GUTTER = 0.2
SWATCH = 0.05  # half the side of a legend swatch
KEY_GAP = 0.06  # between a swatch and its word
BAR = 0.075  # each bar of a pair
ROW_PAD = 0.12
STRETCH = 1.5  # rows may grow this much to fill the figure's least height
HEADER_PT = 8.0


@dataclass(frozen=True)
class _Columns:
    label: float  # width of the label column
    value: float  # width of each figure column

    @property
    def graphic(self) -> tuple[float, float]:
        return MARGIN + self.label + GUTTER, self.actual - GUTTER

    @property
    def actual(self) -> float:
        return WIDTH - MARGIN - 2 * self.value - GUTTER

    @property
    def target(self) -> float:
        return WIDTH - MARGIN - self.value


def draw_compare(chart: ChartData, type: Typesetter) -> Canvas:
    cols = _columns(chart, type)
    rows = [_cells(type, cols, pair) for pair in chart.pairs]
    heights = [_row_height(type, cells) for cells in rows]
    header = type.height(1, HEADER_PT) + 0.06
    needed = header + sum(heights) + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    scale = min((canvas.height - header - 2 * MARGIN) / sum(heights), STRETCH)
    top = (canvas.height - header - sum(heights) * scale) / 2
    _header(canvas, chart, cols, top)
    y = top + header
    canvas.line([MARGIN, WIDTH - MARGIN], [y, y], RULE, 0.6)
    largest = max(abs(d.value) for pair in chart.pairs for d in pair)
    for pair, cells, h in zip(chart.pairs, rows, heights):
        top_value = max(abs(d.value) for d in pair) if chart.scale == "row" else largest
        _row(canvas, cols, pair, cells, y, h * scale, top_value)
        y += h * scale
    return canvas


def _row_height(type: Typesetter, cells: list[list[str]]) -> float:
    sizes = (LABEL_PT, VALUE_PT, VALUE_PT)
    return max(type.height(len(c), size) for c, size in zip(cells, sizes)) + ROW_PAD


def _columns(chart: ChartData, type: Typesetter) -> _Columns:
    labels = max(type.width(a.label, LABEL_PT) for a, _ in chart.pairs)
    values = [type.width(value_text(d, type.locale), VALUE_PT, True) for pair in chart.pairs for d in pair]
    words = (word(chart, "actual"), word(chart, "target"))
    heads = [type.width(w, HEADER_PT) + 2 * SWATCH + KEY_GAP for w in words]
    return _Columns(min(labels, LABEL_COLUMN), min(max(values + heads), VALUE_COLUMN))


def _cells(type: Typesetter, cols: _Columns, pair: tuple[Datum, Datum]) -> list[list[str]]:
    actual, target = pair
    return [
        type.wrap(actual.label, cols.label, LABEL_PT),
        type.wrap(value_text(actual, type.locale), cols.value, VALUE_PT),
        type.wrap(value_text(target, type.locale), cols.value, VALUE_PT, bold=True),
    ]


def _header(canvas: Canvas, chart: ChartData, cols: _Columns, top: float) -> None:
    """The two years above their columns, each with its swatch: the legend of the bars."""
    middle = top + canvas.type.height(1, HEADER_PT) / 2
    if chart.scale == "row":
        canvas.text(MARGIN, middle, word(chart, "row_scale"), SMALL_PT, color=MUTED, va="center_baseline")
    for x, key, color in ((cols.actual, "actual", GREY), (cols.target, "target", BLUE)):
        canvas.rect(x, middle - SWATCH, 2 * SWATCH, 2 * SWATCH, color)
        canvas.text(x + 2 * SWATCH + KEY_GAP, middle, word(chart, key), HEADER_PT, va="center_baseline")


def _row(
    canvas: Canvas,
    cols: _Columns,
    pair: tuple[Datum, Datum],
    cells: list[list[str]],
    y: float,
    h: float,
    top: float,
) -> None:
    canvas.line([MARGIN, WIDTH - MARGIN], [y + h, y + h], TRACK, 0.6)
    middle = y + h / 2
    canvas.text(MARGIN, middle, "\n".join(cells[0]), LABEL_PT, va="center")
    canvas.text(cols.actual, middle, "\n".join(cells[1]), VALUE_PT, color=MUTED, va="center")
    canvas.text(cols.target, middle, "\n".join(cells[2]), VALUE_PT, bold=True, va="center")
    _bars(canvas, pair, middle, cols.graphic, top)


def _bars(canvas: Canvas, pair: tuple[Datum, Datum], y: float, span: tuple[float, float], top: float) -> None:
    """Actual above target, on a scale from zero to `top`; a figure with a lower bound (以上,
    超过) gets an open end: the bar goes on past its figure."""
    top = top or 1.0
    room = span[1] - span[0] - OPEN_END  # the open end must fit after the longest bar
    canvas.line([span[0], span[0]], [y - BAR - 0.04, y + BAR + 0.04], RULE, 0.8)
    for d, color, offset in zip(pair, (GREY, BLUE), (-BAR - 0.01, 0.01)):
        length = abs(d.value) / top * room
        canvas.rect(span[0], y + offset, length, BAR, color)
        if d.bound in OPEN_BOUNDS:
            open_end(canvas, span[0] + length, y + offset, BAR, color)
