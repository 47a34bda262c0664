"""Record a drawn matplotlib figure as a Picture: shapes as paths, text as text (not outlines)."""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib import font_manager
from matplotlib._text_helpers import layout
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font, LoadFlags
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Transform

from briefgen.charts.canvas import READING
from briefgen.i18n.typography import NBSP
from briefgen.model.picture import RGB, Op, PathOp, Picture, Rect, Segment, TextOp

_MEASURED: dict[tuple[str, FontProperties], tuple[float, float, float]] = {}


def _shaped(s: str, font: FT2Font, features: Any, language: Any) -> list[Any]:
    """matplotlib's shaped glyphs of s: positions only. Its layout() also loads each glyph's
    outline, for the rasterizing backends; since 3.11 the shaping itself is FT2Font._layout."""
    shape = getattr(font, "_layout", None)
    if shape is None:  # matplotlib 3.10
        return list(layout(s, font, features=features, language=language))
    return list(shape(s, LoadFlags.NO_HINTING, features=features, language=language))


DRIFT = 0.05  # points a glyph may sit off its plain-advance position before a new run starts
PLACES = 3  # coordinates are kept to a thousandth of a point: compact and deterministic


class PictureRenderer(RendererBase):
    """A matplotlib renderer at 72 dpi (1 pixel = 1 point) that records ops instead of drawing.

    Text in one of `faces` (font file -> (bold, latin)) is recorded as TextOp; any other text, and
    mathtext, falls back to matplotlib's outlines so nothing is ever lost.
    """

    def __init__(self, width: float, height: float, faces: dict[Path, tuple[bool, bool]]) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.faces = {path.resolve(): face for path, face in faces.items()}
        self.ops: list[Op] = []
        self._advances: dict[tuple[str, str], float] = {}
        self._groups: list[str | None] = []  # gids of the artists being drawn, innermost last

    def open_group(self, s: str, gid: str | None = None) -> None:
        self._groups.append(gid)

    def close_group(self, s: str) -> None:
        if self._groups:
            self._groups.pop()

    def _reading(self) -> int:
        """The reading group of the text being drawn (charts.canvas.reads_as), or -1.

        Taken from the artist's group: matplotlib passes no artist for each line of a multi-line text."""
        gid = next((g for g in reversed(self._groups) if g), None)
        return int(gid.removeprefix(READING)) if gid and gid.startswith(READING) else -1

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: Any) -> Any:
        return points

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath: Any) -> tuple[float, float, float]:
        """Measured as the SVG backend measures (unhinted outlines at 72 dpi), and remembered for
        the process: matplotlib keeps its measurements per renderer, and each chart has its own."""
        key = (s, prop.copy()) if not ismath else None  # matplotlib's own metrics cache keys on a copy too
        if key is not None and key in _MEASURED:
            return _MEASURED[key]
        w, h, d = self._text2path.get_text_width_height_descent(s, prop, ismath)
        measured = float(w), float(h), float(d)
        if key is not None and len(_MEASURED) < 20_000:  # a long watch session keeps no more
            _MEASURED[key] = measured
        return measured

    def draw_path(
        self, gc: GraphicsContextBase, path: MplPath, transform: Transform, rgbFace: Any = None
    ) -> None:
        fill = _paint(rgbFace, gc) if rgbFace is not None else None
        stroke = _paint(gc.get_rgb(), gc) if gc.get_linewidth() > 0 else None
        if fill is None and stroke is None:
            return
        dash, dash_offset = _dash(gc) if stroke else ((), 0.0)
        self.ops.append(PathOp(
            segments=tuple(_segments(path, transform)),
            fill=fill,
            stroke=stroke,
            line_width=round(float(gc.get_linewidth()), PLACES),
            line_cap=gc.get_capstyle(),
            line_join=gc.get_joinstyle(),
            dash=dash,
            dash_offset=dash_offset,
            clip=self._clip(gc),
        ))

    def draw_text(
        self, gc: GraphicsContextBase, x: float, y: float, s: str, prop: FontProperties,
        angle: float, ismath: Any = False, mtext: Any = None,
    ) -> None:
        face = self.faces.get(Path(font_manager.findfont(prop)).resolve())
        if ismath or face is None:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # outlines
            return
        if not s.strip():
            return
        rgb = _paint(gc.get_rgb(), gc)
        if rgb is None:
            return
        size = float(prop.get_size_in_points())
        width = self.get_text_width_height_descent(s, prop, False)[0]
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        runs = self._runs(s, prop, size, features, language)
        reading = self._reading()
        # A no-break space copies out as a space, as in the body text (the faces give both one advance).
        self.ops.append(TextOp(
            s.replace(NBSP, " "), round(float(x), PLACES), round(float(y), PLACES), size, face[0], rgb,
            round(float(angle), PLACES) % 360, round(width, PLACES), runs, face[1], reading,
        ))

    def _runs(
        self, s: str, prop: FontProperties, size: float, features: Any, language: Any
    ) -> tuple[tuple[int, float], ...]:
        """Where matplotlib's shaped glyphs (kerning, ligatures) leave the plain advances."""
        font = self._text2path._get_font(prop)  # type: ignore[attr-defined]  # at FONT_SCALE, as in SVG
        scale = size / self._text2path.FONT_SCALE
        items = _shaped(s, font, features, language)
        if "".join(item.char for item in items) != s:
            return ()  # reordered or dropped characters: draw with plain advances
        runs: list[tuple[int, float]] = []
        pen = 0.0
        index = 0
        for item in items:
            x = item.x * scale
            if abs(x - pen) > DRIFT:
                runs.append((index, round(x, PLACES)))
                pen = x
            for char in item.char:
                pen += self._advance(item.ft_object, char) * size
            index += len(item.char)
        return tuple(runs)

    def _advance(self, font: FT2Font, char: str) -> float:
        """The character's plain advance in ems (what a PDF viewer uses without kerning)."""
        key = (os.fsdecode(font.fname), char)
        if key not in self._advances:
            font.set_size(self._text2path.FONT_SCALE, 72)
            glyph = font.load_char(ord(char), flags=LoadFlags.NO_HINTING)
            self._advances[key] = glyph.linearHoriAdvance / 65536 / self._text2path.FONT_SCALE
        return self._advances[key]

    def _clip(self, gc: GraphicsContextBase) -> Rect | None:
        """The clip rectangle, or None when it holds the whole picture."""
        x0, y0, x1, y1 = -np.inf, -np.inf, np.inf, np.inf
        box = gc.get_clip_rectangle()
        if box is not None:
            x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
        clip_path, affine = gc.get_clip_path()
        if clip_path is not None and affine is not None:
            corners = _rectangle(affine.transform(clip_path.vertices))  # type: ignore[attr-defined]
            if corners is None:
                raise NotImplementedError("a chart clipped to a non-rectangular path")
            x0, y0 = max(x0, corners[0]), max(y0, corners[1])
            x1, y1 = min(x1, corners[2]), min(y1, corners[3])
        if x0 <= 0 and y0 <= 0 and x1 >= self.width and y1 >= self.height:
            return None
        x0, y0 = max(x0, 0.0), max(y0, 0.0)
        x1, y1 = min(x1, self.width), min(y1, self.height)
        return tuple(round(float(v), PLACES) for v in (x0, y0, x1 - x0, y1 - y0))  # type: ignore[return-value]


def record(fig: Figure, faces: dict[Path, tuple[bool, bool]]) -> Picture:
    """Draw `fig` (made at 72 dpi) into a Picture; text in `faces` stays text."""
    if fig.dpi != 72:
        raise ValueError(f"a figure to record must be made at 72 dpi, not {fig.dpi}")
    width, height = float(fig.bbox.width), float(fig.bbox.height)
    renderer = PictureRenderer(width, height, faces)
    fig.draw(renderer)
    readings = tuple(fig.__dict__.get("readings", ()))
    return Picture(round(width, PLACES), round(height, PLACES), tuple(renderer.ops), readings)


def _paint(rgba: Sequence[float], gc: GraphicsContextBase) -> RGB | None:
    """The colour pre-mixed on white by its alpha; None when fully transparent."""
    alpha = gc.get_alpha() if gc.get_forced_alpha() else (rgba[3] if len(rgba) > 3 else 1.0)
    if alpha <= 0:
        return None
    r, g, b = (round(1 - alpha * (1 - float(c)), 4) for c in rgba[:3])
    return (r, g, b)


def _dash(gc: GraphicsContextBase) -> tuple[tuple[float, ...], float]:
    """The dash lengths and offset in points; () for a solid line."""
    offset, dashes = gc.get_dashes()
    if dashes is None:
        return (), 0.0
    lengths = tuple(round(float(d), PLACES) for d in np.asarray(dashes, dtype=float))
    return lengths, round(float(offset or 0.0), PLACES)


def _segments(path: MplPath, transform: Transform) -> Iterator[Segment]:
    """The path in picture points; quadratic curves become cubic ones."""
    start = last = (0.0, 0.0)
    for vertices, code in path.iter_segments(transform, remove_nans=True, simplify=False, curves=True):
        v = [round(float(c), PLACES) for c in vertices]
        if code == MplPath.MOVETO:
            start = (v[0], v[1])
            yield ("moveto", start)
        elif code == MplPath.LINETO:
            yield ("lineto", (v[0], v[1]))
        elif code == MplPath.CURVE4:
            yield ("curveto", tuple(v))
        elif code == MplPath.CURVE3:
            (qx, qy), (x, y) = (v[0], v[1]), (v[2], v[3])
            c1 = (last[0] + 2 / 3 * (qx - last[0]), last[1] + 2 / 3 * (qy - last[1]))
            c2 = (x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y))
            yield ("curveto", tuple(round(c, PLACES) for c in (*c1, *c2, x, y)))
        elif code == MplPath.CLOSEPOLY:
            yield ("closepath", ())
            last = start
            continue
        last = (v[-2], v[-1])


def _rectangle(points: np.ndarray) -> tuple[float, float, float, float] | None:
    """x0, y0, x1, y1 when `points` only visit the corners of an axis-aligned rectangle."""
    x0, y0 = points.min(axis=0)
    x1, y1 = points.max(axis=0)
    on_x = np.isclose(points[:, 0], x0) | np.isclose(points[:, 0], x1)
    on_y = np.isclose(points[:, 1], y0) | np.isclose(points[:, 1], y1)
    return (float(x0), float(y0), float(x1), float(y1)) if bool(np.all(on_x & on_y)) else None
