"""Screen editions are tagged PDF/UA-1 and PDF/A-2b: read back with pikepdf, pdfua and poppler."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from briefgen.build.edition import localized
from briefgen.content.loader import load_brief
from tests.build.conftest import EPOCH, ROOT, build
from tests.render.structure_check import check

EDITIONS = ["zh", "en", "zh-en"]


def _pdf(seed_build: Path, edition: str) -> Path:
    return seed_build / f"henan-2024-{edition}.pdf"


@pytest.mark.parametrize("edition", EDITIONS)
def test_structure_check_passes(seed_build: Path, edition: str) -> None:
    assert check(_pdf(seed_build, edition)) == []


def test_structure_check_finds_an_untagged_file(tmp_path: Path, seed_build: Path) -> None:
    """The checker can fail: strip the tags of a built file and it names what is missing."""
    with pikepdf.open(_pdf(seed_build, "en")) as pdf:
        del pdf.Root.StructTreeRoot
        del pdf.Root.MarkInfo
        for page in pdf.pages:
            ops = [i for i in pikepdf.parse_content_stream(page) if str(i.operator) not in ("BDC", "EMC")]
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        pdf.save(tmp_path / "untagged.pdf")
    findings = check(tmp_path / "untagged.pdf")
    assert "catalog: no /StructTreeRoot" in findings
    assert any("outside tagged content and artifacts" in f for f in findings)


@pytest.mark.parametrize("edition", EDITIONS)
def test_pdfa_2b_by_pikepdf(seed_build: Path, edition: str) -> None:
    pdfa = pytest.importorskip("pikepdf.pdfa")
    report = pdfa.validate_written(_pdf(seed_build, edition), "2b")
    # pikepdf's allowlist does not know the PDF/UA identification schema (pdfuaid) or extension
    # schemas; the issue accepts exactly those findings
    others = [str(f) for f in report.findings if "pdfaExtension" not in str(f) and "pdfaSchema" not in str(f)
              and "pdfaProperty" not in str(f) and "pdfuaid" not in str(f)]
    assert others == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_pdfua_package_finds_nothing(seed_build: Path, edition: str) -> None:
    pdfua = pytest.importorskip("pdfua")
    report = pdfua.validate(str(_pdf(seed_build, edition)))
    assert [f"{f.rule_id} {f.message}" for f in report.findings] == []


def _struct_text(pdf: Path) -> str:
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    return subprocess.run(["pdfinfo", "-struct-text", str(pdf)], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_reading_order_has_no_running_head(seed_build: Path, edition: str) -> None:
    text = _struct_text(_pdf(seed_build, edition))
    document = localized(load_brief(ROOT / "content" / "henan-2024"), edition)
    assert document.parts[0].title in text
    assert "Page 3 of" not in text and "第 3 页" not in text
    # the running head prints the date on every body page; read aloud it is only on the cover and back page
    assert text.count(document.date_text) <= 2


def test_headings_and_figures_in_reading_order(seed_build: Path) -> None:
    text = _struct_text(_pdf(seed_build, "en"))
    document = localized(load_brief(ROOT / "content" / "henan-2024"), "en")
    positions = [text.index(p.title) for p in document.parts]
    assert positions == sorted(positions)
    with pikepdf.open(_pdf(seed_build, "en")) as pdf:
        figures = [e for e in _elements(pdf.Root.StructTreeRoot) if e.S == pikepdf.Name.Figure]
        assert len(figures) == len(document.charts())
        chart = document.charts()[0]
        assert str(figures[0].Alt).startswith(chart.title)
        assert chart.data[0].display in str(figures[0].Alt)


def test_bilingual_reads_each_chinese_paragraph_then_its_english(seed_build: Path) -> None:
    with pikepdf.open(_pdf(seed_build, "zh-en")) as pdf:
        langs = [str(e.get("/Lang", "zh-CN")) for e in _elements(pdf.Root.StructTreeRoot) if e.S == pikepdf.Name.P]
    english = [i for i, lang in enumerate(langs) if lang == "en-US"]
    assert len(english) > 40
    assert sum(1 for i in english if i > 0 and langs[i - 1] == "zh-CN") > 0.8 * len(english)


def test_rebuild_is_byte_identical(tmp_path: Path, seed_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build(ROOT / "content", tmp_path, "--edition", "en") == 0
    assert (tmp_path / "henan-2024" / "henan-2024-en.pdf").read_bytes() == _pdf(seed_build, "en").read_bytes()


def _elements(node: pikepdf.Dictionary):  # type: ignore[no-untyped-def]
    kids = node.get("/K")
    for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def test_draft_stamp_is_a_watermark_artifact(tmp_path: Path, tiny_en_brief: Path) -> None:
    """An untranslated brief builds as DRAFT; the stamp is an artifact and the file still passes."""
    assert build(tiny_en_brief.parent, tmp_path / "out", "--edition", "en") == 0
    pdf = tmp_path / "out" / "tiny" / "tiny-en.pdf"
    assert check(pdf) == []
    with pikepdf.open(pdf) as opened:
        stream = opened.pages[0].Contents.read_bytes()
    assert b"/Artifact <</Type /Pagination /Subtype /Watermark>> BDC" in stream


def test_print_file_is_tagged_but_not_pdfa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Crop marks are registration colour (CMYK), which an sRGB PDF/A cannot hold: the print file
    claims PDF/UA only, and its marks are artifacts."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build(ROOT / "content", tmp_path, "--edition", "en", "--print-marks") == 0
    (pdf,) = (tmp_path / "henan-2024").glob("henan-2024-en*print*.pdf")
    assert check(pdf) == []
    with pikepdf.open(pdf) as opened:
        meta = opened.open_metadata()
        assert "pdfaid:part" not in meta and str(meta["pdfuaid:part"]) == "1"
        assert "/OutputIntents" not in opened.Root
