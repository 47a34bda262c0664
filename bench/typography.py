#!/usr/bin/env python3
"""Measure the English setting of the seed brief as drawn: word spaces, hyphens, quotes, measure.

    .venv/bin/python bench/typography.py [--edition en|zh-en] [--content content]

Builds the edition in this process, records every English paragraph's lines as they are drawn
in the final layout pass, and prints: inter-word space (median, 95th percentile, max) as a
multiple of the font's natural space on justified lines; the share of lines ending in an added
hyphen and the longest run of them; characters per full line; straight quotes in the text a
reader copies (pdftotext). Figures for the issue's note; not a test.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from briefgen.build.edition import Edition, build_edition
from briefgen.content.loader import load_brief
from briefgen.render.cjk_paragraph import CJKParagraph
from briefgen.render.english import SOFT_HYPHEN
from briefgen.render.english_paragraph import EnglishParagraph
from briefgen.runtime import default_font_dir
from briefgen.render.linebreak import Line
from briefgen.render.paragraph import SetParagraph, measure

ROOT = Path(__file__).resolve().parents[1]
DRAWN: list[tuple[int, SetParagraph, tuple[Line, ...]]] = []


def record() -> None:
    """Wrap SetParagraph.draw so each drawn paragraph is remembered with its canvas."""
    draw = SetParagraph.draw

    def recording(self: SetParagraph) -> None:
        DRAWN.append((id(self.canv), self, self.lines))
        draw(self)
    SetParagraph.draw = recording  # type: ignore[method-assign]


def final_pass() -> list[tuple[SetParagraph, tuple[Line, ...]]]:
    last = DRAWN[-1][0]
    return [(p, lines) for canvas, p, lines in DRAWN if canvas == last]


def gaps(line: Line) -> list[float]:
    """Each word space on a line, from the last glyph of a word to the first of the next, as a
    multiple of the natural space (of the larger of the two sizes: "PM2.5 is" is a body space)."""
    out = []
    for a, b in zip(line.glyphs, line.glyphs[1:]):
        if a.text.endswith(" "):
            extent = a.width + (len(a.text) - 2) * a.spacing  # letter-spacing between its letters
            out.append((b.x - (a.x + extent)) / measure(" ", a.font, max(a.size, b.size)))
    return out


def chinese(paragraphs: list[tuple[SetParagraph, tuple[Line, ...]]]) -> None:
    """Letter-spacing of full justified Chinese lines, compressed marks, two-character last lines."""
    body = [(p, ls) for p, ls in paragraphs if isinstance(p, CJKParagraph) and p.style.align == "justify"]
    if not body:
        return
    em = {id(p): max(s.size for s in p.spans) for p, _ in body}
    spacing = sorted(line.spacing / em[id(p)] for p, ls in body for line in ls if not line.last)
    squeezed = sum(1 for _, ls in body for line in ls for g in line.glyphs if g.tracking < 0)
    short = sum(1 for _, ls in body if len(ls) > 1 and len("".join(g.text for g in ls[-1].glyphs).strip()) <= 2)
    over = sum(1 for x in spacing if x > 0.03 + 1e-9)
    print(f"Chinese: {len(body)} paragraphs, {len(spacing)} full lines; letter-spacing median "
          f"{statistics.median(spacing):.3f} em, max {spacing[-1]:.3f} em, {over} lines over 0.03 em")
    print(f"Chinese: {squeezed} marks drawn compressed; {short} paragraphs end on a line of two characters or less")


def report(paragraphs: list[tuple[SetParagraph, tuple[Line, ...]]], pdf: Path) -> None:
    chinese(paragraphs)
    body = [(p, ls) for p, ls in paragraphs if isinstance(p, EnglishParagraph) and p.setting.hyphenate]
    justified = [ls for p, ls in body if p.setting.align == "justify"]
    spaces = sorted(g for ls in justified for line in ls if not line.last for g in gaps(line))
    lines = [line for _, ls in body for line in ls]
    hyphens = [line.hyphen for line in lines]
    run = longest = 0
    for h in hyphens:
        run = run + 1 if h else 0
        longest = max(longest, run)
    full = [sum(len(g.text.replace(SOFT_HYPHEN, "-")) for g in line.glyphs) for line in lines if not line.last]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    if not body:
        return
    print(f"body paragraphs: {len(body)} ({len(justified)} justified), lines: {len(lines)}")
    if spaces:
        p95 = spaces[min(len(spaces) - 1, int(0.95 * len(spaces)))]
        print(f"word space x natural: median {statistics.median(spaces):.2f}, p95 {p95:.2f}, "
              f"max {spaces[-1]:.2f}, min {spaces[0]:.2f} ({len(spaces)} spaces)")
    print(f"hyphenated line ends: {sum(hyphens)} of {len(lines)} = {100 * sum(hyphens) / max(len(lines), 1):.1f}%, "
          f"longest run {longest}")
    print(f"characters per full line: median {statistics.median(full):.0f}, "
          f"range {min(full)}-{max(full)}" if full else "no full lines")
    spacing = [g.spacing / g.size for ls in justified for line in ls for g in line.glyphs]
    print(f"letter-spacing: max {max(spacing, default=0):+.3f} em, min {min(spacing, default=0):+.3f} em")
    print(f"straight quotes in the copied text: {text.count(chr(39)) + text.count(chr(34))}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="en")
    parser.add_argument("--content", type=Path, default=ROOT / "content" / "henan-2024")
    args = parser.parse_args(argv)
    record()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"brief-{args.edition}.pdf"
        build_edition(Edition(load_brief(args.content), args.edition, out, Path(tmp) / "cache",
                              default_font_dir(), "a4", False, "measure"))
        report(final_pass(), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
