"""Exported charts carry their own words: title, source line, the brief's name, SVG title/desc."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.charts import texts
from briefgen.charts.export import Framing, _framed, export
from briefgen.runtime import bundled_font_dir
from tests.charts.chart_samples import all_samples

FONTS = bundled_font_dir()
CHART = next(c for c in all_samples() if c.kind == "bars" and c.locale == "zh")


@pytest.mark.parametrize("square", [False, True])
def test_framed_chart_shows_title_source_and_brief(square: bool) -> None:
    framing = Framing("来源：政府工作报告", "摘编")
    fig = _framed(CHART, FONTS, framing, square)
    drawn = "".join("".join(t.get_text().split()) for t in texts(fig))
    assert "".join(CHART.title.split()) in drawn
    assert "来源：政府工作报告" in drawn and "摘编" in drawn
    width, height = fig.get_size_inches()
    assert (width == height) == square


def test_export_is_deterministic_and_refuses_unknown_formats() -> None:
    framing = Framing("Source: x", "Brief")
    assert export(CHART, FONTS, framing, "svg") == export(CHART, FONTS, framing, "svg")
    with pytest.raises(ValueError, match="unknown chart format"):
        export(CHART, FONTS, framing, "gif")
