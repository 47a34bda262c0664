"""Steps in order along a line of time: numbered markers, figures above, labels below
(with more than four steps, labels alternate above and below)."""
from __future__ import annotations

from dataclasses import dataclass

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import value_text
from briefgen.charts.style import (
    BLUE, BLUE_DARK, INK, LABEL_PT, MARGIN, MIN_HEIGHT, RULE, SMALL_PT, WHITE, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

MARKER = 0.095
GAP = 0.1  # between a marker and its text
SPACE = 0.14  # between neighbouring labels
FIGURE_PT = 12.0


@dataclass(frozen=True)
class _Step:
    x: float  # centre of the text block (kept inside the figure)
    marker: float  # centre of the marker
    figure: list[str]  # empty when the step has no datum
    label: list[str]
    alternate: bool  # steps alternate sides of the line
    up: bool  # this step's text is all above the line

    def above(self, type: Typesetter) -> float:
        """Height of the text above the line."""
        figure = type.height(len(self.figure), FIGURE_PT)
        label = type.height(len(self.label), LABEL_PT)
        return figure + label if self.up else (0.0 if self.alternate else figure)

    def below(self, type: Typesetter) -> float:
        figure = type.height(len(self.figure), FIGURE_PT) if self.alternate else 0.0
        return 0.0 if self.up else figure + type.height(len(self.label), LABEL_PT)


def draw_timeline(chart: ChartData, type: Typesetter) -> Canvas:
    """Each figure stands over the step whose text names its metric (ChartData.item_of)."""
    figures = {i: d for d in chart.data if (i := chart.item_of(d)) is not None}
    steps = [_step(chart, type, i, figures.get(i)) for i in range(len(chart.items))]
    above = max(s.above(type) for s in steps)
    below = max(s.below(type) for s in steps)
    band = 2 * (MARKER + GAP)
    needed = above + band + below + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    axis = (canvas.height - needed) / 2 + MARGIN + above + band / 2
    _axis(canvas, axis)
    for i, step in enumerate(steps):
        _draw_step(canvas, step, axis, i + 1)
    return canvas


def _step(chart: ChartData, type: Typesetter, i: int, d: Datum | None) -> _Step:
    n = len(chart.items)
    slot = (WIDTH - 2 * MARGIN) / n
    alternate = n > 4
    edge = i in (0, n - 1)
    width = slot * ((1.5 if edge else 2.0) if alternate else 1.0) - SPACE
    label = type.wrap(chart.items[i], width, LABEL_PT)
    figure = type.wrap(value_text(d, chart.locale), width, FIGURE_PT, True) if d else []
    marker = MARGIN + slot * (i + 0.5)
    label_w = type.width("\n".join(label), LABEL_PT)
    half = max(label_w, type.width("\n".join(figure), FIGURE_PT, True)) / 2
    x = min(max(marker, MARGIN + half), WIDTH - MARGIN - half)
    return _Step(x, marker, figure, label, alternate, alternate and i % 2 == 1)


def _axis(canvas: Canvas, y: float) -> None:
    """The line of time, running past the last step into an arrowhead."""
    end = WIDTH - MARGIN
    canvas.line([MARGIN, end - 0.08], [y, y], RULE, 1.5)
    canvas.polygon([(end - 0.1, y - 0.05), (end, y), (end - 0.1, y + 0.05)], RULE)


def _draw_step(canvas: Canvas, step: _Step, axis: float, number: int) -> None:
    canvas.circle(step.marker, axis, MARKER, BLUE, edge=WHITE)
    canvas.text(
        step.marker, axis, str(number), SMALL_PT, bold=True, color=WHITE, ha="center", va="center"
    )
    figure, label = "\n".join(step.figure), "\n".join(step.label)
    top, bottom = axis + MARKER + GAP, axis - MARKER - GAP  # where text below / above starts
    if step.up:
        canvas.text(step.x, bottom, label, LABEL_PT, ha="center", va="bottom")
        bottom -= canvas.type.height(len(step.label), LABEL_PT)
    elif step.alternate and figure:
        canvas.text(step.x, top, figure, FIGURE_PT, bold=True, color=BLUE_DARK, ha="center")
        top += canvas.type.height(len(step.figure), FIGURE_PT)
    if not step.up:
        canvas.text(step.x, top, label, LABEL_PT, color=INK, ha="center")
    if figure and (step.up or not step.alternate):
        canvas.text(
            step.x, bottom, figure, FIGURE_PT, bold=True, color=BLUE_DARK, ha="center", va="bottom"
        )
