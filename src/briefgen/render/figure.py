"""Charts in the PDF: the chart's Picture replayed as vector paths and real text, with its title, caption and source note."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Spacer

from briefgen.model.document import ChartData, Span
from briefgen.model.picture import Picture
from briefgen.render.picture import PictureFlowable
from briefgen.render.styles import Typography
from briefgen.render.tagging import tag
from briefgen.render.text import plain_block, text_block


def figure(chart: ChartData, picture: Picture | Callable[[], Picture], width: float, typo: Typography, label: str,
           source_line: str) -> Flowable:
    """Title above, chart, then the one-sentence description and the source; kept on one page.

    `picture` may be a function that returns the Picture: it is called when the figure is first
    measured, so the chart may still be drawing while the text before it is laid out."""
    locale = chart.locale
    title = text_block([Span(f"{label}  ", bold=True), Span(chart.title, bold=True)], typo.h3, locale,
                       align="left", space_before=0, space_after=4)
    caption = tag(plain_block(chart.description, typo.caption, locale, align="left"), "Caption", (0,))
    source = plain_block(source_line, typo.note, locale, align="left")
    return KeepTogether([Spacer(0, 8), title, tag(PictureFlowable(picture, width), "Figure", (0,), alt=chart.alt_text()), Spacer(0, 4), caption, source,
                         Spacer(0, 10)])
