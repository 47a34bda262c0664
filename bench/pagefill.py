#!/usr/bin/env python3
"""How full each page of an edition is: empty share of the text frame, part ends, missing English.

    .venv/bin/python bench/pagefill.py build/henan-2024/henan-2024-zh-en.pdf [more.pdf ...]

For every page: the share of the text frame below the lowest ink (rendered with pdftoppm, so
charts count), whether it is a part's last page (the next page opens a top-level bookmark),
and in a bilingual edition the empty share of each language's column by its text alone and
whether a page with Chinese also carries English. Prints the page count, the pages over the
30% limit that are not part ends, and the emptiest pages.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdf

MM = 72 / 25.4
TOP, BOTTOM = 24 * MM, 22 * MM  # render.styles.geometry's margins
LIMIT = 0.30
DPI = 40
INK = 200  # grey level below which a pixel is ink (the banner tint and rules are lighter)
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class Page:
    number: int
    empty: float  # share of the frame's height below the lowest ink
    part_end: bool
    han: int  # Han characters inside the frame
    latin: int  # Latin words inside the frame
    zh_empty: float  # bilingual: share below the lowest Chinese word (1.0 when none)
    en_empty: float


def part_starts(reader: pypdf.PdfReader) -> set[int]:
    """Pages (1-based) that open a top-level bookmark: cover, contents, parts, back page."""
    return {reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)}


def lowest_ink(pgm: Path, top: float, bottom: float) -> float | None:
    """Lowest inked row inside [top, bottom] (points from the page top), None when blank."""
    data = pgm.read_bytes()
    fields = data.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4]
    scale = DPI / 72
    first, last = int(top * scale), min(int(bottom * scale), height - 1)
    for row in range(last, first - 1, -1):
        line = pixels[row * width:(row + 1) * width]
        if min(line) < INK:
            return (row + 1) / scale
    return None


def words(pdf: Path, number: int) -> list[tuple[str, float]]:
    """(word, bottom y from the page top) of one page, from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return [(w, float(y)) for y, w in re.findall(r'yMax="([\d.]+)">([^<]*)</word>', html)]


def measure(pdf: Path) -> list[Page]:
    reader = pypdf.PdfReader(pdf)
    starts = part_starts(reader)
    count = len(reader.pages)
    height = float(reader.pages[0].mediabox.height)
    top, bottom = TOP, height - BOTTOM
    frame = bottom - top
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(pdf), f"{tmp}/p"], check=True)
        files = sorted(Path(tmp).glob("p-*.pgm"))
        for number, pgm in enumerate(files, 1):
            ink = lowest_ink(pgm, top, bottom)
            inside = [(w, y) for w, y in words(pdf, number) if top - 2 <= y <= bottom + 2]
            han = sum(len(HAN.findall(w)) for w, _ in inside)
            latin = sum(1 for w, _ in inside if LATIN.search(w))
            zh = max((y for w, y in inside if HAN.search(w)), default=top)
            en = max((y for w, y in inside if LATIN.search(w)), default=top)
            out.append(Page(number, 1.0 if ink is None else max(0.0, (bottom - ink) / frame),
                            number + 1 in starts or number == count, han, latin,
                            (bottom - zh) / frame, (bottom - en) / frame))
    return out


def report(pdf: Path) -> bool:
    pages = measure(pdf)
    bilingual = "-zh-en" in pdf.name
    print(f"{pdf.name}: {len(pages)} pages")
    for p in pages:
        flag = " part end" if p.part_end else ""
        over = " OVER" if p.empty > LIMIT and not p.part_end and p.number > 1 else ""
        cols = f"  zh col {p.zh_empty:4.0%} en col {p.en_empty:4.0%}" if bilingual else ""
        print(f"  p{p.number:>2}: {p.empty:4.0%} empty{cols}{flag}{over}")
    bad = [p.number for p in pages if p.empty > LIMIT and not p.part_end and p.number > 1]
    alone = [p.number for p in pages if bilingual and p.han > 20 and p.latin < 3]
    worst = sorted(pages[1:], key=lambda p: -p.empty)[:3]
    print(f"  over {LIMIT:.0%} (not a part end, not the cover): {bad or 'none'}")
    print("  emptiest: " + ", ".join(f"p{p.number} {p.empty:.0%}" for p in worst))
    if bilingual:
        print(f"  pages with Chinese but no English: {alone or 'none'}")
    return not bad and not alone


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    ok = all([report(pdf) for pdf in parser.parse_args().pdfs])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
