"""`briefgen check` turns each kind of user mistake into one located line, exit 1, no traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.cli import main


def run_check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(content)])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line.strip()]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_brief_checks_clean(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run_check(tiny_brief.parent, capsys)
    assert (code, lines) == (0, [])


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        pytest.param("parts/main.yaml", "    keyword:", "    keywrod:", "parts/main.yaml:4:5: unknown key 'keywrod'", id="misspelled-key"),
        pytest.param("metrics.yaml", "value: 4.5,", "value: [4.5],", "metrics.yaml:2:17: 'value' must be a number", id="wrong-type"),
        pytest.param("parts/main.yaml", "增长{growth}", "增长{grwoth}", "parts/main.yaml:6:9: unknown metric 'grwoth'", id="unknown-metric"),
        pytest.param("parts/main.yaml", "sections:\n", "sections:\n  - id: first\n    title: 重复\n    paragraphs: [一段。]\n", "parts/main.yaml:6:5: duplicate section id 'first'", id="duplicate-id"),
        pytest.param("parts/main.yaml", "title: 主要工作", "title: [主要工作", "parts/main.yaml:1:8: YAML syntax error: this '[' is never closed", id="syntax-error"),
        pytest.param("brief.yaml", "cover: [output]\n", "cover: [output]\ntitle: 又一个\n", "brief.yaml:5:1: duplicate key 'title'", id="duplicate-key"),
        pytest.param("parts/main.yaml", "    paragraphs:", "\tparagraphs:", "parts/main.yaml:5:1: a tab in the indentation", id="tab"),
        pytest.param("metrics.yaml", "kind: growth", "kind: grwth", "metrics.yaml:2:43: 'kind' is 'grwth'", id="unknown-kind"),
        pytest.param("parts/main.yaml", "kind: tiles", "kind: pie", "parts/main.yaml:8:13: 'kind' is 'pie'", id="unknown-chart-kind"),
        pytest.param("metrics.yaml", "unit: yuan", "unit: dollars", "metrics.yaml:1:35: 'unit' is 'dollars'", id="unknown-unit"),
    ],
)
def test_mistake_gives_one_located_line(
    tiny_brief: Path, capsys: pytest.CaptureFixture[str], relative: str, old: str, new: str, expected: str
) -> None:
    replace_in(tiny_brief / relative, old, new)
    code, lines = run_check(tiny_brief.parent, capsys)
    assert code == 1
    assert len(lines) == 1, lines
    place, message = expected.split(": ", 1)
    assert lines[0].startswith(f"{tiny_brief.parent}/tiny/{place}: error: {message}"), lines[0]


def test_gbk_file_is_named_as_gbk(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tiny_brief / "parts/main.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    code, lines = run_check(tiny_brief.parent, capsys)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"{path}:1:8: ")
    assert "GBK" in lines[0] and "UTF-8" in lines[0]


@pytest.mark.parametrize("body", [b"", b"\n\n", b"# only a comment\n"], ids=["empty", "blank", "comment"])
def test_empty_file(tiny_brief: Path, capsys: pytest.CaptureFixture[str], body: bytes) -> None:
    path = tiny_brief / "glossary.yaml"
    path.write_bytes(body)
    code, lines = run_check(tiny_brief.parent, capsys)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"{path}: ") and "empty" in lines[0]


def test_bom_and_crlf_are_fine(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in tiny_brief.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert run_check(tiny_brief.parent, capsys) == (0, [])


def test_alias_bomb_is_refused(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefg", "bcdefgh")
    )
    (tiny_brief / "glossary.yaml").write_text(bomb, encoding="utf-8")
    code, lines = run_check(tiny_brief.parent, capsys)
    assert code == 1 and len(lines) == 1 and "aliases" in lines[0]


def test_python_object_tag_is_refused(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tiny_brief / "glossary.yaml").write_text("x: !!python/object/apply:os.system [echo hi]\n", encoding="utf-8")
    code, lines = run_check(tiny_brief.parent, capsys)
    assert code == 1 and len(lines) == 1 and "unsupported YAML tag" in lines[0]


def test_oversized_file_is_refused(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tiny_brief / "glossary.yaml").write_text("x: " + "长" * 1_000_000 + "\n", encoding="utf-8")
    code, lines = run_check(tiny_brief.parent, capsys)
    assert code == 1 and len(lines) == 1 and "limit" in lines[0]


def test_command_line_shows_no_traceback(tiny_brief: Path) -> None:
    (tiny_brief / "metrics.yaml").write_bytes("产值: [".encode("gbk"))
    done = subprocess.run([sys.executable, "-m", "briefgen.cli", "check", "--content", str(tiny_brief.parent)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_unknown_brief_is_a_usage_error(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(tiny_brief.parent), "nosuch"]) == 2
    assert "no brief named nosuch" in capsys.readouterr().err


def test_character_missing_from_the_fonts_is_reported(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace_in(tiny_brief / "parts/main.yaml", "全年产值", "全年🙂产值")
    code, lines = run_check(tiny_brief.parent, capsys)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"{tiny_brief}/parts/main.yaml:6:11: ") and "U+1F642" in lines[0]


def test_timeline_figure_named_by_no_item_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    river = Path(__file__).resolve().parents[1] / "fixtures" / "briefs" / "river-2025"
    brief = tmp_path / "river-2025"
    shutil.copytree(river, brief)
    assert run_check(tmp_path, capsys)[0] == 0
    replace_in(brief / "parts/areas.yaml", "5月：加固堤防{dike_length}", "5月：加固堤防")
    code, lines = run_check(tmp_path, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"{brief}/parts/areas.yaml:") and "'dike_length' is named by no item" in lines[0]


def test_compare_rows_of_different_units_must_ask_for_row_scales(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    seed = Path(__file__).resolve().parents[2] / "content" / "henan-2024"
    brief = tmp_path / "henan-2024"
    shutil.copytree(seed, brief)
    replace_in(brief / "parts/targets.yaml", "  scale: row", "  # one scale")
    code, lines = run_check(tmp_path, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"{brief}/parts/targets.yaml:") and "add 'scale: row'" in lines[0]
