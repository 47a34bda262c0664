"""What a scheduled build promises: no half-translated brief under --strict, no broken PDF where a
good one was, one line per problem, incremental rebuilds, a manifest, any brief folder."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.build.conftest import EPOCH, ROOT, build, pdftotext

RIVER = ROOT / "tests" / "fixtures" / "briefs"


@pytest.fixture
def river(tmp_path: Path) -> Path:
    """A copy of the three-area fixture brief (its English catalog is empty)."""
    shutil.copytree(RIVER / "river-2025", tmp_path / "content" / "river-2025")  # only it: other fixtures build too
    return tmp_path / "content"


def test_incomplete_translation_builds_a_draft(river: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefgen.cli import main

    assert main(["build", "--content", str(river), "--out", str(tmp_path / "out")]) == 0  # no -q: warnings shown
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "warning: " in err[0] and "untranslated" in err[0] and "DRAFT" in err[0]
    pdf = tmp_path / "out/river-2025/river-2025-en.pdf"
    pages = pdftotext(pdf).split("\f")[:-1]
    assert pages and all("Draft — incomplete translation" in page for page in pages)
    assert "Draft" not in pdftotext(tmp_path / "out/river-2025/river-2025-zh.pdf")
    manifest = json.loads((tmp_path / "out/manifest.json").read_text(encoding="utf-8"))
    assert manifest["briefs"]["river-2025"]["outputs"]["river-2025-en.pdf"]["draft"] is True


def test_strict_refuses_and_names_each_missing_message(river: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """--strict judges each edition: the Chinese one needs no catalog and builds; the English and
    bilingual ones are refused, each missing message named once."""
    assert build(river, tmp_path / "out", "--strict") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert sum("untranslated: [" in line for line in err) == 55
    assert all(line.split(":", 1)[0].endswith(("content.po", "river-2025")) for line in err)
    assert sum("--strict refuses the incomplete en, zh-en editions" in line for line in err) == 1
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.pdf")) == ["river-2025-zh.pdf"]


def test_failed_build_leaves_the_previous_pdfs(river: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert build(river, out, "--edition", "zh") == 0
    pdf = out / "river-2025/river-2025-zh.pdf"
    before = pdf.read_bytes()
    metrics = river / "river-2025/metrics.yaml"
    metrics.write_text(metrics.read_text(encoding="utf-8") + "broken: {value: [1]}\n", encoding="utf-8")
    capsys.readouterr()
    assert build(river, out, "--edition", "zh") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err and all(line.startswith(f"{metrics}:") for line in err), err
    assert pdf.read_bytes() == before
    assert not [p for p in pdf.parent.iterdir() if p.name.endswith(".part")]


def test_rebuild_with_nothing_changed_writes_nothing(river: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(river, out, "--edition", "zh") == 0
    pdf = out / "river-2025/river-2025-zh.pdf"
    stamp = pdf.stat().st_mtime_ns
    assert build(river, out, "--edition", "zh") == 0
    assert pdf.stat().st_mtime_ns == stamp
    part = river / "river-2025/parts/overview.yaml"
    part.write_text(part.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # content bytes changed
    assert build(river, out, "--edition", "zh") == 0
    assert pdf.stat().st_mtime_ns != stamp


def test_two_builds_at_once_both_succeed(river: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "briefgen.cli", "build", "-q", "--content", str(river), "--out", str(out),
               "--edition", "zh"]
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(subprocess.run(command).returncode)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0, 0]
    PdfReader(out / "river-2025/river-2025-zh.pdf")  # readable, not interleaved
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["briefs"]["river-2025"]


def test_a_second_brief_builds_with_its_own_areas(river: Path, tmp_path: Path) -> None:
    assert build(river, tmp_path / "out", "--edition", "zh") == 0
    reader = PdfReader(tmp_path / "out/river-2025/river-2025-zh.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "河南" not in text
    outline = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert len(outline) >= 3


def test_unknown_edition_is_a_usage_error(river: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(river, tmp_path / "out", "--edition", "fr") == 2
    assert "has no edition fr" in capsys.readouterr().err


def test_charts_export_svg_and_png(tmp_path: Path) -> None:
    import struct
    import xml.dom.minidom

    from briefgen.build.edition import localized
    from briefgen.cli import main
    from briefgen.content.loader import load_brief

    assert main(["charts", "-q", "--content", str(ROOT / "content"), "--out", str(tmp_path)]) == 0
    brief = load_brief(ROOT / "content" / "henan-2024")
    for locale in ("zh", "en"):
        folder = tmp_path / "henan-2024" / "charts" / locale
        svgs, pngs = sorted(folder.glob("*.svg")), sorted(folder.glob("*.png"))
        assert len(svgs) == 11 and len(pngs) == 22
        for png in pngs:
            data = png.read_bytes()
            width, height = struct.unpack(">II", data[16:24])
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            assert (width, height) == (1080, 1080) if png.name.endswith("-square.png") else width == 1600
        for chart in localized(brief, locale).charts():
            root = xml.dom.minidom.parse(str(folder / f"{chart.id}.svg")).documentElement
            first = [n for n in root.childNodes if n.nodeType == n.ELEMENT_NODE][:2]
            assert [n.tagName for n in first] == ["title", "desc"]
            assert [n.firstChild.data for n in first] == [chart.title, chart.description]
            assert root.getAttribute("xml:lang") == locale and "Matplotlib" not in first[0].firstChild.data


def test_charts_export_format_picks_the_files(tmp_path: Path) -> None:
    from briefgen.cli import main

    assert main(["charts", "-q", "--content", str(ROOT / "tests" / "fixtures" / "briefs"), "--out", str(tmp_path),
                 "--format", "square"]) == 0
    files = sorted(p.name for p in (tmp_path / "river-2025" / "charts" / "zh").iterdir())
    assert files and all(name.endswith("-square.png") for name in files)


def test_unwritable_output_is_one_line(river: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert build(river, blocker / "out", "--edition", "zh") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write the output" in err[0]


def test_missing_fonts_are_a_usage_error(river: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BRIEFGEN_FONTS", str(tmp_path))
    assert build(river, tmp_path / "out") == 2
    assert "fonts missing" in capsys.readouterr().err


def test_malformed_catalog_is_one_located_line(river: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefgen.cli import main

    assert main(["i18n", "update", "-q", "--content", str(river)]) == 0
    capsys.readouterr()
    po = river / "river-2025/locale/en/LC_MESSAGES/content.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "unterminated\n', encoding="utf-8")
    assert build(river, tmp_path / "out") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{po}:"), err


def test_a_build_guesses_from_file_times_whether_to_start_the_chart_process_early(river: Path, tmp_path: Path) -> None:
    """The guess only decides whether matplotlib is loaded ahead; it must say "stale" whenever
    content changed after the last build, or the last build was on another day."""
    import datetime as dt
    import os

    from briefgen.runtime import MANIFEST_NAME as NAME
    from briefgen.runtime import probably_current

    out = tmp_path / "out"
    assert not probably_current(river, out, dt.date.today())  # never built
    assert build(river, out, "--edition", "zh") == 0
    written = (out / NAME).stat().st_mtime
    today = dt.datetime.fromtimestamp(written, dt.timezone.utc).date()
    assert probably_current(river, out, today)
    assert not probably_current(river, out, today + dt.timedelta(days=1))  # the date is in every fingerprint
    part = river / "river-2025/parts/overview.yaml"
    os.utime(part, (written + 5, written + 5))
    assert not probably_current(river, out, today)


@pytest.mark.parametrize(("editions", "expected"), [
    (["zh", "en", "zh-en"], ["zh", "zh-en", "en"]),  # the bilingual layout overlaps the English charts
    (["zh"], ["zh"]),
    (["en", "zh-en"], ["zh-en", "en"]),
])
def test_editions_are_laid_out_as_their_charts_come(editions: list[str], expected: list[str]) -> None:
    """The chart process draws the languages in turn (Chinese first): an edition comes once its
    last language is being drawn, the bilingual one before the single edition that shares it."""
    from briefgen.build.edition import Edition
    from briefgen.build.pipeline import _layout_order

    jobs = [Edition(None, e, Path(e), Path(), Path(), "a4", False, "test") for e in editions]  # type: ignore[arg-type]
    drawn = list(dict.fromkeys(loc for e in editions for loc in e.split("-")))
    drawn.sort(key=lambda loc: loc != "zh")
    assert [jobs[i].locale for i in _layout_order(jobs, drawn)] == expected
