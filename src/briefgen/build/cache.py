"""Chart Pictures as plain JSON, validated field by field on reading: the cache holds data, never code.

A cache file is only ever parsed as JSON and checked against the Picture types; anything else in
it (a damaged file, another program's file, a planted pickle) is rejected with PictureFormatError
and the chart is drawn again. The encoding is canonical (sorted keys, no spaces, floats as repr),
so one Picture always gives the same bytes.
"""
from __future__ import annotations

import json
import math
from typing import Any

from briefgen.model.picture import Op, PathOp, Picture, RGB, Segment, TextOp

FORMAT = "briefgen-picture"
VERSION = 1
SEGMENT_ARITY = {"moveto": 2, "lineto": 2, "curveto": 6, "closepath": 0}
LINE_CAPS = ("butt", "round", "projecting")
LINE_JOINS = ("miter", "round", "bevel")


class PictureFormatError(ValueError):
    """The bytes are not a Picture that briefgen wrote."""


def encode(picture: Picture) -> bytes:
    """The Picture as canonical JSON bytes."""
    document = {"format": FORMAT, "version": VERSION, "width": float(picture.width), "height": float(picture.height),
                "ops": [_encode_op(op) for op in picture.ops], "readings": list(picture.readings)}
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def decode(data: bytes) -> Picture:
    """The Picture in data; PictureFormatError unless every field has its type and range."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PictureFormatError(f"not JSON ({exc.__class__.__name__})") from None
    fields = _object(document, "picture", {"format", "version", "width", "height", "ops", "readings"})
    if fields["format"] != FORMAT or fields["version"] != VERSION:
        raise PictureFormatError("not a briefgen picture of this version")
    readings = _list(fields["readings"], "readings")
    if not all(isinstance(r, str) for r in readings):
        raise PictureFormatError("a reading is not a string")
    ops = tuple(_decode_op(op, len(readings)) for op in _list(fields["ops"], "ops"))
    return Picture(_number(fields["width"], "width"), _number(fields["height"], "height"), ops, tuple(readings))


def _encode_op(op: Op) -> dict[str, Any]:
    """Numbers as floats throughout (an int 2 and a float 2.0 are one value, so one encoding)."""
    if isinstance(op, PathOp):
        return {"path": {"segments": [[command, _floats(points)] for command, points in op.segments],
                         "fill": _floats(op.fill), "stroke": _floats(op.stroke),
                         "line_width": float(op.line_width), "line_cap": op.line_cap, "line_join": op.line_join,
                         "dash": _floats(op.dash), "dash_offset": float(op.dash_offset), "clip": _floats(op.clip)}}
    return {"text": {"text": op.text, "x": float(op.x), "y": float(op.y), "size": float(op.size), "bold": op.bold,
                     "rgb": _floats(op.rgb), "angle": float(op.angle), "width": float(op.width),
                     "runs": [[index, float(offset)] for index, offset in op.runs], "latin": op.latin,
                     "reading": op.reading}}


def _floats(values: tuple[float, ...] | None) -> list[float] | None:
    return None if values is None else [float(v) for v in values]


def _decode_op(value: object, readings: int) -> Op:
    op = _object(value, "op", None)
    if set(op) == {"path"}:
        return _decode_path(op["path"])
    if set(op) == {"text"}:
        return _decode_text(op["text"], readings)
    raise PictureFormatError("an op is neither a path nor a text")


def _decode_path(value: object) -> PathOp:
    f = _object(value, "path", {"segments", "fill", "stroke", "line_width", "line_cap", "line_join", "dash",
                                "dash_offset", "clip"})
    return PathOp(
        segments=tuple(_segment(s) for s in _list(f["segments"], "segments")),
        fill=None if f["fill"] is None else _rgb(f["fill"]),
        stroke=None if f["stroke"] is None else _rgb(f["stroke"]),
        line_width=_number(f["line_width"], "line_width"),
        line_cap=_choice(f["line_cap"], LINE_CAPS, "line_cap"),  # type: ignore[arg-type]
        line_join=_choice(f["line_join"], LINE_JOINS, "line_join"),  # type: ignore[arg-type]
        dash=_numbers(f["dash"], "dash"),
        dash_offset=_number(f["dash_offset"], "dash_offset"),
        clip=None if f["clip"] is None else _numbers(f["clip"], "clip", 4),  # type: ignore[arg-type]
    )


def _decode_text(value: object, readings: int) -> TextOp:
    f = _object(value, "text", {"text", "x", "y", "size", "bold", "rgb", "angle", "width", "runs", "latin", "reading"})
    if not isinstance(f["text"], str) or not isinstance(f["bold"], bool) or not isinstance(f["latin"], bool):
        raise PictureFormatError("a text op's text, bold or latin has the wrong type")
    if type(f["reading"]) is not int or not -1 <= f["reading"] < readings:
        raise PictureFormatError("a text op's reading is not -1 or the index of a reading")
    runs = tuple(_run(r, len(f["text"])) for r in _list(f["runs"], "runs"))
    return TextOp(f["text"], _number(f["x"], "x"), _number(f["y"], "y"), _number(f["size"], "size"), f["bold"],
                  _rgb(f["rgb"]), _number(f["angle"], "angle"), _number(f["width"], "width"), runs, f["latin"],
                  f["reading"])


def _segment(value: object) -> Segment:
    pair = _list(value, "segment")
    if len(pair) != 2 or pair[0] not in SEGMENT_ARITY:
        raise PictureFormatError("a path segment is not [command, points]")
    command: Any = pair[0]
    return command, _numbers(pair[1], "segment points", SEGMENT_ARITY[command])


def _run(value: object, length: int) -> tuple[int, float]:
    pair = _list(value, "run")
    if len(pair) != 2 or type(pair[0]) is not int or not 0 <= pair[0] <= length:
        raise PictureFormatError("a text run is not [index, offset] within its text")
    return pair[0], _number(pair[1], "run offset")


def _rgb(value: object) -> RGB:
    channels = _numbers(value, "colour", 3)
    if not all(0.0 <= c <= 1.0 for c in channels):
        raise PictureFormatError("a colour channel is outside 0..1")
    return channels  # type: ignore[return-value]


def _object(value: object, what: str, keys: set[str] | None) -> dict[str, Any]:
    if not isinstance(value, dict) or (keys is not None and set(value) != keys):
        raise PictureFormatError(f"a {what} does not have the expected fields")
    return value


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise PictureFormatError(f"{what} is not a list")
    return value


def _numbers(value: object, what: str, count: int | None = None) -> tuple[float, ...]:
    items = _list(value, what)
    if count is not None and len(items) != count:
        raise PictureFormatError(f"{what} has {len(items)} numbers, not {count}")
    return tuple(_number(v, what) for v in items)


def _number(value: object, what: str) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
        raise PictureFormatError(f"{what} is not a finite number")
    return float(value)  # type: ignore[arg-type]


def _choice(value: object, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise PictureFormatError(f"{what} is not one of {', '.join(allowed)}")
    return value  # type: ignore[return-value]
