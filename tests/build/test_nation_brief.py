"""A second real brief built end to end: its own unit, change figures and targets, in en-GB."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.build.conftest import ROOT, build, pdftotext

FIXTURE = ROOT / "tests" / "fixtures" / "briefs"
KINSOKU = ROOT.parent / "shared" / "tools" / "kinsoku_check.py"


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("nation")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1741132800")  # 2025-03-05
        assert build(FIXTURE, out, "nation-2025", "--strict") == 0
    return out / "nation-2025"


def text(pdf: Path) -> str:
    """The PDF's text with line breaks rejoined: no spaces around Chinese, single spaces in English."""
    raw = re.sub(r"-\n(?=[a-z])", "-", pdftotext(pdf, raw=True))
    joined = re.sub(r"\s+", " ", raw)
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])|(?<=\d) (?=[万亿%])", "", joined)


@pytest.mark.parametrize("edition", ["zh", "zh-en"])
def test_chinese_reads_the_declared_unit_and_the_change(nation: Path, edition: str) -> None:
    words = text(nation / f"nation-2025-{edition}.pdf")
    assert "外汇储备超过3.2万亿美元。" in words
    assert "地方政府专项债券4.4万亿元，比上年增加5000亿元，" in words
    assert "赤字率拟按4%左右安排，比上年提高1个百分点。" in words
    assert "国内生产总值增长（2025年目标）" in words  # the cover says it is a target


@pytest.mark.parametrize("edition", ["en", "zh-en"])
def test_english_reads_the_declared_unit_and_the_change(nation: Path, edition: str) -> None:
    words = text(nation / f"nation-2025-{edition}.pdf")
    assert "Foreign exchange reserves stood at over 3.2 trillion US dollars." in words
    assert "special-purpose bonds of 4.4 trillion yuan are planned, up 500 billion," in words
    assert "around 4%, up 1 percentage point." in words
    if edition == "en":
        assert "GDP growth (2025 target)" in words
        assert "5 March 2025" in words and "March 5" not in words


def test_cover_and_chart_print_the_declared_unit(nation: Path) -> None:
    reader = PdfReader(nation / "nation-2025-en.pdf")
    cover = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "3.2 trillion US dollars" in cover
    zh_cover = re.sub(r"\s+", "", PdfReader(nation / "nation-2025-zh.pdf").pages[0].extract_text())
    assert "3.2万亿美元" in zh_cover


@pytest.mark.parametrize(("edition", "lang"), [("zh", "zh-CN"), ("en", "en-GB"), ("zh-en", "zh-CN")])
def test_language_follows_en_variant(nation: Path, edition: str, lang: str) -> None:
    reader = PdfReader(nation / f"nation-2025-{edition}.pdf")
    assert str(reader.trailer["/Root"]["/Lang"]) == lang


@pytest.mark.skipif(not KINSOKU.is_file(), reason="shared/tools/kinsoku_check.py not present")
@pytest.mark.parametrize("edition", ["zh", "zh-en"])
def test_kinsoku(nation: Path, edition: str) -> None:
    result = subprocess.run([sys.executable, str(KINSOKU), str(nation / f"nation-2025-{edition}.pdf")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("locale", "reserves", "change"), [
    ("zh", ("3.2万亿美元", "美元"), "+5000亿元"),
    ("en", ("3.2 trillion US dollars", "US dollars"), "+500 billion yuan"),
])
def test_chart_gets_the_declared_unit_and_the_change(locale: str, reserves: tuple[str, str], change: str) -> None:
    from briefgen.build.edition import localized
    from briefgen.content.loader import load_brief

    chart = localized(load_brief(FIXTURE / "nation-2025"), locale).parts[0].chart
    assert chart is not None
    fx, _, up = chart.data
    assert (fx.display, fx.unit_label, fx.bound) == (*reserves, "over")
    assert (up.display, up.base, up.kind) == (change, "special_bonds_2025", "change")


@pytest.mark.parametrize("edition", ["en", "zh-en"])
def test_english_paragraphs_are_tagged_in_the_variant(nation: Path, edition: str) -> None:
    """A screen reader reads en-GB paragraphs as en-GB: no element may say en-US."""
    import pikepdf

    with pikepdf.open(nation / f"nation-2025-{edition}.pdf") as pdf:
        root_lang = str(pdf.Root.Lang)
        found = {str(e.get("/Lang", root_lang)) for e in _elements(pdf.Root.StructTreeRoot)}
    assert "en-GB" in found and "en-US" not in found


def _elements(node):  # type: ignore[no-untyped-def]
    import pikepdf

    kids = node.get("/K")
    items = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)


@pytest.mark.parametrize("edition", ["zh", "en", "zh-en"])
def test_structure_check_passes(nation: Path, edition: str) -> None:
    from tests.render.structure_check import check

    assert check(nation / f"nation-2025-{edition}.pdf") == []
