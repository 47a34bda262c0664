"""The bilingual edition's column split: the estimated search finds what setting every width finds."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from briefgen.build.edition import localized
from briefgen.content.loader import load_brief
from briefgen.render.faces import faces_for
from briefgen.runtime import default_font_dir
from briefgen.render.fonts import register_fonts
from briefgen.render.parallel import COLUMN_RANGE, GAP, balanced_column, paired_heights
from briefgen.render.pdf import column_builders
from briefgen.render.styles import geometry, typography

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "briefs"
BRIEFS = [ROOT / "content" / "henan-2024", FIXTURES / "nation-2025", FIXTURES / "river-2025"]


@pytest.mark.parametrize("root", BRIEFS, ids=lambda p: p.name)
def test_the_chosen_chinese_column_is_the_best_whole_em_width(root: Path) -> None:
    brief = load_brief(root)
    chinese, english = localized(brief, "zh"), localized(brief, "en")
    register_fonts(default_font_dir(), faces_for(["zh", "en"], True))
    em = typography("zh").body.size
    total = geometry("a4", em, False).text_width

    def builders(column: float):  # type: ignore[no-untyped-def]
        return column_builders(chinese, english, ({}, {}), total, ("", ""), column)

    chosen = balanced_column(*builders(total / 2), total, em)
    columns = total - GAP
    widths = range(math.ceil(COLUMN_RANGE[0] * columns / em), math.floor(COLUMN_RANGE[1] * columns / em) + 1)
    heights = paired_heights(*builders(total / 2), total)
    best = min((heights(n * em)[2], n * em) for n in widths)
    assert heights(chosen)[2] == best[0], (chosen / em, best[1] / em)
