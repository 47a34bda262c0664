"""Parsed TrueType metrics kept per user as JSON, keyed by the font file's hash, so a build does not re-parse 15 MB fonts.

ReportLab parses a CJK face's cmap and hmtx on every run (about 0.15 s a face). The result is
plain data — tables of character codes, glyph ids and widths — so it is stored as JSON (never
pickle: a cache holds data, not code), checked on load, and ignored when anything is off. The
tables (tens of thousands of numbers each) are packed arrays in base64: decoding them as JSON
lists cost more than the rest of loading a face.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import sys
from array import array
from collections.abc import Sequence
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any, overload
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, TTFontParser

from briefgen.runtime import cache_dir, store_json

log = logging.getLogger(__name__)
FORMAT = 2
TABLES = ("codes", "glyphs", "widths", "advances", "lsbs", "glyphPos")
TYPECODES = ("i", "q", "d")  # 4- and 8-byte integers, doubles: little-endian in the file
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
    """The file's SHA-256, read from the note of the last one taken while the file's size and
    modification time are the same (as git's index does), else taken and noted."""
    note = cache_dir() / "fonts" / "files" / f"{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]}.json"
    stamp = list(_stamp(path))
    try:
        noted = json.loads(note.read_text(encoding="utf-8"))
        if isinstance(noted, dict) and noted.get("stamp") == stamp and isinstance(noted.get("sha256"), str):
            return str(noted["sha256"])
    except (OSError, ValueError):
        pass
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    store_json(note, {"path": str(path), "stamp": stamp, "sha256": digest})
    return digest


def _cached_face(path: Path, entry: Path, digest: str) -> TTFontFace | None:
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("font cache %s is unreadable (%s); parsing the font again", entry, error)
        return None
    if isinstance(data, dict) and (data.get("format"), data.get("reportlab")) != (FORMAT, reportlab.Version):
        log.debug("font cache %s was written by another briefgen or ReportLab; parsing the font again", entry)
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
        "tables": {
            "codes": _pack(codes), "glyphs": _pack([face.charToGlyph[c] for c in codes]),
            "widths": _pack([face.charWidths[c] for c in codes]),
            "advances": _pack([m[0] for m in face.hmetrics]), "lsbs": _pack([m[1] for m in face.hmetrics]),
            "glyphPos": _pack(face.glyphPos),
        },
    }


def _pack(values: list[Any]) -> dict[str, str]:
    """Numbers as one packed array: ints as ints (4 bytes when they fit), others as doubles."""
    ints = all(isinstance(v, int) for v in values)
    typecode = "d" if not ints else "i" if all(-2**31 <= v < 2**31 for v in values) else "q"
    packed = array(typecode, values)
    if sys.byteorder == "big":
        packed.byteswap()
    return {"type": typecode, "data": base64.b64encode(packed.tobytes()).decode("ascii")}


def _unpack(table: Any, name: str) -> array[Any]:
    allowed = TYPECODES if name == "widths" else TYPECODES[:2]  # codes, glyph ids and offsets are whole
    if not isinstance(table, dict) or table.get("type") not in allowed or not isinstance(table.get("data"), str):
        raise ValueError(f"the {name} table is not a packed array of the right type")
    values = array(table["type"])
    values.frombytes(base64.b64decode(table["data"], validate=True))  # a torn length is a ValueError
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _face(path: Path, data: dict[str, Any], digest: str) -> TTFontFace:
    if data["sha256"] != digest:
        raise ValueError("written for another font")
    codes, glyphs, widths, advances, lsbs, positions = (_unpack(data["tables"][t], t) for t in TABLES)
    if not (len(codes) == len(glyphs) == len(widths)) or len(advances) != len(lsbs):
        raise ValueError("its tables do not line up")
    face = _FileOnDemand.__new__(_FileOnDemand)
    pdfmetrics.TypeFace.__init__(face, None)
    face.stamp = _stamp(path)  # before reading: the file load_font hashed
    TTFontParser.__init__(face, _table_directory(path), validate=0)
    face.filename = str(path)
    face.forget_file()  # the directory's bytes: the whole file is read when a subset is made
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
    face.hmetrics = _Pairs(advances, lsbs)  # read only for the glyphs of a subset
    face.glyphPos = positions
    if len(face.hmetrics) != face.numGlyphs or len(positions) != face.numGlyphs + 1:
        raise ValueError("its tables do not match its number of glyphs")
    return face


def _table_directory(path: Path) -> io.BytesIO:
    """The start of the file that says where its tables are (a few hundred bytes of 10-14 MB);
    all of a font collection, whose directory may lie anywhere."""
    with path.open("rb") as handle:
        head = handle.read(12)
        if head[:4] == b"ttcf":
            return io.BytesIO(head + handle.read())
        return io.BytesIO(head + handle.read(16 * int.from_bytes(head[4:6], "big")))


class _Pairs(Sequence[tuple[int, int]]):
    """hmtx as ReportLab's (advance, left side bearing) pairs, made from two packed arrays."""

    def __init__(self, advances: array[int], lsbs: array[int]) -> None:
        self.advances, self.lsbs = advances, lsbs

    def __len__(self) -> int:
        return len(self.advances)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self.advances[index], self.lsbs[index]))
        return self.advances[index], self.lsbs[index]


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
