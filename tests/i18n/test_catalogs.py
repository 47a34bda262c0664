"""Content catalogs: the Babel extractor, update marking changes fuzzy, status, and placeholder checks."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po

from briefgen.cli import main
from briefgen.content.loader import load_brief
from briefgen.i18n.catalog import build_template, po_path, template_path
from briefgen.i18n.extract import extract_yaml
from briefgen.i18n.status import translation_status
from tests.conftest import ROOT


def translate_all(brief_root: Path, make=lambda source: f"EN {source}") -> Path:  # type: ignore[no-untyped-def]
    """Extract, update, then fill every msgstr; returns the PO path."""
    assert main(["i18n", "update", "--content", str(brief_root.parent), brief_root.name]) == 0
    path = po_path(load_brief(brief_root), "en")
    with path.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if message.id:
            message.string = make(str(message.id))
    with path.open("wb") as f:
        write_po(f, catalog, width=100)
    return path


def read(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as f:
        return read_po(f)


def test_extractor_gives_context_and_location(tiny_en_brief: Path) -> None:
    with (tiny_en_brief / "parts/main.yaml").open("rb") as f:
        found = list(extract(extract_yaml, f))
    by_context = {context: (line, message) for line, message, _comments, context in found}
    assert by_context["parts/main/first/p"] == (6, "全年产值{output}，增长{growth}。")
    assert by_context["parts/main/first/keyword"][1] == "乡村振兴"
    assert all(comments for _l, _m, comments, _c in found)


def test_pybabel_extract_uses_the_registered_extractor(tiny_en_brief: Path, tmp_path: Path) -> None:
    pybabel = Path(sys.executable).with_name("pybabel")
    out = tmp_path / "messages.pot"
    subprocess.run([str(pybabel), "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(out), str(tiny_en_brief)],
                   check=True, capture_output=True)
    contexts = {m.context for m in read(out) if m.id}
    assert contexts == {m.msgctxt for m in build_template(load_brief(tiny_en_brief)).entries}


def test_identical_strings_in_two_places_are_two_messages(tiny_en_brief: Path) -> None:
    (tiny_en_brief / "parts/main.yaml").write_text(
        (tiny_en_brief / "parts/main.yaml").read_text(encoding="utf-8").replace("title: 主要数据", "title: 乡村振兴"),
        encoding="utf-8")
    template = build_template(load_brief(tiny_en_brief))
    assert {m.msgctxt for m in template.entries if m.msgid == "乡村振兴"} == {"parts/main/first/keyword", "parts/main/first/chart/title"}


def test_update_marks_exactly_the_changed_message_fuzzy(tiny_en_brief: Path) -> None:
    path = translate_all(tiny_en_brief)
    assert translation_status(load_brief(tiny_en_brief), "en").complete
    part = tiny_en_brief / "parts/main.yaml"
    part.write_text(part.read_text(encoding="utf-8").replace("全年产值{output}，", "全年总产值{output}，"),
                    encoding="utf-8")
    assert main(["i18n", "update", "--content", str(tiny_en_brief.parent)]) == 0
    fuzzy = [m for m in read(path) if m.id and m.fuzzy]
    assert [(m.context, m.id) for m in fuzzy] == [("parts/main/first/p", "全年总产值{output}，增长{growth}。")]
    status = translation_status(load_brief(tiny_en_brief), "en")
    assert (status.fuzzy, status.untranslated) == (1, 0)


def test_update_does_not_rewrite_when_only_the_date_changed(tiny_en_brief: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    translate_all(tiny_en_brief)
    pot = template_path(load_brief(tiny_en_brief))
    before = pot.stat().st_mtime_ns, pot.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert main(["i18n", "extract", "--content", str(tiny_en_brief.parent)]) == 0
    assert (pot.stat().st_mtime_ns, pot.read_bytes()) == before


def test_wrong_placeholder_is_reported_with_its_line(tiny_en_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = translate_all(tiny_en_brief, lambda s: s.replace("{growth}", "{grwoth}"))
    assert main(["i18n", "status", "--content", str(tiny_en_brief.parent)]) == 1
    err = capsys.readouterr().err
    line = next(m.lineno for m in read(path) if m.context == "parts/main/first/p")
    assert f"{path}:{line}: error: placeholders differ" in err
    if shutil.which("msgfmt"):
        done = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True)
        assert done.returncode != 0


def test_status_counts_and_strict_exit(tiny_en_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["i18n", "update", "--content", str(tiny_en_brief.parent)]) == 0
    assert main(["i18n", "status", "--content", str(tiny_en_brief.parent)]) == 0
    out = capsys.readouterr().out
    assert "tiny en: 0% translated: 9 messages, 0 translated, 0 fuzzy, 9 untranslated, 0 obsolete, 0 glossary violations" in out
    assert main(["i18n", "status", "--strict", "--content", str(tiny_en_brief.parent)]) == 1


def test_glossary_violation_is_counted(tiny_en_brief: Path) -> None:
    translate_all(tiny_en_brief, lambda s: "Rural development" if s == "乡村振兴" else f"EN {s}")
    status = translation_status(load_brief(tiny_en_brief), "en")
    assert status.glossary == 1
    assert any("'乡村振兴' should be rendered 'rural revitalization'" in p.message for p in status.problems)


def test_seed_translation_is_complete_and_clean() -> None:
    status = translation_status(load_brief(ROOT / "content" / "henan-2024"), "en")
    assert status.summary().endswith("294 translated, 0 fuzzy, 0 untranslated, 0 obsolete, 0 glossary violations")
    assert status.problems == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is not installed")
def test_msgfmt_accepts_every_po_file() -> None:
    files = list((ROOT / "content").rglob("*.po")) + list((ROOT / "src").rglob("*.po"))
    assert len(files) >= 3
    for path in files:
        done = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, f"{path}: {done.stderr}"


def test_pybabel_compile_compiles_the_seed(tmp_path: Path) -> None:
    pybabel = Path(sys.executable).with_name("pybabel")
    source = ROOT / "content/henan-2024/locale/en/LC_MESSAGES/content.po"
    done = subprocess.run([str(pybabel), "compile", "-i", str(source), "-o", str(tmp_path / "content.mo")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "content.mo").stat().st_size > 10_000
