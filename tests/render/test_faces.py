"""Where the fonts are found: in the installed package, unless BRIEFGEN_FONTS says otherwise."""
from __future__ import annotations

from pathlib import Path

import pytest

import briefgen
from briefgen.render.faces import FACES
from briefgen.runtime import bundled_font_dir, default_font_dir


def test_fonts_and_their_licences_are_package_data() -> None:
    folder = bundled_font_dir()
    assert folder.parent == Path(briefgen.__file__).parent  # inside the package, not the checkout
    assert all((folder / name).is_file() for name in FACES.values())
    assert len(list(folder.glob("OFL-*.txt"))) == 2


def test_briefgen_fonts_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_FONTS", str(tmp_path))
    assert default_font_dir() == tmp_path
    monkeypatch.delenv("BRIEFGEN_FONTS")
    assert default_font_dir() == bundled_font_dir()
