"""The brief's chart style: palette, type sizes, figure size and deterministic rcParams."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib import font_manager

FAMILY = "Noto Sans SC"
FONT_FILES = {False: "NotoSansSC_400Regular.ttf", True: "NotoSansSC_700Bold.ttf"}
LATIN_FAMILY = "Noto Sans"  # English charts, as the English text's sans; Chinese text stays in SC
LATIN_FILES = {False: "NotoSans_400Regular.ttf", True: "NotoSans_700Bold.ttf"}

WIDTH = 6.3  # inches: a 160 mm text column
MIN_HEIGHT = 2.0
MAX_HEIGHT = 3.2
MARGIN = 0.06  # inches kept clear at every edge

LINESPACING = 1.2  # a text block is lines * LINESPACING * size points tall
SMALL_PT = 7.5  # notes and legends; nothing is smaller than 7 pt
LABEL_PT = 8.5
VALUE_PT = 9.0
BIG_PT = 22.0


def mix(color: str, amount: float) -> str:
    """`color` mixed with white: an opaque tint (the PDF replay draws no transparency)."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    tint = [round(255 - amount * (255 - c)) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in tint)


# Okabe-Ito blue and orange: colour-blind safe, and far apart in grey (L* 46 vs 72).
INK = "#1a1a1a"
MUTED = "#5e5e5e"
RULE = "#a6a6a6"
TRACK = "#e6e6e6"
BLUE = "#0072b2"
BLUE_DARK = "#00476f"
BLUE_TINT = mix(BLUE, 0.14)
ORANGE = "#e69f00"
ORANGE_DARK = "#9c5a00"  # orange for text: 5:1 on white
ORANGE_TINT = mix(ORANGE, 0.22)
GREY = "#9b9b9b"
WHITE = "#ffffff"

RC: Any = {  # rcParams for every chart (typed Any: mypy's rc_context wants literal keys)
    "svg.fonttype": "path",  # text as outlines: the SVG needs no fonts
    "svg.hashsalt": "briefgen",
    "axes.unicode_minus": False,
    "font.family": [FAMILY],
    "font.size": LABEL_PT,
    "text.color": INK,
    "figure.facecolor": WHITE,
    "savefig.facecolor": WHITE,
    "path.simplify": False,
    "text.hinting": "none",  # unhinted layout: text measures the same at every dpi
}


def font_paths(font_dir: Path, latin: bool = False) -> dict[bool, Path]:
    """The regular (False) and bold (True) files of the chart font, or of its Latin companion,
    registered with matplotlib once."""
    paths = {bold: Path(font_dir) / name for bold, name in (LATIN_FILES if latin else FONT_FILES).items()}
    for path in paths.values():
        if not path.is_file():
            raise FileNotFoundError(f"{path}: chart font missing (expected {LATIN_FAMILY if latin else FAMILY} in {font_dir})")
        if path not in _REGISTERED:
            if path not in {Path(entry.fname) for entry in font_manager.fontManager.ttflist}:
                font_manager.fontManager.addfont(str(path))
            _REGISTERED.add(path)
    return paths


_REGISTERED: set[Path] = set()  # font files known to matplotlib's font manager (it never forgets one)
