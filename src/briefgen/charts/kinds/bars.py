"""Horizontal bars of comparable figures on one scale, labelled directly with their printed
values; a figure with a lower bound (以上, 超过: at least, over) ends open, in a tapering tip."""
from __future__ import annotations

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import value_text
from briefgen.charts.style import BLUE, INK, LABEL_PT, MARGIN, MIN_HEIGHT, RULE, VALUE_PT, WIDTH, mix
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

LABEL_COLUMN = 1.75  # inches at most for the category labels
GAP = 0.12
ROW_PAD = 0.1
BAR = 0.17  # bar thickness at most
STRETCH = 1.6  # rows may grow this much to fill the figure's least height
OPEN_END = 0.12  # inches: the tip past a bar whose figure is a lower bound
OPEN_BOUNDS = ("min", "over")


def draw_bars(chart: ChartData, type: Typesetter) -> Canvas:
    data = chart.data
    labels = [type.wrap(d.label, LABEL_COLUMN, LABEL_PT) for d in data]
    column = max(type.width("\n".join(lines), LABEL_PT) for lines in labels)
    rows = [max(type.height(len(lines), LABEL_PT), 0.2) + ROW_PAD for lines in labels]
    canvas = new_canvas(max(sum(rows) + 2 * MARGIN, MIN_HEIGHT), type)
    pitch = min((canvas.height - 2 * MARGIN) / sum(rows), STRETCH)
    scale = _Scale(type, data, MARGIN + column + GAP)
    y = (canvas.height - sum(rows) * pitch) / 2
    top = y
    for d, lines, row in zip(data, labels, rows):
        middle = y + row * pitch / 2
        canvas.text(MARGIN + column, middle, "\n".join(lines), ha="right", va="center")
        _bar(canvas, scale, d, middle, min(BAR, row * pitch * 0.5))
        y += row * pitch
    canvas.line([scale.zero, scale.zero], [top, y], RULE, 0.8)
    return canvas


def open_end(canvas: Canvas, x: float, top: float, thickness: float, color: str) -> None:
    """A tapering tip after a bar ending at x: the figure is a lower bound, the bar goes on."""
    tint = mix(color, 0.45)
    canvas.polygon([(x, top), (x + OPEN_END, top + thickness / 2), (x, top + thickness)], tint)


def _bar(canvas: Canvas, scale: _Scale, d: Datum, middle: float, thickness: float) -> None:
    end = scale.x(d.value)
    left, right = sorted((scale.zero, end))
    canvas.rect(left, middle - thickness / 2, right - left, thickness, BLUE)
    if d.bound in OPEN_BOUNDS and d.value >= 0:
        open_end(canvas, end, middle - thickness / 2, thickness, BLUE)
        end += OPEN_END
    if d.value >= 0:
        canvas.text(end + 0.05, middle, value_text(d, canvas.type.locale), VALUE_PT, bold=True, color=INK, va="center")
    else:
        canvas.text(end - 0.05, middle, value_text(d, canvas.type.locale), VALUE_PT, bold=True, ha="right", va="center")


class _Scale:
    """Maps values onto the bar area, leaving room for value labels at both ends."""

    def __init__(self, type: Typesetter, data: tuple[Datum, ...], start: float) -> None:
        widths = [type.width(value_text(d, type.locale), VALUE_PT, bold=True) + 0.08
                  + (OPEN_END if d.bound in OPEN_BOUNDS else 0.0) for d in data]
        low = min(0.0, *(d.value for d in data))
        high = max(0.0, *(d.value for d in data))
        left_room = max((w for w, d in zip(widths, data) if d.value < 0), default=0.0)
        right_room = max((w for w, d in zip(widths, data) if d.value >= 0), default=0.0)
        self.start = start + left_room
        self.span = WIDTH - MARGIN - right_room - self.start
        self.low = low
        self.range = (high - low) or 1.0
        self.zero = self.x(0.0)

    def x(self, value: float) -> float:
        return self.start + (value - self.low) / self.range * self.span
