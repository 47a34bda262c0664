"""`briefgen new BRIEF` in a fresh folder: a brief that checks clean and builds every edition."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.cli import main
from briefgen.content.editor_schema import schemas
from tests.content.test_editor_schema import _data, _files, errors


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741132800")
    return tmp_path


def test_new_then_build_works_in_a_fresh_folder(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "demo"]) == 0
    assert main(["check", "--strict", "demo"]) == 0, capsys.readouterr().err
    assert main(["build", "-q", "--strict", "demo"]) == 0, capsys.readouterr().err
    built = sorted(p.name for p in (fresh / "build" / "demo").glob("*.pdf"))
    assert built == ["demo-en.pdf", "demo-zh-en.pdf", "demo-zh.pdf"]
    english = " ".join(page.extract_text() for page in PdfReader(fresh / "build/demo/demo-en.pdf").pages)
    english = re.sub(r"\s+", " ", english)
    assert "Exports reached 3.2 billion US dollars, up 200 million." in english
    assert "Output growth (2025 target)" in english
    chinese = re.sub(r"\s+", "", " ".join(p.extract_text() for p in PdfReader(fresh / "build/demo/demo-zh.pdf").pages))
    assert "出口额32亿美元，比上年增加2亿美元。" in chinese


def test_new_brief_files_validate_and_point_at_their_schemas(fresh: Path) -> None:
    assert main(["new", "demo"]) == 0
    root = fresh / "content" / "demo"
    for name, path in _files(root):
        assert errors(name, _data(path)) == [], path
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first, f"{path} has no schema line"
        assert (path.parent / target).resolve() == (fresh / "content/.schema" / f"{name}.schema.json").resolve()
        assert (path.parent / target).is_file()
    assert set(schemas()) == {p.name.removesuffix(".schema.json") for p in (fresh / "content/.schema").iterdir()}


@pytest.mark.parametrize(("name", "message"), [
    pytest.param("demo", "already exists", id="exists"),
    pytest.param("Demo 2", "is not a brief name", id="bad-name"),
])
def test_new_refuses_in_one_line(fresh: Path, capsys: pytest.CaptureFixture[str], name: str, message: str) -> None:
    assert main(["new", "demo"]) == 0
    before = (fresh / "content/demo/brief.yaml").read_bytes()
    capsys.readouterr()
    assert main(["new", name]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert (fresh / "content/demo/brief.yaml").read_bytes() == before


def test_schema_command_writes_the_shipped_schemas(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", "s"]) == 0
    from briefgen.content.editor_schema import SCHEMA_DIR

    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        assert (fresh / "s" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert "part.schema.json  (parts/*.yaml)" in capsys.readouterr().out
