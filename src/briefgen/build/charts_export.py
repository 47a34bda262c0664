"""`briefgen charts`: every chart of a brief, per locale, as SVG and 2x PNG for web and social posts."""
from __future__ import annotations

import logging
from pathlib import Path

from briefgen.build.edition import localized
from briefgen.content.model import Brief
from briefgen.files import atomic_write

log = logging.getLogger("briefgen")
PNG_WIDTH = 1600  # pixels: twice the 800 px a web column shows


def export_brief_charts(brief: Brief, out: Path, font_dir: Path) -> list[Path]:
    """Write out/<brief>/charts/<locale>/<chart-id>.svg and .png; return the files written."""
    from briefgen.charts.render import render_png, render_svg

    written: list[Path] = []
    for locale in brief.locales:
        folder = out / brief.id / "charts" / locale
        for chart in localized(brief, locale).charts():
            for suffix, data in ((".svg", render_svg(chart, font_dir)), (".png", render_png(chart, font_dir, PNG_WIDTH))):
                atomic_write(folder / f"{chart.id}{suffix}", data)
                written.append(folder / f"{chart.id}{suffix}")
        log.info("%s: %d charts", folder, len(written))
    return written
