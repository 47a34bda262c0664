"""A non-numeric scheme drawn as a temple: a roof over one pillar per item, on a base."""
from __future__ import annotations

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.style import (
    BLUE, BLUE_DARK, BLUE_TINT, INK, LABEL_PT, MARGIN, MIN_HEIGHT, SMALL_PT, VALUE_PT, WHITE, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData

ROOF = 0.42
BEAM = 0.07
BASE = 0.07
GAP = 0.1  # between pillars
PAD = 0.06
NUMBER_PT = 14.0
INSET = 0.12  # pillars stand this far inside the roof's eaves
SIZES = (VALUE_PT, LABEL_PT, 8.0, SMALL_PT)


def draw_diagram(chart: ChartData, type: Typesetter) -> Canvas:
    n = len(chart.items)
    inner = WIDTH - 2 * MARGIN - 2 * INSET
    pillar_w = (inner - (n - 1) * GAP) / n
    size, labels = _fit(type, chart.items, pillar_w - 2 * PAD)
    text_h = max(type.height(len(lines), size) for lines in labels)
    content = type.height(1, NUMBER_PT) + text_h
    needed = ROOF + BEAM + content + 2 * PAD + 2 * BASE + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    pillar_h = canvas.height - 2 * MARGIN - ROOF - BEAM - 2 * BASE
    _roof(canvas, chart, MARGIN)
    y = MARGIN + ROOF + BEAM
    for i, lines in enumerate(labels):
        x = MARGIN + INSET + i * (pillar_w + GAP)
        _pillar(canvas, (x, y, pillar_w, pillar_h), i + 1, lines, size, content)
    _base(canvas, y + pillar_h)
    return canvas


def _fit(type: Typesetter, items: tuple[str, ...], width: float) -> tuple[float, list[list[str]]]:
    """The largest size at which every item's longest word fits the shaft, and the lines."""
    for size in SIZES:
        labels = [type.wrap(item, width, size, bold=True) for item in items]
        if all(type.width(line, size, True) <= width for lines in labels for line in lines):
            break
    return size, labels


def _roof(canvas: Canvas, chart: ChartData, y: float) -> None:
    """A low pediment and its beam; the model may name the roof (words["roof"])."""
    left, right, middle = MARGIN, WIDTH - MARGIN, WIDTH / 2
    canvas.polygon([(left, y + ROOF), (middle, y), (right, y + ROOF)], BLUE_DARK)
    canvas.rect(left, y + ROOF, right - left, BEAM, BLUE)
    roof = (chart.words or {}).get("roof")
    if roof:
        y += ROOF * 0.62
        canvas.text(middle, y, roof, LABEL_PT, bold=True, color=WHITE, ha="center", va="center")


def _pillar(
    canvas: Canvas, box: tuple[float, float, float, float], number: int, lines: list[str],
    size: float, content: float,
) -> None:
    """A tinted shaft, its number and its words, the tallest text centred in the shaft."""
    x, y, w, h = box
    canvas.rect(x, y, w, h, BLUE_TINT)
    top = y + (h - content) / 2
    canvas.text(x + w / 2, top, str(number), NUMBER_PT, bold=True, color=BLUE, ha="center")
    below = top + canvas.type.height(1, NUMBER_PT)
    canvas.text(x + w / 2, below, "\n".join(lines), size, bold=True, color=INK, ha="center")


def _base(canvas: Canvas, y: float) -> None:
    """Two steps, the lower one wider."""
    canvas.rect(MARGIN + INSET / 2, y, WIDTH - 2 * MARGIN - INSET, BASE, BLUE)
    canvas.rect(MARGIN, y + BASE, WIDTH - 2 * MARGIN, BASE, BLUE_DARK)
