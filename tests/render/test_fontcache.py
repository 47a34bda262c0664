"""Font metrics cached as JSON: the same face as a fresh parse, and a damaged entry is only a re-parse."""
from __future__ import annotations

import json
import logging
import pickle
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.render import fontcache
from briefgen.render.faces import FACES, default_font_dir

FONT = default_font_dir() / FACES["Sans-Bold"]
PARSER_STATE = {"_ttf_data", "_pos", "_pdfScale", "glyphToChar"}  # glyphToChar: used only while parsing


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cache"))
    fontcache.load_font.cache_clear()
    return tmp_path / "cache" / "fonts"


def _entry(cache: Path) -> Path:
    (entry,) = cache.glob("*.json")
    return entry


def test_cached_face_is_the_parsed_face(cache: Path) -> None:
    fontcache.load_font("First", FONT)
    cached = fontcache.load_font("Second", FONT)
    parsed = TTFont("Third", str(FONT))
    for key, value in vars(parsed.face).items():
        if key not in PARSER_STATE:
            assert getattr(cached.face, key) == value, key
    assert cached.face._pdfScale(500) == parsed.face._pdfScale(500)
    subset = [0, *map(ord, "河南省政府工作报告 GDP 4.1%")]
    assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)
    assert cached.stringWidth("增长4.1%", 10) == parsed.stringWidth("增长4.1%", 10)


def test_cache_entry_is_json_named_by_the_file_hash(cache: Path) -> None:
    fontcache.load_font("First", FONT)
    entry = _entry(cache)
    assert entry.stem == fontcache._digest(FONT)
    assert json.loads(entry.read_text(encoding="utf-8"))["sha256"] == entry.stem


@pytest.mark.parametrize("damage", ["garbage", "pickle", "truncated", "other-font", "wrong-types"])
def test_damaged_entry_is_ignored_and_rewritten(cache: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                damage: str) -> None:
    fontcache.load_font("First", FONT)
    entry = _entry(cache)
    good = entry.read_text(encoding="utf-8")
    planted = tmp_path / "planted"

    class Plant:  # unpickling this would create a file
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (Path.touch, (planted,))
    data = json.loads(good)
    bad = {
        "garbage": "{not json",
        "pickle": pickle.dumps(Plant()).decode("latin-1"),
        "truncated": good[: len(good) // 2],
        "other-font": json.dumps({**data, "sha256": "0" * 64}),
        "wrong-types": json.dumps({**data, "codes": ["a"] * len(data["codes"])}),
    }[damage]
    entry.write_text(bad, encoding="latin-1" if damage == "pickle" else "utf-8")
    fontcache.load_font.cache_clear()
    with caplog.at_level(logging.WARNING, logger="briefgen.render.fontcache"):
        font = fontcache.load_font("Again", FONT)
    assert font.face.charWidths == TTFont("Ref", str(FONT)).face.charWidths
    assert not planted.exists()
    assert any("parsing the font again" in r.getMessage() for r in caplog.records)
    assert entry.read_text(encoding="utf-8") == good  # rewritten with the real metrics


def test_unwritable_cache_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_CACHE", str(blocker))
    fontcache.load_font.cache_clear()
    assert fontcache.load_font("Plain", FONT).face.numGlyphs > 30000
