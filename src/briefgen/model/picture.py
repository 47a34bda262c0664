"""A chart as a backend-neutral display list: paths and text in points, origin bottom-left."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

RGB = tuple[float, float, float]  # opaque, each channel 0..1
Rect = tuple[float, float, float, float]  # x, y, width, height
# ("moveto", (x, y)), ("lineto", (x, y)), ("curveto", (x1, y1, x2, y2, x3, y3)), ("closepath", ())
Segment = tuple[Literal["moveto", "lineto", "curveto", "closepath"], tuple[float, ...]]


@dataclass(frozen=True)
class PathOp:
    """A path filled (non-zero winding) and/or stroked; `clip` limits it to a rectangle."""

    segments: tuple[Segment, ...]
    fill: RGB | None = None
    stroke: RGB | None = None
    line_width: float = 1.0
    line_cap: Literal["butt", "round", "projecting"] = "butt"
    line_join: Literal["miter", "round", "bevel"] = "miter"
    dash: tuple[float, ...] = ()  # on, off, on, ... lengths; () is a solid line
    dash_offset: float = 0.0
    clip: Rect | None = None


@dataclass(frozen=True)
class TextOp:
    """One line of text in one face (bold or not, Latin or Chinese), starting at its baseline point (x, y), turned `angle`
    degrees anticlockwise about that point.

    `width` is the line's advance as the chart laid it out, kerning included. A backend that
    draws with the font's own advances (no kerning) restarts the line at each of `runs`:
    (index, offset) means text[index:] starts `offset` points after x, where the laid-out
    glyphs and the plain advances part by more than a few hundredths of a point.
    """

    text: str
    x: float
    y: float
    size: float
    bold: bool = False
    rgb: RGB = (0.0, 0.0, 0.0)
    angle: float = 0.0
    width: float = 0.0
    runs: tuple[tuple[int, float], ...] = ()
    latin: bool = False  # in the Latin sans (Noto Sans), not the Chinese one (Noto Sans SC)
    reading: int = -1  # the Picture.readings entry this text copies out as, with its neighbours

    def pieces(self) -> list[tuple[float, str]]:
        """The line as (offset from x, text) runs, the first at offset 0."""
        starts = [(0, 0.0), *self.runs]
        ends = [index for index, _ in self.runs] + [len(self.text)]
        return [(offset, self.text[index:end]) for (index, offset), end in zip(starts, ends)]


Op = Union[PathOp, TextOp]


@dataclass(frozen=True)
class Picture:
    """A drawing `width` x `height` points; later ops paint over earlier ones."""

    width: float
    height: float
    ops: tuple[Op, ...]
    # What each group of consecutive TextOps with that `reading` copies out as: "4.1% 生产总值增长"
    readings: tuple[str, ...] = ()

    def texts(self) -> list[TextOp]:
        return [op for op in self.ops if isinstance(op, TextOp)]

    def paths(self) -> list[PathOp]:
        return [op for op in self.ops if isinstance(op, PathOp)]
