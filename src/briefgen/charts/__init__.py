"""Infographics: draw a localized ChartData with matplotlib as deterministic SVG or PNG.

Every kind is laid out by hand in inches on one frameless axes (``canvas``) at print size,
so point sizes are the sizes on paper. The chart's title and source are not drawn: the PDF
renderer prints them as caption and note.
"""
from __future__ import annotations

from briefgen.charts.layout import blocks, check_layout, drawn_characters, text_sizes, texts
from briefgen.charts.render import KINDS, draw, render_png, render_svg

__all__ = [
    "KINDS",
    "blocks",
    "check_layout",
    "draw",
    "drawn_characters",
    "render_png",
    "render_svg",
    "text_sizes",
    "texts",
]
