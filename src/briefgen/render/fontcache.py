"""Parsed TrueType metrics kept per user as JSON, keyed by the font file's hash, so a build does not re-parse 15 MB fonts.

ReportLab parses a CJK face's cmap and hmtx on every run (about 0.15 s a face). The result is
plain data — tables of character codes, glyph ids and widths — so it is stored as JSON (never
pickle: a cache holds data, not code), checked on load, and ignored when anything is off.
"""
from __future__ import annotations

import hashlib
import json
import logging
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, TTFontParser

from briefgen.runtime import cache_dir, store_json

log = logging.getLogger(__name__)
FORMAT = 1
NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
SCALARS = ("ascent", "descent", "bold", "italic", "builtIn", "unitsPerEm", "capHeight", "stemV", "italicAngle",
           "underlinePosition", "underlineThickness", "flags", "numGlyphs", "defaultWidth")


@lru_cache(maxsize=32)
def load_font(name: str, path: Path) -> TTFont:
    """A TTFont for ReportLab whose metrics come from the cache when it holds this exact file
    (one per process: the preflight and the renderer share it)."""
    digest = _digest(path)
    entry = cache_dir() / "fonts" / f"{digest}.json"
    face = _cached_face(path, entry, digest)
    if face is None:
        font = TTFont(name, str(path))
        store_json(entry, _metrics(font.face, digest))
        return font
    return _font(name, face)


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _cached_face(path: Path, entry: Path, digest: str) -> TTFontFace | None:
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("font cache %s is unreadable (%s); parsing the font again", entry, error)
        return None
    try:
        return _face(path, data, digest)
    except (KeyError, TypeError, ValueError) as error:
        log.warning("font cache %s does not hold this font's metrics (%s); parsing the font again", entry, error)
        return None


def _metrics(face: TTFontFace, digest: str) -> dict[str, Any]:
    codes = sorted(face.charToGlyph)
    return {
        "format": FORMAT, "reportlab": reportlab.Version, "sha256": digest,
        "names": {n: getattr(face, n).ustr for n in NAMES},
        "scalars": {n: getattr(face, n) for n in SCALARS},
        "fontRevision": list(face.fontRevision), "bbox": list(face.bbox),
        "codes": codes, "glyphs": [face.charToGlyph[c] for c in codes],
        "widths": [face.charWidths[c] for c in codes],
        "hmetrics": [list(m) for m in face.hmetrics], "glyphPos": face.glyphPos,
    }


def _face(path: Path, data: dict[str, Any], digest: str) -> TTFontFace:
    if data["format"] != FORMAT or data["reportlab"] != reportlab.Version or data["sha256"] != digest:
        raise ValueError("written for another font or another ReportLab")
    codes, glyphs, widths = data["codes"], data["glyphs"], data["widths"]
    if not (len(codes) == len(glyphs) == len(widths)) or not all(isinstance(c, int) for c in codes[:64]):
        raise ValueError("its tables do not line up")
    face = _FileOnDemand.__new__(_FileOnDemand)
    pdfmetrics.TypeFace.__init__(face, None)
    face.stamp = _stamp(path)  # before reading: the file load_font hashed
    TTFontParser.__init__(face, str(path), validate=0)  # reads the table directory
    face.forget_file()
    for n in NAMES:
        setattr(face, n, TTFNameBytes(data["names"][n].encode("utf-8")))
    for n, value in data["scalars"].items():
        if n not in SCALARS or not isinstance(value, (int, float)):
            raise ValueError(f"unexpected value for {n}")
        setattr(face, n, value)
    face.fontRevision, face.bbox = tuple(data["fontRevision"]), list(data["bbox"])
    face.glyphNames, face.glyphWidths, face.requiredEncoding, face._full_font = [], {}, None, False
    per_em = face.unitsPerEm
    face._pdfScale = (lambda x: x) if per_em == 1000 else (lambda x, m=1000 / per_em: x * m)
    face.charToGlyph = dict(zip(codes, glyphs))
    face.charWidths = dict(zip(codes, widths))
    face.glyphToChar = {}  # ReportLab reads it only while parsing (extractInfo); not stored
    face.hmetrics = [tuple(m) for m in data["hmetrics"]]
    face.glyphPos = list(data["glyphPos"])
    return face


class _FileOnDemand(TTFontFace):
    """A face made from cached metrics that holds its file (10-14 MB for a CJK face) only while
    ReportLab subsets it as the PDF is written, not for the whole build."""

    stamp: tuple[int, int]  # the file's size and modification time when its metrics were read

    def __getattr__(self, name: str) -> Any:  # only for attributes not set
        if name != "_ttf_data":
            raise AttributeError(name)
        path = Path(self.filename)
        if _stamp(path) != self.stamp:  # a stat, not a second hash of 10-14 MB at every save
            raise OSError(f"{self.filename} changed while the PDF was being made")
        self._ttf_data = path.read_bytes()
        return self._ttf_data

    def forget_file(self) -> None:
        self.__dict__.pop("_ttf_data", None)


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


class _SubsetOnDemand(TTFont):
    """A TTFont whose face lets go of its file once the font's subsets are in the PDF."""

    def addObjects(self, doc: Any) -> None:  # noqa: N802 (ReportLab's name)
        try:
            super().addObjects(doc)
        finally:
            if isinstance(self.face, _FileOnDemand):
                self.face.forget_file()


def _font(name: str, face: TTFontFace) -> TTFont:
    """What TTFont.__init__ does, with a face already made."""
    font = _SubsetOnDemand.__new__(_SubsetOnDemand)
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font
