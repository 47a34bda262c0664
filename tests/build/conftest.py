"""Real builds of the seed brief, shared by the end-to-end tests (each build takes a few seconds)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
EPOCH = "1706400000"  # 2024-01-28


def build(content: Path, out: Path, *args: str) -> int:
    return main(["build", "-q", "--content", str(content), "--out", str(out), *args])


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/ of the seed content at A4, with a fixed SOURCE_DATE_EPOCH."""
    out = tmp_path_factory.mktemp("a4")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        assert build(ROOT / "content", out) == 0
    return out / "henan-2024"


def pdftotext(pdf: Path, raw: bool = False) -> str:
    """The PDF's text as poppler reads it; `raw` keeps content-stream order (each column's paragraph
    whole in the bilingual edition) and every line-end hyphen, which the default mode drops."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    flags = ["-raw"] if raw else []
    return subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="session")
def translated_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with content/tiny (translated, two charts) and out/ holding its three editions."""
    from tests.build.translated_brief import make_base

    return make_base(tmp_path_factory.mktemp("translated")).parents[1]
