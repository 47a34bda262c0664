"""`briefgen charts`: every chart of a brief, per locale, framed for web and social posts: SVG,
a 1600 px PNG and a 1080 x 1080 square PNG, each with its title, source line and the brief's name."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from briefgen.build.edition import localized
from briefgen.charts.export import FORMATS
from briefgen.content.model import Brief
from briefgen.files import atomic_write
from briefgen.i18n.interface import interface

log = logging.getLogger("briefgen")
SUFFIXES = {"svg": ".svg", "png": ".png", "square": "-square.png"}


def export_brief_charts(brief: Brief, out: Path, font_dir: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write out/<brief>/charts/<locale>/<chart-id>{.svg,.png,-square.png}; return the files written."""
    from briefgen.charts.export import Framing, export

    written: list[Path] = []
    for locale in brief.locales:
        folder = out / brief.id / "charts" / locale
        document = localized(brief, locale)
        ui = interface(locale)
        for chart in document.charts():
            framing = Framing(ui.format("Source: {source}", source=chart.source), document.title)
            for fmt in formats:
                path = folder / f"{chart.id}{SUFFIXES[fmt]}"
                atomic_write(path, export(chart, font_dir, framing, fmt))
                written.append(path)
        log.info("%s: %d files", folder, len(written))
    return written
