"""Arbitrary Unicode in text, chart labels and translations: a clear located error or a valid PDF,
never a traceback or a hang (property tests, bounded so the suite stays fast)."""
from __future__ import annotations

import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefgen.cli import main
from tests.build.conftest import EPOCH
from tests.build.translated_brief import ENGLISH, LOCATED, NOT_BUILT, translate

# (file, the first text there it replaces, what replaces it) for the source; a msgid for a translation
SOURCE_PLACES = {
    "paragraph": ("parts/main.yaml", "全年产值{output}，增长{growth}。", "{}"),
    "heading": ("parts/main.yaml", "工作流程", "{}"),
    "chart title": ("parts/main.yaml", "主要数据", "{}"),
    "chart item": ("parts/main.yaml", "[规划, 建设, ", "[规划, {}, "),
    "metric label": ("metrics.yaml", "增长", "{}"),
}
TRANSLATED_PLACES = {
    "translated paragraph": "先规划，再建设。",
    "translated chart title": "主要数据",
    "translated chart item": "建设",
}
DRAWABLE = list("的一是不了人我在有他这为之大来以个中上们年产值增长规划建设" "，。、；：？！“”（）《》"
                "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,;:!?'\"()-–—%&<>/" "éüñßçÅ€£°±×" "*{}_^\n ")
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def yaml_quoted(text: str) -> str:
    """text as a YAML double-quoted scalar: anything unprintable, a quote or a backslash escaped."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\' or code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or code in (0xFFFE, 0xFFFF) \
                or ch in "\u2028\u2029\ufeff":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@contextmanager
def case_copy(source: Path) -> Iterator[Path]:
    """A fresh copy of source's content and out per example (hypothesis reuses fixtures)."""
    folder = Path(tempfile.mkdtemp(prefix="briefgen-unicode-"))
    try:
        shutil.copytree(source / "content", folder / "content")
        shutil.copytree(source / "out", folder / "out")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def within_20_seconds() -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("more than 20 s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 20)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def put(root: Path, place: str, text: str) -> str:
    """Write text into place; return the edition that prints it."""
    if place in SOURCE_PLACES:
        relative, old, new = SOURCE_PLACES[place]
        path = root / relative
        source = path.read_text(encoding="utf-8")
        assert old in source
        path.write_text(source.replace(old, new.format(yaml_quoted(text)), 1), encoding="utf-8")
        return "zh"
    translate(root, dict(ENGLISH, **{TRANSLATED_PLACES[place]: text}))
    return "en"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    with within_20_seconds():
        code = main(args)
    captured = capsys.readouterr()
    return code, [line for line in (captured.out + captured.err).splitlines() if line.strip() and not line.endswith(NOT_BUILT)]


def assert_clear(code: int, lines: list[str]) -> None:
    assert code in (0, 1), lines
    unlocated = [line for line in lines if not LOCATED.match(line)]
    assert not unlocated, unlocated
    if code == 1:
        assert any(": warning: " not in line for line in lines), lines


PLACES = st.sampled_from(sorted(SOURCE_PLACES) + sorted(TRANSLATED_PLACES))
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=24)


@SETTINGS
@given(place=PLACES, text=ANY_TEXT)
def test_any_text_checks_clean_or_gives_located_errors(translated_build: Path, capsys: pytest.CaptureFixture[str],
                                                       place: str, text: str) -> None:
    with case_copy(translated_build) as folder:
        put(folder / "content" / "tiny", place, text)
        code, lines = run(["check", "--content", str(folder / "content")], capsys)
        assert_clear(code, lines)
        event("checks clean" if code == 0 else "a located error")


@settings(SETTINGS, max_examples=6)
@given(place=PLACES, text=st.text(st.sampled_from(DRAWABLE), min_size=1, max_size=40))
def test_drawable_text_builds_a_valid_pdf_or_a_located_error(translated_build: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch, place: str,
                                                             text: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    with case_copy(translated_build) as folder:
        edition = put(folder / "content" / "tiny", place, text)
        code, lines = run(["build", "--content", str(folder / "content"), "--out", str(folder / "out"),
                           "--jobs", "1", "--edition", edition], capsys)
        assert_clear(code, lines)
        event("built a PDF" if code == 0 else "a located error")
        if code == 0:
            reader = PdfReader(folder / "out" / "tiny" / f"tiny-{edition}.pdf")
            assert len(reader.pages) >= 1
            assert "".join(page.extract_text() for page in reader.pages).strip()


@pytest.mark.parametrize("text", ["\ue000", "规\uf8ff划", "\U000f0000", "\u202e\u200b"])
def test_a_private_use_or_invisible_chart_label_stops_the_build_at_once(translated_build: Path, capsys: pytest.CaptureFixture[str],
                                                                        text: str) -> None:
    """A private-use character in a chart label once hung the build until it was killed."""
    with case_copy(translated_build) as folder:
        put(folder / "content" / "tiny", "chart item", text)
        code, lines = run(["build", "--content", str(folder / "content"), "--out", str(folder / "out")], capsys)
        assert code == 1
        assert lines and all(re.search(r"parts/main\.yaml:20:\d+: error: U\+", line) for line in lines if ": warning: " not in line)
