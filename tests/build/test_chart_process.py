"""The chart process: pictures stream to the layout as they are drawn, errors come back as raised,
and no process outlives the build."""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.build.edition import Edition, EditionResult, build_edition
from briefgen.build.pictures import ChartPictures, Draw, start_chart_sets, start_charts, story_order
from briefgen.content.loader import load_brief
from briefgen.content.model import Brief, Chart
from briefgen.model.document import ChartData
from briefgen.model.picture import Picture
from briefgen.runtime import bundled_font_dir
from tests.build.conftest import EPOCH, ROOT
from tests.charts.chart_samples import all_samples

FONTS = bundled_font_dir()
CHARTS = [c for c in all_samples() if c.locale == "zh"][:3]


def start(charts: list[ChartData], cache: Path, background: bool = True, draw: Draw | None = None) -> ChartPictures:
    return start_charts(charts, cache, FONTS, "test", background=background, draw=draw)


def no_chart_process_left() -> bool:
    return not [p for p in multiprocessing.active_children() if p.name == "briefgen-charts"]


class Awkward(Exception):
    """An error that pickles but cannot be rebuilt from its args."""

    def __init__(self, chart: str, why: str) -> None:
        super().__init__(f"{chart}: {why}")


# Drawing functions for the chart process: it is started fresh (spawn), so it imports them by name
def draws_awkwardly(chart: ChartData, font_dir: Path) -> Picture:
    raise Awkward(chart.id, "broken")


def dies(chart: ChartData, font_dir: Path) -> Picture:
    os._exit(3)


def sleeps(chart: ChartData, font_dir: Path) -> Picture:
    time.sleep(600)
    raise AssertionError("not reached")


def test_pictures_drawn_in_the_background_equal_those_drawn_here(tmp_path: Path) -> None:
    here = start(CHARTS, tmp_path / "here", background=False)
    there = start(CHARTS, tmp_path / "there")
    try:
        assert there.process is not None
        for chart in reversed(CHARTS):  # asked for out of order: the later ones wait in the pipe
            assert there[chart.id] == here[chart.id]
        assert there.finish() == here.finish() == len(CHARTS)
    finally:
        there.close()
    assert no_chart_process_left()
    assert len(list((tmp_path / "there").glob("*.json"))) == len(CHARTS)


def draws_chinese_only(chart: ChartData, font_dir: Path) -> Picture:
    from briefgen.charts.render import render_picture

    if chart.locale != "zh":
        time.sleep(600)
    return render_picture(chart, font_dir)


ENGLISH = [c for c in all_samples() if c.locale == "en"][:2]


def test_one_chart_process_draws_every_language_in_turn(tmp_path: Path) -> None:
    """Two languages, one process: the first language's charts come first, and its edition does
    not wait for the second's (here never drawn) to finish."""
    here = start(CHARTS, tmp_path / "here", background=False)
    sets = start_chart_sets({"zh": CHARTS, "en": ENGLISH}, tmp_path / "there", FONTS, "test", True,
                            draw=draws_chinese_only)
    try:
        assert sets["zh"].stream is sets["en"].stream and sets["zh"].process is not None
        assert len([p for p in multiprocessing.active_children() if p.name == "briefgen-charts"]) == 1
        assert sets["zh"].finish() == len(CHARTS)
        assert dict(sets["zh"]) == dict(here)
        assert sets["en"].pending == {c.id for c in ENGLISH}
    finally:
        sets["en"].close()
    assert no_chart_process_left()


def test_a_warm_build_starts_no_process_and_never_imports_matplotlib(tmp_path: Path) -> None:
    start(CHARTS, tmp_path, background=False).finish()
    code = (
        "import sys; from pathlib import Path; from tests.build.test_chart_process import CHARTS, start\n"
        f"p = start(CHARTS, Path({str(tmp_path)!r}))\n"
        "assert p.process is None and p.finish() == 0 and len(p) == len(CHARTS)\n"
        "assert not [m for m in sys.modules if m.startswith('matplotlib')]\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_only_the_missing_charts_are_drawn(tmp_path: Path) -> None:
    start(CHARTS[:1], tmp_path, background=False).finish()
    pictures = start(CHARTS, tmp_path)
    try:
        assert CHARTS[0].id in pictures  # from the cache, at once
        assert pictures[CHARTS[2].id].ops
        assert pictures.finish() == 2
    finally:
        pictures.close()


def test_an_error_in_the_chart_process_is_raised_as_itself(tmp_path: Path) -> None:
    bad = dataclasses.replace(CHARTS[1], kind="no-such-kind")
    pictures = start([CHARTS[0], bad, CHARTS[2]], tmp_path)
    try:
        assert pictures[CHARTS[0].id].ops
        with pytest.raises(ValueError, match="unknown kind 'no-such-kind'") as raised:
            pictures[bad.id]
        assert any("chart process" in note for note in getattr(raised.value, "__notes__", []))
    finally:
        pictures.close()
    assert no_chart_process_left()


def test_an_error_is_raised_by_finish_when_no_figure_asked_for_the_chart(tmp_path: Path) -> None:
    bad = dataclasses.replace(CHARTS[0], kind="no-such-kind")
    pictures = start([bad], tmp_path)
    try:
        with pytest.raises(ValueError, match="unknown kind"):
            pictures.finish()
    finally:
        pictures.close()
    assert no_chart_process_left()


def test_an_error_that_cannot_be_rebuilt_comes_back_named(tmp_path: Path) -> None:
    pictures = start(CHARTS, tmp_path, draw=draws_awkwardly)
    try:
        with pytest.raises(RuntimeError, match=f"Awkward: {CHARTS[0].id}: broken"):
            pictures[CHARTS[0].id]
    finally:
        pictures.close()


def test_a_chart_process_that_dies_is_reported_not_waited_for(tmp_path: Path) -> None:
    pictures = start(CHARTS, tmp_path, draw=dies)
    try:
        with pytest.raises(RuntimeError, match="exit code 3"):
            pictures[CHARTS[1].id]
    finally:
        pictures.close()
    assert no_chart_process_left()


def test_close_stops_a_chart_process_still_drawing(tmp_path: Path) -> None:
    pictures = start(CHARTS, tmp_path, draw=sleeps)
    process = pictures.process
    assert process is not None and process.is_alive()
    pictures.close()  # what build_edition's finally does when the layout fails
    assert no_chart_process_left()
    assert pictures.stream is not None and pictures.stream.process is None and pictures.stream.inbox is None
    pictures.close()  # twice is harmless


def test_an_unknown_chart_is_a_key_error_not_a_wait(tmp_path: Path) -> None:
    pictures = start(CHARTS, tmp_path)
    try:
        with pytest.raises(KeyError):
            pictures["no-such-chart"]
        pictures.finish()
    finally:
        pictures.close()


def test_charts_are_drawn_in_the_order_the_story_shows_them() -> None:
    from briefgen.build.edition import localized

    document = localized(load_brief(ROOT / "content" / "henan-2024"), "zh")
    order = [c.id for c in story_order(document)]
    assert sorted(order) == sorted(c.id for c in document.charts())
    expected: list[str] = []
    for part in document.parts:
        sections = [s.chart.id for s in part.sections if s.chart]
        if part.chart:
            sections = [part.chart.id, *sections] if part.intro else [*sections, part.chart.id]
        expected += sections
    assert order == expected


@pytest.mark.parametrize("locale", ["zh-en"])
def test_charts_in_the_background_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      locale: str) -> None:
    """The bilingual edition, cold: streamed charts or charts drawn first, the PDF is the same;
    it draws every chart in both languages."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    brief = load_brief(ROOT / "content" / "henan-2024")
    pdfs = []
    for spare_core in (True, False):
        out = tmp_path / str(spare_core)
        edition = Edition(brief, locale, out / "brief.pdf", out / "cache", FONTS, "a4", False, "test", spare_core)
        result = build_edition(edition)
        assert result.charts_drawn == 2 * len(brief.charts())
        pdfs.append(edition.output.read_bytes())
    assert pdfs[0] == pdfs[1]
    assert no_chart_process_left()


def with_chart_kind(brief: Brief, chart_id: str, kind: str) -> Brief:
    """The brief with one chart's kind changed (to one the chart process cannot draw)."""
    def fix(chart: Chart | None) -> Chart | None:
        return dataclasses.replace(chart, kind=kind) if chart is not None and chart.id == chart_id else chart

    parts = tuple(dataclasses.replace(part, chart=fix(part.chart), sections=tuple(
        dataclasses.replace(section, chart=fix(section.chart)) for section in part.sections)) for part in brief.parts)
    return dataclasses.replace(brief, parts=parts)


def test_a_build_fails_with_the_chart_process_error_as_raised(tmp_path: Path) -> None:
    """Not ReportLab's renamed copy of it ("... raised by KeepTogether ..."); no PDF, no process left."""
    brief = with_chart_kind(load_brief(ROOT / "content" / "henan-2024"), "investment", "no-such-kind")
    edition = Edition(brief, "zh", tmp_path / "brief.pdf", tmp_path / "cache", FONTS, "a4", False, "test", True)
    with pytest.raises(ValueError) as raised:
        build_edition(edition)
    assert str(raised.value).startswith("chart 'investment': unknown kind 'no-such-kind'")
    assert any("chart process" in note for note in getattr(raised.value, "__notes__", []))
    assert not edition.output.exists()
    assert no_chart_process_left()


def test_a_prewarmed_chart_process_is_used_or_stopped(tmp_path: Path) -> None:
    import multiprocessing

    from briefgen.build import pictures
    from briefgen.cli import main

    content = ROOT / "content"
    assert main(["build", "-q", "--content", str(content), "--out", str(tmp_path), "--edition", "zh"]) == 0
    assert pictures._warm is None  # taken by the edition that drew the charts
    assert main(["build", "-q", "--content", str(content), "--out", str(tmp_path), "--edition", "zh"]) == 0
    assert pictures._warm is None  # nothing to draw: stopped
    assert not [p for p in multiprocessing.active_children() if p.name == "briefgen-charts"]


def test_a_build_of_every_edition_draws_each_chart_once_and_the_same_pdfs(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The three editions in one process (the default on two cores), each language's charts drawn
    meanwhile: every chart of each language drawn once, in all; the PDFs as a worker per edition
    (--jobs 2) makes them; no chart process left behind."""
    from briefgen.build.options import BuildOptions
    from briefgen.build.pipeline import build_all
    from tests.build.translated_brief import make_base

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = make_base(tmp_path)  # its own build's chart cache is under tmp_path/out, not used below
    pdfs = {}
    for jobs in (0, 2):
        out = tmp_path / f"jobs-{jobs}"
        built: list[EditionResult] = []
        assert build_all(root.parent, [], BuildOptions(out=out, jobs=jobs), built) == []
        if jobs == 0 and (os.cpu_count() or 1) <= 2:
            assert sum(r.charts_drawn for r in built) == 2 * len(load_brief(root).charts())
        pdfs[jobs] = {p.name: p.read_bytes() for p in out.rglob("*.pdf")}
    assert len(pdfs[0]) == 3 and pdfs[0] == pdfs[2]
    assert no_chart_process_left()


def test_an_error_setting_paragraphs_ahead_is_left_to_the_edition(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread that sets the later editions' text ahead only saves time: when it fails, each
    edition sets its own text and the PDFs are the same."""
    from briefgen.build.options import BuildOptions
    from briefgen.build.pipeline import build_all
    from briefgen.render import pdf
    from tests.build.translated_brief import make_base

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the serial build, with its chart process and thread
    root = make_base(tmp_path)
    built = {}
    for failing in (False, True):
        tried: list[str] = []

        def broken(documents: list, *args: object) -> None:  # type: ignore[type-arg]
            tried.append("-".join(d.locale for d in documents))
            raise ValueError("set ahead failed")

        with monkeypatch.context() as patch:
            if failing:
                patch.setattr(pdf, "set_ahead", broken)
            out = tmp_path / f"out-{failing}"
            assert build_all(root.parent, [], BuildOptions(out=out)) == []
        built[failing] = {p.name: p.read_bytes() for p in out.rglob("*.pdf")}
        assert tried == (["zh-en", "en"] if failing else [])
    assert len(built[True]) == 3 and built[True] == built[False]
    assert no_chart_process_left()
