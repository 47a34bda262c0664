"""Parts of a whole: one donut per percentage, the figure in its centre, the label below."""
from __future__ import annotations

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import value_text
from briefgen.charts.style import BLUE, BLUE_DARK, INK, LABEL_PT, MARGIN, MIN_HEIGHT, TRACK, WIDTH
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

RADIUS = 0.62
RING = 0.17
LABEL_GAP = 0.12
CENTRE_SIZES = (17.0, 15.0, 13.0, 11.0)


def draw_share(chart: ChartData, type: Typesetter) -> Canvas:
    slot = (WIDTH - 2 * MARGIN) / len(chart.data)
    radius = min(RADIUS, slot / 2 - 0.15)
    labels = [type.wrap(d.label, min(slot - 0.2, 2.2), LABEL_PT) for d in chart.data]
    label_h = max(type.height(len(lines), LABEL_PT) for lines in labels)
    needed = 2 * radius + LABEL_GAP + label_h + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    top = (canvas.height - needed) / 2 + MARGIN
    for i, (d, lines) in enumerate(zip(chart.data, labels)):
        x = MARGIN + slot * (i + 0.5)
        _donut(canvas, d, x, top + radius, radius)
        label = "\n".join(lines)
        canvas.text(x, top + 2 * radius + LABEL_GAP, label, LABEL_PT, color=INK, ha="center")
    return canvas


def _donut(canvas: Canvas, d: Datum, x: float, y: float, radius: float) -> None:
    part = min(max(d.value, 0.0), 100.0) / 100 * 360
    canvas.ring((x, y), radius, RING, (0, 360), TRACK)
    if part > 0:
        canvas.ring((x, y), radius, RING, (0, part), BLUE)
    text = value_text(d, canvas.type.locale)
    inner = 2 * (radius - RING) - 0.12
    fits = [s for s in CENTRE_SIZES if canvas.type.width(text, s, True) <= inner]
    size = fits[0] if fits else CENTRE_SIZES[-1]
    canvas.text(x, y, text, size, bold=True, color=BLUE_DARK, ha="center", va="center")
