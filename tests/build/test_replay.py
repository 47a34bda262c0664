"""A rebuild with nothing to do answers from the manifest, saying what a full build would say;
any change the PDFs could depend on takes the full path."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.build.options import BuildOptions
from briefgen.build.replay import replayed
from tests.build.conftest import EPOCH, ROOT, build

RIVER = ROOT / "tests" / "fixtures" / "briefs" / "river-2025"
# runs the command in a fresh process, then says on stderr whether the content loader was imported
RUN = """
import sys
from briefgen.cli import main
code = main(sys.argv[1:])
print("loaded:", "briefgen.content.loader" in sys.modules, file=sys.stderr)
sys.exit(code)
"""


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The river brief (its English a DRAFT: a warning to report) built once: content and out."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = tmp_path / "content"
    shutil.copytree(RIVER, content / "river-2025")
    assert build(content, tmp_path / "out", "--edition", "zh", "--edition", "en") == 0
    return content, tmp_path / "out"


def run(content: Path, out: Path, *args: str) -> tuple[str, list[str], bool]:
    """stdout, stderr lines (without the marker) and whether the brief was loaded."""
    command = [sys.executable, "-c", RUN, "build", "--content", str(content), "--out", str(out), *args]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
                          check=True)
    err = done.stderr.splitlines()
    return done.stdout, err[:-1], err[-1] == "loaded: True"


def test_nothing_changed_is_answered_without_loading_the_brief_and_says_the_same(built: tuple[Path, Path]) -> None:
    content, out = built
    fast = run(content, out, "--edition", "zh", "--edition", "en")
    manifest = out / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    del data["briefs"]["river-2025"]["replay"]  # as a manifest an older briefgen wrote: the full path
    manifest.write_text(json.dumps(data), encoding="utf-8")
    full = run(content, out, "--edition", "zh", "--edition", "en")
    assert not fast[2] and full[2]
    assert fast[:2] == full[:2]
    assert fast[0].count("unchanged") == 2 and any("DRAFT" in line for line in fast[1]), fast


def _edit_part(content: Path, out: Path) -> None:
    part = content / "river-2025/parts/overview.yaml"
    part.write_text(part.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def _add_file(content: Path, out: Path) -> None:
    (content / "river-2025/units.yaml").write_text("{}\n", encoding="utf-8")


def _remove_pdf(content: Path, out: Path) -> None:
    (out / "river-2025/river-2025-zh.pdf").unlink()


def _touch_up_pdf(content: Path, out: Path) -> None:
    pdf = out / "river-2025/river-2025-en.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n%edited\n")


def _add_catalog(content: Path, out: Path) -> None:  # the translator's file arrives
    po = content / "river-2025/locale/en/LC_MESSAGES/content.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")


@pytest.mark.parametrize("change", [_edit_part, _add_file, _remove_pdf, _touch_up_pdf, _add_catalog],
                         ids=lambda f: f.__name__.strip("_"))
def test_any_change_to_the_brief_or_its_pdfs_takes_the_full_path(built: tuple[Path, Path],
                                                                 change: Callable[[Path, Path], None]) -> None:
    content, out = built
    options = BuildOptions(out=out, editions=("zh", "en"))
    assert replayed(content, [], options) is not None
    change(content, out)
    assert replayed(content, [], options) is None


@pytest.mark.parametrize("other", [BuildOptions(Path(), editions=("zh",)), BuildOptions(Path(), editions=("zh", "en"),
                                   strict=True), BuildOptions(Path(), editions=("zh", "en"), paper="letter")],
                         ids=["editions", "strict", "paper"])
def test_other_options_take_the_full_path(built: tuple[Path, Path], other: BuildOptions) -> None:
    content, out = built
    from dataclasses import replace

    assert replayed(content, [], replace(other, out=out)) is None


def test_another_day_takes_the_full_path(built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = built
    options = BuildOptions(out=out, editions=("zh", "en"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86400))
    assert replayed(content, [], options) is None


def test_a_build_that_reported_an_error_is_never_replayed(built: tuple[Path, Path]) -> None:
    """--strict refuses the DRAFT English edition (an error): the next --strict build must say so again."""
    content, out = built
    assert build(content, out, "--edition", "zh", "--edition", "en", "--strict") == 1
    assert "replay" not in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["briefs"]["river-2025"]
    assert replayed(content, [], BuildOptions(out=out, editions=("zh", "en"), strict=True)) is None
