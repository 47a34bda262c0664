"""Layout passes: the first only counts pages, so what it would draw is skipped; later passes draw all."""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from briefgen.render.english_paragraph import EnglishParagraph
from briefgen.render.faces import LATIN_FACES
from briefgen.runtime import default_font_dir
from briefgen.render.fonts import register_fonts
from briefgen.render.linebreak import Span
from briefgen.render.pages import PageCounter
from briefgen.render.paragraph import TextStyle
from briefgen.render.tagging import discard_drawing


def test_only_the_first_pass_counts_and_it_is_never_the_last() -> None:
    counter = PageCounter()
    counter.beforeBuild()
    assert counter.counting()
    counter.count(12)
    assert not counter.isSatisfied()  # so multiBuild always runs a pass that draws
    counter.beforeBuild()
    assert not counter.counting()
    counter.count(12)
    assert counter.isSatisfied()


def drawn_operators(discarded: bool) -> str:
    register_fonts(default_font_dir(), LATIN_FACES)
    canvas = Canvas(io.BytesIO())
    discard_drawing(canvas, discarded)
    paragraph = EnglishParagraph([Span("Grain output reached 132.49 billion jin.", "LatinSerif", 10.5)],
                                 TextStyle(leading=14.7))
    paragraph.wrap(200.0, 100.0)
    paragraph.drawOn(canvas, 0, 0)
    return "\n".join(canvas._code)


def test_a_paragraph_draws_its_text_unless_the_pass_is_thrown_away() -> None:
    assert " Tj" in drawn_operators(discarded=False)
    assert " Tj" not in drawn_operators(discarded=True)
