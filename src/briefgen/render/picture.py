"""Replay a chart's Picture on a ReportLab canvas: vector paths, and text set in the embedded Sans faces."""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas
from reportlab.platypus import Flowable

from briefgen.model.picture import PathOp, Picture, Rect, TextOp
from briefgen.render.tagging import discarded

# (latin, bold) -> the face registered by render.fonts: Noto Sans SC, or Noto Sans for English charts
FACES = {(False, False): "Sans", (False, True): "Sans-Bold", (True, False): "LatinSans", (True, True): "LatinSans-Bold"}
CAPS = {"butt": 0, "round": 1, "projecting": 2}
JOINS = {"miter": 0, "round": 1, "bevel": 2}


class PictureFlowable(Flowable):
    """A Picture scaled to `width` points, centred in the frame.

    The picture may be given as a function that returns it: it is then asked for only when the
    flowable is first measured, so that layout can start while the chart is still being drawn.
    """

    def __init__(self, picture: Picture | Callable[[], Picture], width: float) -> None:
        super().__init__()
        self._source = picture
        self._picture = picture if isinstance(picture, Picture) else None
        self.width = width
        self.hAlign = "CENTER"
        if self._picture is not None:
            self.height = self._picture.height * self.scale

    @property
    def picture(self) -> Picture:
        if self._picture is None:
            assert not isinstance(self._source, Picture)
            self._picture = self._source()
        return self._picture

    @property
    def scale(self) -> float:
        return self.width / self.picture.width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.height = self.picture.height * self.scale
        return self.width, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        if discarded(canv):
            return
        canv.saveState()
        canv.scale(self.scale, self.scale)
        _clip(canv, (0.0, 0.0, self.picture.width, self.picture.height))
        replay(canv, self.picture)
        canv.restoreState()


def replay(canv: Canvas, picture: Picture) -> None:
    """Paint the picture's ops in order, its origin at the canvas origin, 1 unit = 1 point."""
    state = _State(canv)
    reading = -1
    for op in picture.ops:
        now = op.reading if isinstance(op, TextOp) and op.reading < len(picture.readings) else -1
        if now != reading:
            if reading >= 0:
                canv._code.append("EMC")  # type: ignore[attr-defined]
            if now >= 0:
                canv._code.append(_actual_text(picture.readings[now]))  # type: ignore[attr-defined]
            reading = now
        if isinstance(op, TextOp):
            _text(canv, state, op)
        elif op.clip is None:
            _path(canv, state, op)
        else:
            canv.saveState()
            _clip(canv, op.clip)
            _path(canv, _State(canv, dict(state.values)), op)
            canv.restoreState()  # the clip and whatever the path set inside it are gone again
    if reading >= 0:
        canv._code.append("EMC")  # type: ignore[attr-defined]


def _actual_text(text: str) -> str:
    """A marked-content span that text extraction reads as `text` (PDF 14.9.4, ActualText)."""
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC"


class _State:
    """The graphics state last set, so that each operator is written only when it changes."""

    def __init__(self, canv: Canvas, values: dict[str, Any] | None = None) -> None:
        self.canv = canv
        self.values = values if values is not None else {}

    def set(self, name: str, value: Any) -> None:
        if self.values.get(name) != value:
            self.values[name] = value
            self._apply(name, value)

    def _apply(self, name: str, value: Any) -> None:
        canv = self.canv
        if name == "fill":
            canv.setFillColorRGB(*value)
        elif name == "stroke":
            canv.setStrokeColorRGB(*value)
        elif name == "width":
            canv.setLineWidth(value)
        elif name == "cap":
            canv.setLineCap(CAPS[value])
        elif name == "join":
            canv.setLineJoin(JOINS[value])
        elif name == "dash":
            canv.setDash(list(value[0]), value[1])


def _path(canv: Canvas, state: _State, op: PathOp) -> None:
    if op.fill is not None:
        state.set("fill", op.fill)
    if op.stroke is not None:
        state.set("stroke", op.stroke)
        state.set("width", op.line_width)
        state.set("cap", op.line_cap)
        state.set("join", op.line_join)
        state.set("dash", (op.dash, op.dash_offset))
    path = canv.beginPath()
    for kind, v in op.segments:
        if kind == "lineto":
            path.lineTo(v[0], v[1])
        elif kind == "moveto":
            path.moveTo(v[0], v[1])
        elif kind == "curveto":
            path.curveTo(v[0], v[1], v[2], v[3], v[4], v[5])
        else:
            path.close()
    canv.drawPath(path, stroke=op.stroke is not None, fill=op.fill is not None, fillMode=FILL_NON_ZERO)


def _text(canv: Canvas, state: _State, op: TextOp) -> None:
    """The line in the chart's face (never the canvas's Helvetica), each kerned run placed
    where the chart put it."""
    state.set("fill", op.rgb)
    text = canv.beginText(op.x, op.y)
    text.setFont(FACES[op.latin, op.bold], op.size)
    if op.angle:
        c, s = math.cos(math.radians(op.angle)), math.sin(math.radians(op.angle))
        text.setTextTransform(c, s, -s, c, op.x, op.y)
    at = 0.0
    for offset, piece in op.pieces():
        if offset != at:
            text.moveCursor(offset - at, 0)
            at = offset
        text.textOut(piece)
    canv.drawText(text)


def _clip(canv: Canvas, rect: Rect) -> None:
    path = canv.beginPath()
    path.rect(*rect)
    canv.clipPath(path, stroke=0, fill=0)
