"""The chart cache holds data, never code: JSON validated on reading; anything else is ignored and redrawn."""
from __future__ import annotations

import json
import pickle
from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from briefgen.build.cache import PictureFormatError, decode, encode
from briefgen.charts.render import render_picture
from briefgen.cli import main
from briefgen.errors import Location
from briefgen.model.picture import PathOp, Picture, TextOp
from briefgen.runtime import bundled_font_dir
from tests.charts.chart_samples import all_samples

SAMPLE = Picture(120.0, 80.0, (
    PathOp((("moveto", (1.0, 2.0)), ("curveto", (1, 2, 3, 4, 5, 6)), ("closepath", ())), fill=(0.1, 0.2, 0.3),
           stroke=(1.0, 1.0, 1.0), line_width=0.5, line_cap="round", line_join="bevel", dash=(3.0, 1.0),
           dash_offset=0.25, clip=(0.0, 0.0, 50.0, 40.0)),
    TextOp("增长 4.1% “quoted”", 10.0, 20.0, 9.0, bold=True, rgb=(0.0, 0.4471, 0.698), angle=90.0, width=44.5,
           runs=((3, 12.25),), latin=True, reading=0),
), readings=("4.1% 增长",))


class Hostile:
    """Unpickling this runs code: it writes `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (f"__import__('pathlib').Path({str(self.marker)!r}).write_text('ran')",)


def test_a_picture_survives_the_round_trip_exactly() -> None:
    assert decode(encode(SAMPLE)) == SAMPLE
    assert encode(decode(encode(SAMPLE))) == encode(SAMPLE)


def test_every_field_of_a_picture_is_kept() -> None:
    """A field added to the display list must be added to the cache too, or cached charts lose it."""
    document = json.loads(encode(SAMPLE))
    assert set(document) - {"format", "version"} == {f.name for f in fields(Picture)}
    path, text = (op for op in document["ops"])
    assert set(path["path"]) == {f.name for f in fields(PathOp)}
    assert set(text["text"]) == {f.name for f in fields(TextOp)}
    assert all(getattr(SAMPLE.ops[1], f.name) != f.default for f in fields(TextOp) if f.default is not MISSING)


@pytest.mark.parametrize("kind", ["bars", "tiles"])
@pytest.mark.parametrize("locale", ["zh", "en"])
def test_real_charts_round_trip_and_encode_the_same_each_time(kind: str, locale: str) -> None:
    chart = next(c for c in all_samples() if c.kind == kind and c.locale == locale)
    picture = render_picture(chart, bundled_font_dir())
    assert decode(encode(picture)) == picture
    assert encode(render_picture(chart, bundled_font_dir())) == encode(picture)


@pytest.mark.parametrize("mangle", [
    lambda d: d.replace(b'"version":1', b'"version":2'),
    lambda d: d.replace(b'"format":"briefgen-picture"', b'"format":"other"'),
    lambda d: d.replace(b'"line_cap":"round"', b'"line_cap":"__import__"'),
    lambda d: d.replace(b'"fill":[0.1,', b'"fill":[7,'),
    lambda d: d.replace(b'"x":10.0', b'"x":"10"'),
    lambda d: d.replace(b'"x":10.0', b'"x":NaN'),
    lambda d: d.replace(b'"bold":true', b'"bold":1'),
    lambda d: d.replace(b'"runs":[[3,', b'"runs":[[99,'),
    lambda d: d.replace(b'"reading":0', b'"reading":1'),
    lambda d: d.replace(b'"readings":["4.1%', b'"readings":[4, "4.1%'),
    lambda d: d.replace(b'["closepath",[]]', b'["closepath",[1.0]]'),
    lambda d: d.replace(b'"width":120.0', b'"width":120.0,"extra":1'),
    lambda d: d[: len(d) // 2],
    lambda d: pickle.dumps(SAMPLE),
    lambda d: b"\xff\xfe not utf-8",
], ids=["version", "format", "cap", "colour", "string-number", "nan", "bool", "run", "reading", "readings", "arity",
         "extra", "truncated",
        "pickle", "bytes"])
def test_anything_but_a_valid_picture_is_refused(mangle) -> None:  # type: ignore[no-untyped-def]
    data = encode(SAMPLE)
    assert mangle(data) != data
    with pytest.raises(PictureFormatError):
        decode(mangle(data))


def test_a_planted_pickle_is_never_run_but_ignored_with_a_warning_and_redrawn(
        tiny_brief: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, out = tiny_brief.parent, tmp_path / "out"
    assert main(["build", "--content", str(content), "--out", str(out)]) == 0
    cache_files = sorted((out / "tiny" / ".cache").rglob("*"))
    cache_files = [p for p in cache_files if p.is_file()]
    assert cache_files and all(p.suffix == ".json" for p in cache_files)
    assert all(isinstance(decode(p.read_bytes()), Picture) for p in cache_files)

    marker = tmp_path / "marker"
    payload = pickle.dumps(Hostile(marker))
    pickle.loads(payload)  # the payload is real: unpickled, it runs
    assert marker.read_text() == "ran"
    marker.unlink()
    for path in cache_files:  # plant it where the cache is read, and under the old pickle name
        path.write_bytes(payload)
        path.with_suffix(".pickle").write_bytes(payload)
    (out / "tiny" / "tiny-zh.pdf").unlink()  # so that the next build reads the cache
    capsys.readouterr()

    assert main(["build", "--content", str(content), "--out", str(out)]) == 0
    assert not marker.exists()
    err = capsys.readouterr().err
    for path in cache_files:
        assert f"{Location.of(path)}: warning: not a chart picture briefgen wrote" in err
        assert isinstance(decode(path.read_bytes()), Picture)  # drawn again and cached as JSON
    assert (out / "tiny" / "tiny-zh.pdf").is_file()


def test_no_file_a_build_writes_is_a_pickle(tiny_en_brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", "-q", "--content", str(tiny_en_brief.parent), "--out", str(out)]) == 0
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) >= 5
    for path in written:
        head = path.read_bytes()[:2]
        assert not (head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05")), path  # pickle opcode
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["briefs"]["tiny"]
