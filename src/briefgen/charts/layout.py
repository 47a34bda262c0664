"""Inspect a drawn chart: its text artists, their sizes, clipping, overlaps and characters."""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

from matplotlib import rc_context
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox, BboxBase

from briefgen.charts.render import draw
from briefgen.charts.style import RC
from briefgen.charts.typeset import line_slot
from briefgen.model.document import ChartData

TOLERANCE = 0.5  # points of overlap or overhang forgiven (rounding, anti-aliasing)


def texts(fig: Figure) -> list[Text]:
    """Every visible, non-empty text artist of `fig`."""
    found = fig.findobj(lambda a: isinstance(a, Text))
    return [t for t in found if isinstance(t, Text) and t.get_visible() and t.get_text().strip()]


def blocks(fig: Figure) -> list[tuple[str, Bbox]]:
    """Each text block of `fig` (canvas.text draws one artist per line) and the box it is laid
    out in, in points from the bottom left: its lines' extents across, their slots up and down
    (typeset.line_slot), as the layouts reserve room for them."""
    with rc_context(RC):
        renderer = FigureCanvasAgg(fig).get_renderer()
        grouped: dict[str, list[Text]] = {}
        for t in texts(fig):
            grouped.setdefault(str(t.get_label() or id(t)), []).append(t)
        return [("\n".join(t.get_text() for t in lines), Bbox.union([_slot(t, renderer) for t in lines]))
                for lines in grouped.values()]


def _slot(t: Text, renderer: RendererBase) -> Bbox:
    ink = t.get_window_extent(renderer)
    baseline = t.get_transform().transform(t.get_position())[1]
    above, below = line_slot(Path(str(t.get_fontproperties().get_file())), t.get_fontsize())
    return Bbox.from_extents(ink.x0, baseline - below, ink.x1, baseline + above)


def check_layout(chart: ChartData, font_dir: Path) -> list[str]:
    """Problems found by drawing `chart`: text outside the figure, text overlapping text."""
    fig = draw(chart, font_dir)
    boxes = blocks(fig)
    clipped = [s for s, box in boxes if _outside(box, fig.bbox)]
    problems = [f"{chart.id}: {s!r} is clipped by the figure edge" for s in clipped]
    for (s1, b1), (s2, b2) in combinations(boxes, 2):
        if _overlap(b1, b2):
            problems.append(f"{chart.id}: {s1!r} overlaps {s2!r}")
    return problems


def drawn_characters(chart: ChartData, font_dir: Path) -> set[str]:
    """Every character the chart draws (all must be in the bundled font)."""
    fig = draw(chart, font_dir)
    return {c for t in texts(fig) for c in t.get_text() if not c.isspace()}


def text_sizes(chart: ChartData, font_dir: Path) -> list[float]:
    """The size in points of every text drawn (the figure is drawn at print size)."""
    return [float(t.get_fontsize()) for t in texts(draw(chart, font_dir))]


def _outside(box: BboxBase, frame: BboxBase) -> bool:
    return (
        box.x0 < frame.x0 - TOLERANCE
        or box.y0 < frame.y0 - TOLERANCE
        or box.x1 > frame.x1 + TOLERANCE
        or box.y1 > frame.y1 + TOLERANCE
    )


def _overlap(a: Bbox, b: Bbox) -> bool:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width > TOLERANCE and height > TOLERANCE
