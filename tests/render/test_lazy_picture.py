"""A figure whose chart is still being drawn: its Picture is asked for only when the figure is laid out."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.platypus import SimpleDocTemplate

from briefgen.model.picture import PathOp, Picture, TextOp
from briefgen.render.fonts import register_fonts
from briefgen.render.picture import PictureFlowable
from briefgen.runtime import bundled_font_dir

FONTS = bundled_font_dir()
PICTURE = Picture(200.0, 100.0, (
    PathOp((("moveto", (10.0, 10.0)), ("lineto", (60.0, 10.0)), ("lineto", (60.0, 60.0)), ("closepath", ())),
           fill=(0.0, 0.4471, 0.698)),
    TextOp("增长 4.1%", 20.0, 70.0, 9.0, width=40.0),
))


@pytest.fixture(autouse=True, scope="module")
def fonts() -> None:
    register_fonts(FONTS)


class Source:
    """Hands out the picture and counts how often it was asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Picture:
        self.calls += 1
        return PICTURE


def pdf_of(flowable: PictureFlowable) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1, initialFontName="Sans", title="", author="").build([flowable])
    return buffer.getvalue()


def test_the_picture_is_asked_for_at_layout_once() -> None:
    source = Source()
    flowable = PictureFlowable(source, 50.0)
    assert source.calls == 0
    assert flowable.wrap(500, 500) == (50.0, 25.0)
    assert flowable.wrap(500, 500) == (50.0, 25.0)
    assert source.calls == 1 and flowable.hAlign == "CENTER"


def test_a_lazy_picture_gives_the_same_pdf_as_a_given_one() -> None:
    assert pdf_of(PictureFlowable(Source(), 120.0)) == pdf_of(PictureFlowable(PICTURE, 120.0))
