"""Draw a localized chart: deterministic SVG or PNG bytes, or a Picture for the PDF."""
from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from briefgen.charts.canvas import Canvas
from briefgen.charts.kinds.bars import draw_bars
from briefgen.charts.kinds.compare import draw_compare
from briefgen.charts.kinds.diagram import draw_diagram
from briefgen.charts.kinds.pictogram import draw_pictogram
from briefgen.charts.kinds.progress import draw_progress
from briefgen.charts.kinds.share import draw_share
from briefgen.charts.kinds.tiles import draw_tiles
from briefgen.charts.kinds.timeline import draw_timeline
from briefgen.charts.picture import record
from briefgen.charts.style import RC, WIDTH, font_paths
from briefgen.charts.typeset import Typesetter
from briefgen.i18n.words import known_words
from briefgen.model.document import ChartData
from briefgen.model.picture import Picture

KINDS: dict[str, Callable[[ChartData, Typesetter], Canvas]] = {
    "bars": draw_bars,
    "tiles": draw_tiles,
    "progress": draw_progress,
    "compare": draw_compare,
    "share": draw_share,
    "pictogram": draw_pictogram,
    "timeline": draw_timeline,
    "diagram": draw_diagram,
}


# The ChartData field each kind draws from; it must not be empty.
NEEDS = {"progress": "pairs", "compare": "pairs", "timeline": "items", "diagram": "items"}


def _needs(chart: ChartData) -> str:
    """The field `chart` draws from: a share chart takes percentages or (part, whole) pairs."""
    if chart.kind == "share" and chart.pairs and not chart.data:
        return "pairs"
    return NEEDS.get(chart.kind, "data")


def draw(chart: ChartData, font_dir: Path) -> Figure:
    """The chart's figure, WIDTH inches wide at 72 dpi (1 pixel = 1 point at print size)."""
    if chart.kind not in KINDS:
        known = ", ".join(KINDS)
        raise ValueError(f"chart {chart.id!r}: unknown kind {chart.kind!r} (one of {known})")
    field = _needs(chart)
    if not getattr(chart, field):
        raise ValueError(f"chart {chart.id!r}: a {chart.kind} chart needs {field}, and has none")
    with rc_context(RC), known_words(chart.chinese_terms):
        return KINDS[chart.kind](chart, typesetter(chart.locale, font_dir)).fig


def typesetter(locale: str, font_dir: Path) -> Typesetter:
    """Chinese charts in Noto Sans SC; others in Noto Sans, as their text is (Chinese text in
    them, such as an untranslated fallback, stays in Noto Sans SC)."""
    latin = font_paths(font_dir, latin=True) if locale != "zh" else None
    return Typesetter(font_paths(font_dir), locale, latin)


def render_svg(chart: ChartData, font_dir: Path) -> bytes:
    """The chart as SVG with text as outlines; identical input gives identical bytes."""
    with rc_context(RC):
        fig = draw(chart, font_dir)
        out = BytesIO()
        FigureCanvasSVG(fig)
        fig.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def render_png(chart: ChartData, font_dir: Path, width_px: int = 1600) -> bytes:
    """The chart as a PNG `width_px` pixels wide on white."""
    with rc_context(RC):
        fig = draw(chart, font_dir)
        out = BytesIO()
        dpi = (width_px + 0.5) / WIDTH  # rounding must not lose the last pixel column
        FigureCanvasAgg(fig)
        fig.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    return out.getvalue()


def render_picture(chart: ChartData, font_dir: Path) -> Picture:
    """The chart as a display list for the PDF: the figure the SVG and PNG show, its text kept
    as text in the chart fonts' faces (regular and bold, Chinese and Latin)."""
    with rc_context(RC):
        fig = draw(chart, font_dir)
        faces = {path: (bold, latin) for latin in (False, True)
                 for bold, path in font_paths(font_dir, latin).items()}
        return record(fig, faces)
