"""Font metrics cached as JSON: the same face as a fresh parse, and a damaged entry is only a re-parse."""
from __future__ import annotations

import io
import json
import logging
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.render import fontcache
from briefgen.render.faces import FACES
from briefgen.runtime import default_font_dir

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
            mine = getattr(cached.face, key)
            # hmetrics and glyphPos are packed arrays read by index: the same items as ReportLab's lists
            assert (list(mine) if key in ("hmetrics", "glyphPos") else mine) == value, key
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
        "wrong-types": json.dumps({**data, "tables": {**data["tables"], "codes": {"type": "d", "data": data["tables"]["codes"]["data"]}}}),
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


def _pdf_with(font: TTFont) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, "河南省政府工作报告 GDP 4.1%")
    canvas.save()
    return out.getvalue()


def test_a_cached_face_holds_its_file_only_while_the_pdf_is_written(cache: Path, tmp_path: Path) -> None:
    """A CJK face's file is 10-14 MB: read for subsetting at save and let go after, so a build
    does not carry four of them (the same PDF as a freshly parsed font makes)."""
    fontcache.load_font("Warm", FONT)
    cached = fontcache.load_font("Cached", FONT)
    assert "_ttf_data" not in vars(cached.face)
    made = _pdf_with(cached)
    assert "_ttf_data" not in vars(cached.face)
    parsed = TTFont("Cached", str(FONT))
    assert made == _pdf_with(parsed)


CHANGED = """
import io, sys
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from briefgen.render import fontcache
font = fontcache.load_font("Changed", Path(sys.argv[1]))
Path(sys.argv[1]).write_bytes(Path(sys.argv[2]).read_bytes())
pdfmetrics.registerFont(font)
canvas = Canvas(io.BytesIO())
canvas.setFont("Changed", 12)
canvas.drawString(72, 720, "河南省")
try:
    canvas.save()
except OSError as error:
    print(error)
"""


def test_a_font_file_changed_during_the_build_is_not_subset(cache: Path, tmp_path: Path) -> None:
    """In a process of its own: ReportLab keeps the first font registered for a face name."""
    copy = tmp_path / "Font.ttf"
    copy.write_bytes(FONT.read_bytes())
    fontcache.load_font("Warm", copy)  # the metrics go into the cache
    other = default_font_dir() / FACES["Sans"]
    run = subprocess.run([sys.executable, "-c", CHANGED, str(copy), str(other)], check=True,
                         capture_output=True, text=True)
    assert "changed while the PDF was being made" in run.stdout


def test_a_font_file_is_hashed_again_only_when_its_size_or_time_changes(cache: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The hash of 10-14 MB is noted beside the file's stamp (as git's index does): a build that
    finds the same stamp reads the note; a replaced file is hashed again."""
    import hashlib
    import os

    copy = tmp_path / "Font.ttf"
    copy.write_bytes(FONT.read_bytes())
    first = fontcache._digest(copy)
    assert first == hashlib.sha256(copy.read_bytes()).hexdigest()
    with monkeypatch.context() as patched:
        patched.setattr(hashlib, "file_digest", lambda *a, **k: pytest.fail("hashed an unchanged file"))
        assert fontcache._digest(copy) == first
    other = (default_font_dir() / FACES["Sans"]).read_bytes()
    copy.write_bytes(other)
    os.utime(copy, ns=(1, 1))  # even with a time set back
    assert fontcache._digest(copy) == hashlib.sha256(other).hexdigest()


def test_only_the_table_directory_is_read_to_place_the_tables(tmp_path: Path) -> None:
    directory = fontcache._table_directory(FONT).getvalue()
    tables = int.from_bytes(FONT.read_bytes()[4:6], "big")
    assert directory == FONT.read_bytes()[: 12 + 16 * tables]
    collection = tmp_path / "Fonts.ttc"  # a collection's directories may lie anywhere: all of it
    collection.write_bytes(b"ttcf" + bytes(200))
    assert fontcache._table_directory(collection).getvalue() == collection.read_bytes()
