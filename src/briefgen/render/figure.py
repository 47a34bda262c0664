"""Charts in the PDF: the SVG drawn as vector graphics, with its title, caption and source note."""
from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Spacer
from svglib.svglib import svg2rlg

from briefgen.model.document import ChartData, Span
from briefgen.render.styles import Typography
from briefgen.render.text import plain_block, text_block


def drawing(svg: bytes, width: float) -> Drawing:
    """The SVG as a ReportLab drawing scaled to `width` points."""
    shape = svg2rlg(io.BytesIO(svg))
    if shape is None:
        raise ValueError("chart SVG could not be read")
    scale = width / shape.width
    shape.width, shape.height = shape.width * scale, shape.height * scale
    shape.scale(scale, scale)
    shape.hAlign = "CENTER"
    return shape


def figure(chart: ChartData, svg: bytes, width: float, typo: Typography, label: str, source_line: str) -> Flowable:
    """Title above, drawing, then the one-sentence description and the source; kept on one page."""
    locale = chart.locale
    title = text_block([Span(f"{label}  ", bold=True), Span(chart.title, bold=True)], typo.h3, locale,
                       align="left", space_before=0, space_after=4)
    caption = plain_block(chart.description, typo.caption, locale, align="left")
    source = plain_block(source_line, typo.note, locale, align="left")
    return KeepTogether([Spacer(0, 8), title, drawing(svg, width), Spacer(0, 4), caption, source, Spacer(0, 10)])
