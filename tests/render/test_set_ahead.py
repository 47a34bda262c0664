"""An edition's story made and its text set ahead, charts aside: its render then sets little
itself and makes the same PDF."""
from __future__ import annotations

import pytest

from briefgen.build.edition import localized
from briefgen.content.loader import load_brief
from briefgen.model.picture import Picture
from briefgen.render import paragraph
from briefgen.render.fonts import register_fonts
from briefgen.render.pdf import Prepared, RenderOptions, render_parallel_pdf, render_pdf, set_ahead
from briefgen.runtime import bundled_font_dir
from tests.build.conftest import ROOT
from tests.charts.chart_samples import all_samples

FONTS = bundled_font_dir()


@pytest.fixture(scope="module")
def documents() -> dict[str, object]:
    brief = load_brief(ROOT / "content" / "henan-2024")
    return {loc: localized(brief, loc) for loc in ("zh", "en")}


def pictures(locale: str) -> _Any:
    """Any picture for every chart id: the layout only needs one of some size."""
    from briefgen.charts.render import render_picture

    sample = render_picture(next(c for c in all_samples() if c.locale == locale), FONTS)
    return _Any(sample)


class _Any(dict[str, Picture]):
    def __init__(self, picture: Picture) -> None:
        super().__init__()
        self.picture = picture
        self.asked = 0

    def __missing__(self, key: str) -> Picture:
        self.asked += 1
        return self.picture


@pytest.mark.parametrize("edition", ["en", "zh-en"])
def test_an_edition_made_ahead_renders_from_that_story(documents: dict, edition: str) -> None:  # type: ignore[type-arg]
    """The same PDF; its text set ahead, not by the render; no chart asked for while making it."""
    register_fonts(FONTS)
    docs = [documents[loc] for loc in edition.split("-")]
    options = RenderOptions(FONTS, stamp="Built today")
    stamps = ["Built today"] * len(docs)
    charts = [pictures(loc) for loc in edition.split("-")]

    def render(prepared: Prepared | None = None) -> bytes:
        if len(docs) == 2:
            return render_parallel_pdf(docs[0], docs[1], charts[0], options, ("Built today", "Built today"),
                                       charts[1], prepared)
        return render_pdf(docs[0], charts[0], options, prepared)

    paragraph._LAYOUTS.clear()
    alone = render()
    paragraph._LAYOUTS.clear()
    asked = [c.asked for c in charts]
    prepared = set_ahead(docs, charts, options, stamps)
    assert [c.asked for c in charts] == asked
    ahead = set(paragraph._LAYOUTS)
    assert render(prepared) == alone
    made_after = {key: lines for key, lines in paragraph._LAYOUTS.items() if key not in ahead}
    # what is left is one-liners (table cells, contents rows, made as the layout runs); the text was set ahead
    assert sum(len(paragraph._LAYOUTS[key]) > 2 for key in ahead) >= 5
    assert all(len(lines) <= 2 for lines in made_after.values()), [
        "".join(span.text for span in key[1]) for key, lines in made_after.items() if len(lines) > 2]
