"""Font files a build depends on, checked before anything is drawn: present, TrueType, whole.

A font cut short by a failed download or copy still parses in ReportLab (it reads glyph data
only when it embeds it), so the table directory is checked against the file's size here.
"""
from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

from briefgen.errors import Location, Problem

TRUETYPE = (b"\x00\x01\x00\x00", b"true")
MISSING = "missing"
REQUIRED = (b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp")


ADVICE = "reinstall briefgen's fonts (or set BRIEFGEN_FONTS to a folder holding them)"


def font_problems(paths: Iterable[Path]) -> list[Problem]:
    """One line per damaged font file, naming it; missing ones in one line per folder."""
    problems: list[Problem] = []
    missing: dict[Path, list[str]] = {}
    for path in paths:
        reason = _damage(path)
        if reason == MISSING:
            missing.setdefault(path.parent, []).append(path.name)
        elif reason:
            problems.append(Problem(Location.of(path), f"{reason}; {ADVICE}"))
    for folder, names in missing.items():
        where = Location.of(folder / names[0]) if len(names) == 1 else Location.of(folder)
        what = "font file missing" if len(names) == 1 else f"fonts missing ({', '.join(names)})"
        problems.insert(0, Problem(where, f"{what}; {ADVICE}"))
    return problems


def _damage(path: Path) -> str | None:
    """Why the file at path is no usable TrueType font, or None."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            header = f.read(12)
            directory = f.read(16 * struct.unpack(">H", header[4:6])[0]) if len(header) == 12 else b""
    except FileNotFoundError:
        return MISSING
    except OSError as exc:
        return f"cannot read the font file: {exc.strerror or exc}"
    if size == 0:
        return "the font file is empty (0 bytes)"
    if len(header) < 12 or header[:4] not in TRUETYPE:
        return "not a TrueType font file"
    tables = _tables(directory, struct.unpack(">H", header[4:6])[0])
    if tables is None:
        return f"the font file is truncated ({size} bytes, cut inside its table directory)"
    end = max((offset + length for offset, length in tables.values()), default=0)
    if end > size:
        return f"the font file is truncated ({size} bytes; its tables need {end})"
    missing = [tag.decode() for tag in REQUIRED if tag not in tables]
    if missing:
        return f"the font file is damaged (no {', '.join(missing)} table)"
    return None


def _tables(directory: bytes, count: int) -> dict[bytes, tuple[int, int]] | None:
    """tag -> (offset, length) from the table directory; None when it is cut short."""
    if len(directory) < 16 * count:
        return None
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", directory[16 * index: 16 * index + 16])
        tables[tag] = (offset, length)
    return tables
