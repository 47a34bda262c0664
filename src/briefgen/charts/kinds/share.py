"""Parts of a whole: one donut per percentage, or per (part, whole) pair of amounts of any unit
(3000亿元 of 1.3万亿元), the part's figure in its centre, the whole under it, the label below."""
from __future__ import annotations

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import value_text, word
from briefgen.charts.style import (
    BLUE, BLUE_DARK, INK, LABEL_PT, MARGIN, MIN_HEIGHT, MUTED, SMALL_PT, TRACK, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

RADIUS = 0.62
AMOUNT_RADIUS = 0.8  # a part of an amount prints two figures in the centre
RING = 0.17
LABEL_GAP = 0.12
CENTRE_SIZES = (17.0, 15.0, 13.0, 11.0)


def draw_share(chart: ChartData, type: Typesetter) -> Canvas:
    """Percentages (chart.data), or parts of amounts (chart.pairs: part, whole)."""
    shares: list[tuple[Datum, Datum | None]] = [(d, None) for d in chart.data]
    shares = shares or [(part, whole) for part, whole in chart.pairs]
    slot = (WIDTH - 2 * MARGIN) / len(shares)
    radius = min(RADIUS if chart.data else AMOUNT_RADIUS, slot / 2 - 0.15)
    labels = [type.wrap(d.label, min(slot - 0.2, 2.2), LABEL_PT) for d, _ in shares]
    label_h = max(type.height(len(lines), LABEL_PT) for lines in labels)
    needed = 2 * radius + LABEL_GAP + label_h + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    top = (canvas.height - needed) / 2 + MARGIN
    for i, ((d, whole), lines) in enumerate(zip(shares, labels)):
        x = MARGIN + slot * (i + 0.5)
        with canvas.reads_as(_reading(chart, d, whole, lines)):
            _donut(canvas, chart, d, whole, (x, top + radius), radius)
            label = "\n".join(lines)
            canvas.text(x, top + 2 * radius + LABEL_GAP, label, LABEL_PT, color=INK, ha="center")
    return canvas


def _reading(chart: ChartData, d: Datum, whole: Datum | None, lines: list[str]) -> str:
    """What the donut copies out as: "80% 大宗货物清洁运输比例", "3000 亿元 / 1.3 万亿元 ..."."""
    spaced = Typesetter.spaced
    figure = spaced(value_text(d, chart.locale))
    if whole is not None:
        figure += " " + spaced(_of_whole(chart, whole))
    joiner = "" if chart.locale == "zh" else " "
    return f"{figure} {joiner.join(lines)}"


def _of_whole(chart: ChartData, whole: Datum) -> str:
    return word(chart, "of_whole").format(whole=value_text(whole, chart.locale))


def _part(d: Datum, whole: Datum | None) -> float:
    """The share of the ring to fill, 0 to 1."""
    total = whole.value if whole is not None else 100.0
    return min(max(d.value / total, 0.0), 1.0) if total else 0.0


def _donut(canvas: Canvas, chart: ChartData, d: Datum, whole: Datum | None, centre: tuple[float, float],
           radius: float) -> None:
    x, y = centre
    part = _part(d, whole) * 360
    canvas.ring((x, y), radius, RING, (0, 360), TRACK)
    if part > 0:
        canvas.ring((x, y), radius, RING, (0, part), BLUE)
    text = value_text(d, canvas.type.locale)
    inner = 2 * (radius - RING) - 0.12
    fits = [s for s in CENTRE_SIZES if canvas.type.width(text, s, True) <= inner]
    size = fits[0] if fits else CENTRE_SIZES[-1]
    lines = canvas.type.wrap(text, inner, size, bold=True) if not fits else [text]
    if whole is None:
        canvas.text(x, y, "\n".join(lines), size, bold=True, color=BLUE_DARK, ha="center", va="center")
        return
    note = canvas.type.wrap(_of_whole(chart, whole), inner, SMALL_PT)
    block = canvas.type.height(len(lines), size) + canvas.type.height(len(note), SMALL_PT)
    top = y - block / 2
    canvas.text(x, top, "\n".join(lines), size, bold=True, color=BLUE_DARK, ha="center")
    top += canvas.type.height(len(lines), size)
    canvas.text(x, top, "\n".join(note), SMALL_PT, color=MUTED, ha="center")
