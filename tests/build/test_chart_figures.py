"""Figures read the same in a chart, in the text and on the cover: one formatter, one spelling,
and a chart's numbers are text in the PDF that copies out tile by tile."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.build.edition import localized
from briefgen.charts.render import render_picture
from briefgen.charts.typeset import Typesetter
from briefgen.content.checks import all_texts
from briefgen.content.inline import references
from briefgen.content.loader import load_brief
from briefgen.i18n.catalog import load_translations
from briefgen.i18n.interface import interface
from briefgen.model.localize import Localizer
from briefgen.runtime import bundled_font_dir
from tests.build.conftest import ROOT, pdftotext

FONTS = bundled_font_dir()
BRIEF = load_brief(ROOT / "content" / "henan-2024")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _chart_texts(locale: str) -> dict[str, list[str]]:
    """Per metric, for each chart showing it, all that chart draws (as the PDF replays it)."""
    shown: dict[str, list[str]] = {}
    for chart in localized(BRIEF, locale).charts():
        picture = render_picture(chart, FONTS)
        drawn = _flat(" ".join([op.text for op in picture.texts()] + list(picture.readings)))
        for d in chart.data + tuple(d for pair in chart.pairs for d in pair):
            shown.setdefault(d.metric, []).append(drawn)
    return shown


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_every_metric_in_a_chart_and_the_text_is_spelt_alike(locale: str) -> None:
    localizer = Localizer(BRIEF, load_translations(BRIEF, locale), interface(locale))
    in_text = {m for text in all_texts(BRIEF) for m in references(text.source)}
    charts = _chart_texts(locale)
    both = sorted(in_text & set(charts))
    assert len(both) >= 20, both  # the seed shows most chart figures in its text too
    for metric_id in both:
        prose = Typesetter.spaced(localizer.prose_figure(metric_id))  # with the text's Han-Latin gaps
        for drawn in charts[metric_id]:
            assert _flat(prose) in drawn, (metric_id, prose, drawn)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_cover_figures_are_spelt_as_in_the_text(seed_build: Path, locale: str) -> None:
    document = localized(BRIEF, locale)
    cover = _flat(pdftotext(seed_build / f"henan-2024-{locale}.pdf").split("\f")[0])
    for d in document.cover:
        assert d.figure is not None
        assert _flat(Typesetter.spaced(d.figure.quantity)) in cover, (d.metric, cover)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_tile_figures_are_text_that_copies_out_tile_by_tile(seed_build: Path, locale: str) -> None:
    text = _flat(pdftotext(seed_build / f"henan-2024-{locale}.pdf"))
    tiles = [c for c in localized(BRIEF, locale).charts() if c.kind == "tiles"]
    assert len(tiles) >= 3
    for chart in tiles:
        for reading in render_picture(chart, FONTS).readings:
            assert _flat(reading) in text


def test_a_bound_reads_in_words_in_both_languages() -> None:
    zh, en = _chart_texts("zh"), _chart_texts("en")
    assert "1300 亿斤以上" in zh["grain_output_target"][0] and "超过 2%" in zh["rd_intensity_2023"][0]
    assert "at least 130 billion jin" in en["grain_output_target"][0] and "over 2%" in en["rd_intensity_2023"][0]
    drawn = " ".join(t for texts in [*zh.values(), *en.values()] for t in texts)
    assert not re.search("[≥≤>~⩾]", drawn)
