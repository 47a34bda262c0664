"""Charts recorded as Pictures: every kind in both editions, text kept as text, deterministic, picklable."""
from __future__ import annotations

import pickle
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from briefgen.charts import draw, drawn_characters, texts
from briefgen.charts.picture import record
from briefgen.charts.render import render_picture
from briefgen.charts.style import font_paths
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData
from briefgen.model.picture import PathOp, Picture, TextOp
from briefgen.runtime import bundled_font_dir
from tests.charts.chart_samples import all_samples, stress_samples

ROOT = Path(__file__).resolve().parents[2]
FONTS = bundled_font_dir()
SAMPLES = all_samples()
IDS = [c.id for c in SAMPLES]
STRESS = stress_samples()
TOLERANCE = 0.5  # points, as charts.layout forgives
ASCENT, DESCENT = 0.88, 0.12  # Noto Sans SC's em box above and below the baseline, in ems


@cache
def _recorded(chart_id: str) -> Picture:
    return render_picture(next(c for c in SAMPLES + STRESS if c.id == chart_id), FONTS)


def picture(chart: ChartData) -> Picture:
    """The chart recorded once per test session (ChartData holds a dict: not hashable)."""
    return _recorded(chart.id)


def lines_shown(chart: ChartData) -> Counter[str]:
    """Every non-empty line of the text artists the SVG and PNG draw, as it copies out of the PDF
    (a no-break space as a space)."""
    artists = texts(draw(chart, FONTS))
    return Counter(line.replace("\u00a0", " ") for t in artists for line in t.get_text().split("\n") if line.strip())


@pytest.mark.parametrize("chart", SAMPLES + STRESS, ids=IDS + [c.id for c in STRESS])
def test_text_ops_carry_exactly_the_drawn_lines(chart: ChartData) -> None:
    pic = picture(chart)
    assert Counter(op.text for op in pic.texts()) == lines_shown(chart)
    recorded = {c for op in pic.texts() for c in op.text if not c.isspace()}
    assert recorded == {c for line in lines_shown(chart) for c in line if not c.isspace()}
    assert recorded >= drawn_characters(chart, FONTS)


@pytest.mark.parametrize("chart", [c for c in SAMPLES if c.kind == "tiles"], ids=lambda c: f"{c.id}-{c.locale}")
def test_tile_figures_are_text_not_outlines(chart: ChartData) -> None:
    numbers = {op.text for op in picture(chart).texts() if op.size > 12}
    assert numbers, "a tile's big number is a TextOp"
    assert {Typesetter.spaced(d.number) for d in chart.data} <= numbers


@pytest.mark.parametrize("chart", [c for c in SAMPLES if c.locale == "en"], ids=lambda c: f"{c.id}-{c.locale}")
def test_english_charts_use_the_english_faces(chart: ChartData) -> None:
    lines: dict[str, list[Text]] = {}
    for artist in texts(draw(chart, FONTS)):
        lines.setdefault(str(artist.get_label()), []).append(artist)
    for block in lines.values():  # a block is set in one face: Chinese if any of its lines is
        chinese = any(re.search(r"[\u3400-\u9fff]", artist.get_text()) for artist in block)
        for artist in block:
            assert ("SC" in Path(artist.get_fontproperties().get_file()).name) == chinese, artist.get_text()
    ops = picture(chart).texts()
    assert all(not op.latin for op in ops if re.search(r"[\u3400-\u9fff]", op.text))
    assert any(op.latin for op in ops)


@pytest.mark.parametrize("chart", [c for c in SAMPLES if c.locale == "zh"], ids=lambda c: f"{c.id}-{c.locale}")
def test_chinese_charts_use_the_chinese_faces(chart: ChartData) -> None:
    assert not any(op.latin for op in picture(chart).texts())


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_picture_is_the_figure_size_with_shapes_and_text(chart: ChartData) -> None:
    pic = picture(chart)
    width, height = draw(chart, FONTS).get_size_inches() * 72
    assert (pic.width, pic.height) == (pytest.approx(width), pytest.approx(height))
    assert pic.paths() and pic.texts()
    assert all(op.fill is not None or op.stroke is not None for op in pic.paths())
    assert {op.bold for op in pic.texts()} <= {False, True}


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_text_boxes_lie_inside_the_picture(chart: ChartData) -> None:
    pic = picture(chart)
    for op in pic.texts():
        assert op.angle == 0
        assert -TOLERANCE <= op.x and op.x + op.width <= pic.width + TOLERANCE, op
        assert -TOLERANCE <= op.y - DESCENT * op.size, op
        assert op.y + ASCENT * op.size <= pic.height + TOLERANCE, op


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_runs_rebuild_the_line_in_order(chart: ChartData) -> None:
    for op in picture(chart).texts():
        pieces = op.pieces()
        assert "".join(text for _, text in pieces) == op.text
        offsets = [offset for offset, _ in pieces]
        assert offsets == sorted(offsets) and all(text for _, text in pieces)
        assert 0 < op.width


def test_kerned_english_lines_have_runs_and_chinese_ones_do_not() -> None:
    english = [op for c in SAMPLES if c.locale == "en" for op in picture(c).texts()]
    assert any(op.runs for op in english if op.text.startswith("To"))  # the T-o pair is kerned
    han = [op for c in SAMPLES if c.locale == "zh" for op in picture(c).texts()
           if re.fullmatch(r"[\u4e00-\u9fff]+", op.text)]
    assert han and not any(op.runs for op in han)  # square glyphs: nothing to kern


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_recording_is_deterministic_and_pickles(chart: ChartData) -> None:
    pic = render_picture(chart, FONTS)
    assert render_picture(chart, FONTS) == pic
    data = pickle.dumps(pic, protocol=5)
    assert pickle.loads(data) == pic
    assert pickle.dumps(render_picture(chart, FONTS), protocol=5) == data


def _figure() -> Figure:
    fig = Figure(figsize=(2, 1), dpi=72)
    fig.add_axes((0, 0, 1, 1)).set_axis_off()
    return fig


def test_renderer_mixes_alpha_on_white_and_turns_quadratics_cubic() -> None:
    fig = _figure()
    curve = MplPath([(10, 10), (50, 60), (90, 10)], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
    fig.add_artist(PathPatch(curve, facecolor=(0, 0, 1, 0.5), edgecolor="none", transform=None))
    ops = record(fig, {}).paths()
    shape = ops[-1]
    assert shape.fill == (0.5, 0.5, 1.0) and shape.stroke is None
    assert [kind for kind, _ in shape.segments] == ["moveto", "curveto"]
    cubic = (10 + 80 / 3, 10 + 100 / 3, 90 - 80 / 3, 10 + 100 / 3, 90, 10)
    assert shape.segments[1][1] == pytest.approx(cubic, abs=1e-3)


def test_renderer_keeps_dashes_caps_and_clip_rectangles() -> None:
    fig = _figure()
    line = Line2D([0, 144], [36, 36], color="#ff0000", linewidth=2, linestyle="--",
                  dash_capstyle="round", transform=None)
    fig.add_artist(line)
    box = Rectangle((0, 0), 144, 72, facecolor="#00ff00", transform=None)
    box.set_clip_box(Bbox.from_bounds(10, 10, 50, 20))
    fig.add_artist(box)
    ops = record(fig, {}).paths()
    (stroke,) = [op for op in ops if op.stroke == (1.0, 0.0, 0.0)]
    (fill,) = [op for op in ops if op.fill == (0.0, 1.0, 0.0)]
    assert stroke.line_width == 2 and stroke.line_cap == "round" and stroke.dash and stroke.fill is None
    assert fill.clip == (10, 10, 50, 20) and stroke.clip is None


def test_text_in_another_font_falls_back_to_outlines() -> None:
    faces = {path: (bold, False) for bold, path in font_paths(FONTS).items()}
    fig = _figure()
    fig.text(0.1, 0.5, "DejaVu")  # matplotlib's default font: not one the PDF embeds
    outlined = record(fig, faces)
    assert outlined.texts() == [] and len(outlined.paths()) == 2  # the background and the outlines

    fig = _figure()
    fig.text(0.1, 0.5, "中文", fontproperties={"fname": str(font_paths(FONTS)[True])})
    (op,) = record(fig, faces).texts()
    assert isinstance(op, TextOp) and op.text == "中文" and op.bold


def test_record_needs_72_dpi() -> None:
    with pytest.raises(ValueError, match="72 dpi"):
        record(Figure(figsize=(1, 1), dpi=100), {})


def test_model_imports_neither_matplotlib_nor_reportlab() -> None:
    source = (ROOT / "src" / "briefgen" / "model" / "picture.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) (matplotlib|reportlab)", source, re.M)
    assert isinstance(PathOp(()), PathOp)


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_lines_of_a_label_are_one_pitch_apart_whatever_their_letters(chart: ChartData) -> None:
    """Lines that start at one x in one size and follow each other are LINESPACING x size apart
    in the PDF, as the layouts assume: not further for a line without descenders."""
    from briefgen.charts.style import LINESPACING

    columns: dict[tuple[float, float, bool], list[float]] = {}
    for op in picture(chart).texts():
        columns.setdefault((round(op.x, 2), op.size, op.bold), []).append(op.y)
    for (_, size, _), ys in columns.items():
        pitch = LINESPACING * size
        steps = [a - b for a, b in zip(sorted(ys, reverse=True), sorted(ys, reverse=True)[1:])]
        assert all(abs(step - pitch) < 0.01 for step in steps if step < 1.5 * pitch), (size, steps)
