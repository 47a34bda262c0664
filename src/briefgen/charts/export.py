"""A chart on its own, ready to post: its title above, the source and the brief's name below,
as SVG (with <title> and <desc>) or PNG (1600 px wide, or a 1080 x 1080 square)."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.render import KINDS, _needs, typesetter
from briefgen.charts.style import BLUE, INK, MUTED, RC, SMALL_PT, WIDTH
from briefgen.model.document import ChartData

TITLE_PT = 12.0
PAD = 0.22  # inches around the whole export
RULE_GAP = 0.1
WIDE_PX = 1600
SQUARE_PX = 1080
FORMATS = ("svg", "png", "square")  # `briefgen charts --format`


@dataclass(frozen=True)
class Framing:
    """The words around an exported chart, in the chart's language."""

    source_line: str  # "来源：2024年政府工作报告", "Source: ..."
    brief: str  # the brief's name: "政府工作报告摘编"


def export(chart: ChartData, font_dir: Path, framing: Framing, fmt: str) -> bytes:
    """The chart framed for posting, as `fmt` ("svg", "png" or "square") bytes; deterministic."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r} (one of {', '.join(FORMATS)})")
    with rc_context(RC):
        fig = _framed(chart, font_dir, framing, square=fmt == "square")
        out = BytesIO()
        if fmt == "svg":
            FigureCanvasSVG(fig)
            fig.savefig(out, format="svg", metadata=_svg_metadata(chart))
            return _titled_svg(out.getvalue(), chart)
        side = SQUARE_PX if fmt == "square" else WIDE_PX
        FigureCanvasAgg(fig)
        dpi = (side + 0.5) / fig.get_figwidth()  # rounding must not lose the last pixel column
        fig.savefig(out, format="png", dpi=dpi, metadata=_png_metadata(chart, framing))
        return out.getvalue()


def _framed(chart: ChartData, font_dir: Path, framing: Framing, square: bool) -> Figure:
    """The chart's own canvas, grown by a title band above and a footer below (in inches)."""
    if chart.kind not in KINDS or not getattr(chart, _needs(chart)):
        raise ValueError(f"chart {chart.id!r}: nothing to export")
    type = typesetter(chart.locale, font_dir)
    canvas = KINDS[chart.kind](chart, type)
    side = WIDTH + 2 * PAD
    title = type.wrap(chart.title, WIDTH, TITLE_PT, bold=True)
    head = type.height(len(title), TITLE_PT) + RULE_GAP * 2
    foot = RULE_GAP + type.height(2, SMALL_PT)
    natural = PAD + head + canvas.height + foot + PAD
    height = max(natural, side) if square else natural
    _place(canvas, side, height, PAD + head + (height - natural) / 2)
    frame = _frame_canvas(canvas, side, height)
    frame.text(PAD, PAD, "\n".join(title), TITLE_PT, bold=True, color=INK)
    rule = PAD + type.height(len(title), TITLE_PT) + RULE_GAP
    frame.line([PAD, PAD + 0.6], [rule, rule], BLUE, 2.0)
    bottom = height - PAD
    frame.text(PAD, bottom, f"{framing.source_line}\n{framing.brief}", SMALL_PT, color=MUTED, va="bottom")
    return canvas.fig


def _place(canvas: Canvas, width: float, height: float, top: float) -> None:
    """Resize the chart's figure to width x height inches, its drawing `top` inches down and
    centred across; the drawing keeps its size (its axes are measured in inches)."""
    fig = canvas.fig
    fig.set_size_inches(width, height)
    left = (width - canvas.width) / 2
    canvas.ax.set_position((left / width, 1 - (top + canvas.height) / height, canvas.width / width,
                            canvas.height / height))


def _frame_canvas(chart: Canvas, width: float, height: float) -> Canvas:
    """A second, full-size frameless axes in inches on the same figure, for the frame's words."""
    ax = chart.fig.add_axes((0, 0, 1, 1), zorder=-1)
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    ax.patch.set_visible(False)
    return Canvas(chart.fig, ax, chart.type, height, width)


def _svg_metadata(chart: ChartData) -> dict[str, str | None]:
    return {"Title": chart.title, "Description": chart.description, "Language": chart.locale,
            "Creator": "briefgen", "Date": None, "Format": None, "Type": None}


def _png_metadata(chart: ChartData, framing: Framing) -> dict[str, str | None]:
    return {"Title": chart.title, "Description": chart.description, "Source": framing.source_line,
            "Software": None}


_ROOT = re.compile(rb"<svg\b[^>]*>")
_OWN_TITLE = re.compile(rb"\A\s*<title>[^<]*</title>")


def _titled_svg(svg: bytes, chart: ChartData) -> bytes:
    """The SVG with its own <title> and <desc> (what screen readers and search engines read) as
    the first children of the root, the root marked as one image in the chart's language."""
    found = _ROOT.search(svg)
    if found is None:
        raise ValueError("matplotlib wrote an SVG without a root element")
    root = found.group(0)
    marked = root[:-1] + (f' role="img" aria-labelledby="chart-title chart-desc" xml:lang="{chart.locale}"'
                          f' lang="{chart.locale}">').encode()
    title = html.escape(chart.title, quote=False)
    desc = html.escape(chart.description, quote=False)
    words = f'\n <title id="chart-title">{title}</title>\n <desc id="chart-desc">{desc}</desc>'.encode()
    rest = _OWN_TITLE.sub(b"", svg[found.end():], count=1)  # matplotlib's, from the metadata
    return svg[: found.start()] + marked + words + rest
