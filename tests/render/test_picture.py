"""Charts replayed into a PDF: text stays text in the embedded Sans faces, placed where matplotlib put it."""
from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate

from briefgen.charts.render import render_picture
from briefgen.model.document import ChartData
from briefgen.model.picture import PathOp, Picture, Segment, TextOp
from briefgen.render.fonts import register_fonts
from briefgen.render.picture import FACES, PictureFlowable
from briefgen.runtime import bundled_font_dir
from tests.charts.chart_samples import all_samples

ROOT = Path(__file__).resolve().parents[2]
FONTS = bundled_font_dir()
SAMPLES = all_samples()
IDS = [c.id for c in SAMPLES]
WIDTH = 400.0  # narrower than the chart's 453.6 points: the flowable scales


@pytest.fixture(autouse=True, scope="module")
def fonts() -> None:
    register_fonts(FONTS)


def pdf_of(picture: Picture) -> bytes:
    """A one-page PDF holding the replayed picture; the page starts in Sans, not Helvetica."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, invariant=1, initialFontName="Sans", title="", author="")
    doc.build([PictureFlowable(picture, WIDTH)])
    return buffer.getvalue()


def page_stream(pdf: bytes) -> bytes:
    return PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()  # type: ignore[union-attr]


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_chart_text_can_be_searched_and_copied(chart: ChartData) -> None:
    picture = render_picture(chart, FONTS)
    pdf = pdf_of(picture)
    extracted = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    flat = "".join(extracted.split())  # the extractor joins lines on one baseline its own way
    missing = [op.text for op in picture.texts() if "".join(op.text.split()) not in flat]
    assert not missing, extracted


@pytest.mark.parametrize("chart", [c for c in SAMPLES if c.id.startswith(("overview", "targets"))], ids=lambda c: c.id)
def test_fonts_are_the_embedded_sans_faces_only(chart: ChartData) -> None:
    pdf = pdf_of(render_picture(chart, FONTS))
    assert b"Helvetica" not in pdf
    resources: Any = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    fonts = resources["/Font"]
    names = set()
    for ref in fonts.values():
        font = ref.get_object()
        names.add(str(font["/BaseFont"]).split("+")[-1])
        assert "/FontFile2" in font["/FontDescriptor"]  # TrueType, embedded (subset)
    faces = {"NotoSansSC-Regular", "NotoSansSC-Bold"} if chart.locale == "zh" else {"NotoSans-Regular", "NotoSans-Bold"}
    assert faces <= names <= {"NotoSansSC-Regular", "NotoSansSC-Bold", "NotoSans-Regular", "NotoSans-Bold"}


@pytest.mark.parametrize("chart", SAMPLES[:3], ids=IDS[:3])
def test_same_picture_gives_same_bytes(chart: ChartData) -> None:
    picture = render_picture(chart, FONTS)
    assert pdf_of(picture) == pdf_of(picture)


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_lines_end_where_the_chart_ends_them(chart: ChartData) -> None:
    """Right-aligned labels stay right-aligned: drawn without kerning, each line's last run
    still ends within a tenth of a point of matplotlib's kerned line."""
    for op in render_picture(chart, FONTS).texts():
        offset, last = op.pieces()[-1]
        end = offset + stringWidth(last, FACES[op.latin, op.bold], op.size)
        assert end == pytest.approx(op.width, abs=0.1), op


def test_flowable_scales_to_its_width() -> None:
    picture = Picture(200.0, 100.0, ())
    flowable = PictureFlowable(picture, 50.0)
    assert flowable.wrap(500, 500) == (50.0, 25.0)
    assert flowable.hAlign == "CENTER"


def test_replay_writes_clips_dashes_non_zero_fills_and_turned_text() -> None:
    square: tuple[Segment, ...] = (("moveto", (10.0, 10.0)), ("lineto", (60.0, 10.0)), ("lineto", (60.0, 60.0)), ("closepath", ()))
    ops = (
        PathOp(square, fill=(0.0, 0.4471, 0.698), clip=(0.0, 0.0, 30.0, 30.0)),
        PathOp(square, stroke=(1.0, 0.0, 0.0), line_width=2.0, line_cap="round", dash=(3.0, 1.0)),
        TextOp("Turned 转", 100.0, 20.0, 9.0, bold=True, rgb=(0.1, 0.1, 0.1), angle=90.0, width=40.0),
        TextOp("Total", 120.0, 20.0, 9.0, width=20.0, runs=((1, 4.7),)),
    )
    pdf = pdf_of(Picture(200.0, 100.0, ops))
    stream = page_stream(pdf).decode("latin-1")
    assert stream.count(" re W") == 2  # the picture's frame and the path's clip rectangle
    assert re.search(r"\[3 1\] 0(\.0)? d", stream) and "1 J" in stream and "2 w" in stream
    assert re.search(r"^f$", stream, re.M) and "f*" not in stream  # filled by the non-zero rule
    c, s = math.cos(math.radians(90)), math.sin(math.radians(90))
    assert f"{c:.0f} {s:.0f} {-s:.0f} {c:.0f} 100 20 Tm" in stream
    assert "4.7 0 Td" in stream  # the kerned run starts where the chart put it
    extracted = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Total" in extracted and "Turned 转" in extracted


def test_replay_sets_each_colour_once() -> None:
    dots = tuple(
        PathOp((("moveto", (x, 5.0)), ("lineto", (x + 2, 5.0)), ("lineto", (x + 2, 7.0)), ("closepath", ())),
               fill=(0.9, 0.6, 0.0))
        for x in range(0, 100, 4)
    )
    stream = page_stream(pdf_of(Picture(100.0, 10.0, dots))).decode("latin-1")
    assert stream.count(" rg") == 1
