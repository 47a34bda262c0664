"""A corpus of broken and odd inputs and faults, each run through `check` and `build`: one located
line per problem, the expected exit code, no traceback, and every previous PDF byte-identical."""
from __future__ import annotations

import os
import re
import shutil
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.render.faces import FACES
from briefgen.runtime import default_font_dir
from tests.build.conftest import EPOCH
from tests.build.translated_brief import LOCATED, NOT_BUILT, PO

SECRET = "SECRET-MARKER-1234"  # what a refused file holds: it must never appear in a message

Edit = Callable[[Path, Path], None]  # (brief root, font folder)


# -- edits --------------------------------------------------------------------------------------

def sub(relative: str, old: str, new: str) -> Edit:
    def edit(root: Path, fonts: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def raw(relative: str, old: bytes, new: bytes) -> Edit:
    def edit(root: Path, fonts: Path) -> None:
        path = root / relative
        data = path.read_bytes()
        assert old in data
        path.write_bytes(data.replace(old, new, 1))
    return edit


def content(relative: str, data: bytes | Callable[[str], bytes]) -> Edit:
    def edit(root: Path, fonts: Path) -> None:
        path = root / relative
        path.write_bytes(data(path.read_text(encoding="utf-8")) if callable(data) else data)
    return edit


def link_out(relative: str, folder: bool = False) -> Edit:
    """Replace a file (or folder) of the brief with a link to a copy outside it, marked SECRET."""
    def edit(root: Path, fonts: Path) -> None:
        path = root / relative
        outside = root.parents[1] / "outside" / relative
        outside.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(path), str(outside))
        for file in [outside] if not folder else sorted(outside.rglob("*.yaml")):
            file.write_text(f"# {SECRET}\n" + file.read_text(encoding="utf-8").replace("主要工作", SECRET),
                            encoding="utf-8")
        path.symlink_to(outside, target_is_directory=folder)
    return edit


def link_to(relative: str, target: str) -> Edit:
    def edit(root: Path, fonts: Path) -> None:
        path = root / relative
        path.unlink()
        path.symlink_to(target)
    return edit


def folder_instead(relative: str) -> Edit:
    def edit(root: Path, fonts: Path) -> None:
        (root / relative).unlink()
        (root / relative).mkdir()
    return edit


def font(name: str | None, data: Callable[[bytes], bytes] | None) -> Edit:
    """Damage one font of the case's font folder (None: remove it; name None: remove them all)."""
    def edit(root: Path, fonts: Path) -> None:
        for face in FACES.values() if name is None else [name]:
            path = fonts / face
            original = path.resolve().read_bytes() if data else b""
            path.unlink()
            if data:
                path.write_bytes(data(original))
    return edit


# -- the corpus ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    id: str
    edit: Edit
    where: str  # relative to the brief ("parts/main.yaml:1:8"), FONTS/..., or "re:" and a pattern
    message: str  # a regular expression the message must match
    code: int = 1
    count: int = 1  # errors expected (a duplicate section id duplicates its chart's id too)


M, B, G, P = "metrics.yaml", "brief.yaml", "glossary.yaml", "parts/main.yaml"
CASES = [
    # YAML syntax: where the mistake is, not where the parser gave up
    Case("unclosed-double-quote", sub(P, "title: 主要工作", 'title: "主要工作'), f"{P}:1:8", "this quote is never closed"),
    Case("unclosed-single-quote", sub(P, "title: 工作流程", "title: '工作流程"), f"{P}:14:12", "this quote is never closed"),
    Case("unclosed-flow-sequence", sub(B, "cover: [output]", "cover: [output"), f"{B}:4:8", r"this '\[' is never closed"),
    Case("unclosed-flow-mapping", sub(M, "label: 增长}", "label: 增长"), f"{M}:2:9", r"this '\{' is never closed"),
    Case("missing-colon-before-list", sub(P, "keyword: 乡村振兴", "keyword 乡村振兴"), f"{P}:4:5", "needs a ':' after its key"),
    Case("missing-colon-top-level", sub(B, "date: 2025-03-01", "date 2025-03-01"), f"{B}:2:1", "needs a ':' after its key"),
    Case("colon-inside-text", sub(P, "title: 工作流程", "title: 工作: 流程"), f"{P}:14:14", "needs quotes"),
    Case("tab-indentation", sub(P, "    paragraphs:", "\tparagraphs:"), f"{P}:5:1", "a tab in the indentation"),
    Case("duplicate-key", sub(B, "parts: [main]\n", "parts: [main]\ntitle: 又一个\n"), f"{B}:6:1", "duplicate key 'title'"),
    Case("nul-byte", raw(P, "主要工作".encode(), "主要\0工作".encode()), f"{P}:1:10", r"a NUL byte \(U\+0000\)"),
    Case("bell-byte", raw(P, "主要工作".encode(), "主要\a工作".encode()), f"{P}:1:10", r"control character \(U\+0007\)"),
    Case("delete-byte", raw(B, b"date", b"da\x7fte"), f"{B}:2:3", r"control character \(U\+007F\)"),
    Case("c1-control", raw(P, "工作流程".encode(), "工作\u009b流程".encode()), f"{P}:14:14", r"U\+009B"),
    Case("escape-byte", raw(M, b"yuan", b"yu\x1b[0man"), f"{M}:1:37", r"U\+001B"),
    Case("not-utf8-byte", raw(G, b"rural", b"r\xffural"), f"{G}:1:8", r"not UTF-8 \(byte 0xff\)"),
    Case("gbk-file", content(P, lambda text: text.encode("gbk")), f"{P}:1:8", "GBK"),
    Case("utf16-file", content(M, lambda text: text.encode("utf-16")), f"{M}:1:1", "UTF-16"),
    Case("empty-file", content(G, b""), G, "the file is empty"),
    Case("only-comments", content(G, b"# nothing here\n"), G, "holds no YAML content"),
    Case("oversized-file", content(G, ("x: " + "长" * 1_000_000 + "\n").encode()), G, "the limit is"),
    Case("alias-bomb", content(G, ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefg", "bcdefgh"))).encode()), "re:glossary.yaml:\\d+:\\d+", "expanding aliases"),
    Case("python-tag", content(G, b"x: !!python/object/apply:os.system [echo hi]\n"), f"{G}:1:4", "unsupported YAML tag"),
    Case("merge-key", content(G, b"a: &a {en: x}\nb:\n  <<: *a\n"), f"{G}:3:3", "merge keys"),
    Case("non-text-key", content(G, b"? [a, b]\n: c\n"), f"{G}:1:3", "a key must be plain text"),
    Case("impossible-date", sub(B, "date: 2025-03-01", "date: 2025-13-45"), f"{B}:2:7", "cannot read this value: month must be in 1..12"),
    Case("metrics-not-a-mapping", content(M, "只是一句话\n".encode()), f"{M}:1:1", "must map metric ids"),
    # schema and references, each at its item
    Case("unknown-key", sub(P, "    keyword:", "    keywrod:"), f"{P}:4:5", "unknown key 'keywrod'.*did you mean 'keyword'"),
    Case("missing-required-key", sub(B, "date: 2025-03-01\n", ""), f"{B}:1:1", "needs the key 'date'"),
    Case("value-not-a-number", sub(M, "value: 4.5,", "value: [4.5],"), f"{M}:2:17", "'value' must be a number"),
    Case("unknown-inline-metric", sub(P, "增长{growth}", "增长{grwoth}"), f"{P}:6:9", "unknown metric 'grwoth'"),
    Case("unknown-cover-metric", sub(B, "cover: [output]", "cover: [output, outptu]"), f"{B}:4:17", "unknown metric 'outptu'.*'output'"),
    Case("unknown-chart-metric", sub(P, "metrics: [output, growth]", "metrics: [output, grwth]"), f"{P}:10:25", "unknown metric 'grwth'"),
    Case("unknown-pair-metric", lambda r, f: (sub(P, "kind: tiles", "kind: progress")(r, f), sub(
        P, "metrics: [output, growth]", "pairs: [[output, outptu]]")(r, f)), f"{P}:10:24", "unknown metric 'outptu'"),
    Case("malformed-locale", sub(B, "locales: [zh, en]", "locales: [zh, EN!]"), f"{B}:3:15", "'EN!' is not a locale name"),
    Case("duplicate-locale", sub(B, "locales: [zh, en]", "locales: [zh, en, en]"), f"{B}:3:19", "locale 'en' is listed twice"),
    Case("unknown-part", sub(B, "parts: [main]", "parts: [main, nosuch]"), f"{B}:5:15", "no file parts/nosuch.yaml"),
    Case("duplicate-part", sub(B, "parts: [main]", "parts: [main, main]"), f"{B}:5:15", "'main' is listed twice.*5:9"),
    Case("part-name-with-dots", sub(B, "parts: [main]", "parts: [main, ../etc]"), f"{B}:5:15", "part name '../etc' must be"),
    Case("duplicate-section-id", sub(P, "id: second", "id: first"), f"{P}:13:5", "duplicate section id 'first'", count=2),
    Case("unknown-chart-kind", sub(P, "kind: tiles", "kind: pie"), f"{P}:8:13", "'kind' is 'pie'"),
    Case("unknown-unit", sub(M, "unit: yuan", "unit: dollars"), f"{M}:1:35", "'unit' is 'dollars'"),
    Case("unknown-metric-kind", sub(M, "kind: growth", "kind: grwth"), f"{M}:2:43", "'kind' is 'grwth'"),
    Case("too-few-chart-items", sub(P, "items: [规划, 建设, 验收]", "items: [规划]"), f"{P}:18:7", "needs 2 to 8 items, not 1"),
    Case("unclosed-bold", sub(P, "全年产值", "全年**产值"), f"{P}:6:9", r"'\*\*' opens bold text"),
    Case("year-not-a-number", sub(M, "year: 2024, label: 产值", "year: twenty, label: 产值"), f"{M}:1:60", "whole number"),
    # values
    Case("value-1e308", sub(M, "value: 4.5,", "value: 1.0e+308,"), f"{M}:2:17", "out of range"),
    Case("value-minus-1e308", sub(M, "value: 4.5,", "value: -1.0e+308,"), f"{M}:2:17", "out of range"),
    Case("value-infinite", sub(M, "value: 4.5,", "value: .inf,"), f"{M}:2:17", "finite number, not '.inf'"),
    Case("value-minus-infinite", sub(M, "value: 4.5,", "value: -.inf,"), f"{M}:2:17", "finite number"),
    Case("value-nan", sub(M, "value: 4.5,", "value: .nan,"), f"{M}:2:17", "finite number, not '.nan'"),
    Case("value-just-too-large", sub(M, "value: 1200000000,", "value: 10000000000000001,"), f"{M}:1:17", "out of range"),
    Case("value-too-precise", sub(M, "value: 4.5,", "value: 1.0e-300,"), f"{M}:2:17", "300 decimal places"),
    Case("value-too-many-digits", sub(M, "value: 4.5,", "value: 1234567890.123456,"), f"{M}:2:17", "16 significant digits"),
    Case("negative-people", sub(M, "value: 1200000000, unit: yuan", "value: -5, unit: person"), f"{M}:1:17", "negative"),
    Case("negative-share", sub(M, "value: 4.5, unit: percent, kind: growth", "value: -4.5, unit: percent, kind: share"), f"{M}:2:17", "negative"),
    Case("share-over-100", sub(M, "value: 4.5, unit: percent, kind: growth", "value: 140, unit: percent, kind: share"), f"{M}:2:17", "more than 100"),
    Case("year-five-digits", sub(M, "year: 2024, label: 增长", "year: 99999, label: 增长"), f"{M}:2:57", "not a year"),
    Case("exponent-without-point", sub(M, "value: 4.5,", "value: 1e9,"), f"{M}:2:17", "write a decimal number"),
    # characters: every edition's text, titles, chart labels and translations
    Case("emoji-in-paragraph", sub(P, "全年产值", "全年🙂产值"), f"{P}:6:11", r"U\+1F642 SLIGHTLY SMILING FACE is not in NotoSerifSC"),
    Case("extension-b-in-paragraph", sub(P, "全年产值", "全年\U00020000产值"), f"{P}:6:11", r"U\+20000 .*would print as a box"),
    Case("private-use-in-paragraph", sub(P, "全年产值", "全年\ue000产值"), f"{P}:6:11", r"U\+E000 is a private-use character"),
    Case("private-use-in-chart-title", sub(P, "title: 主要数据", "title: 主要\ue000数据"), f"{P}:9:16", "private-use"),
    Case("private-use-in-chart-item", sub(P, "[规划, 建设", "[规\uf8ff划, 建设"), f"{P}:20:16", r"U\+F8FF is a private-use"),
    Case("plane-15-in-metric-label", sub(M, "label: 产值", "label: 产\U000f0000值"), f"{M}:1:74", r"U\+F0000 is a private-use"),
    Case("emoji-in-heading", sub(P, "title: 工作流程", "title: 工作🚀流程"), f"{P}:14:14", r"U\+1F680"),
    Case("zero-width-space-in-title", sub(P, "title: 主要工作", "title: 主要\u200b工作"), f"{P}:1:10", r"U\+200B ZERO WIDTH SPACE is an invisible"),
    Case("zero-width-joiner", sub(P, "title: 工作流程", "title: 工\u200d作流程"), f"{P}:14:13", r"U\+200D .*zero-width"),
    Case("bom-inside-text", sub(P, "先规划", "先\ufeff规划"), f"{P}:16:10", r"U\+FEFF .*zero-width"),
    Case("right-to-left-override", sub(P, "全年产值", "全年\u202e产值"), f"{P}:6:11", r"U\+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional"),
    Case("left-to-right-mark", sub(P, "keyword: 乡村振兴", "keyword: 乡村\u200e振兴"), f"{P}:4:16", r"U\+200E .*bidirectional"),
    Case("bidi-isolate-in-description", sub(P, "两个主要", "两个\u2066主要"), f"{P}:12:22", r"U\+2066 .*bidirectional"),
    Case("escaped-zero-width-space", sub(P, "title: 主要工作", 'title: "主要\\u200b工作"'), f"{P}:1:8", r"U\+200B .*\(character 3 of the text\)"),
    Case("escaped-bell", sub(P, "title: 主要工作", 'title: "主要\\a工作"'), f"{P}:1:8", r"U\+0007 is a control character"),
    Case("escaped-tab", sub(P, "title: 主要工作", 'title: "主要\\t工作"'), f"{P}:1:8", "a tab inside the text; use a space"),
    Case("escaped-nul", sub(P, "title: 主要工作", 'title: "主要\\0工作"'), f"{P}:1:8", r"U\+0000 is a control character"),
    Case("escaped-surrogate", sub(P, "title: 主要工作", 'title: "主要\\ud800工作"'), "re:parts/main.yaml:1:1[0-3]", "invalid Unicode character escape"),
    Case("line-separator", sub(P, "title: 主要工作", 'title: "主要\\L工作"'), f"{P}:1:8", r"U\+2028 .*line separator"),
    Case("soft-hyphen", sub(P, "先规划", "先\u00ad规划"), f"{P}:16:10", r"U\+00AD SOFT HYPHEN is an invisible formatting"),
    Case("unassigned-code-point", sub(P, "先规划", "先\u0378规划"), f"{P}:16:10", "not an assigned Unicode character"),
    Case("private-use-in-translation", sub(PO, 'msgstr "Output reached', 'msgstr "Out\ue000put reached'), f"re:{PO}:\\d+:12", "U\\+E000 is a private-use"),
    Case("emoji-in-translated-chart-title", sub(PO, 'msgstr "Key figures"', 'msgstr "Key 🙂 figures"'), f"re:{PO}:\\d+:13", r"U\+1F642 .*not in"),
    Case("zero-width-in-translated-label", sub(PO, 'msgstr "Output"', 'msgstr "Out\u200bput"'), f"re:{PO}:\\d+:12", r"U\+200B"),
    Case("override-in-translated-item", sub(PO, 'msgstr "Plan"', 'msgstr "\u202ePlan"'), f"re:{PO}:\\d+:9", r"U\+202E"),
    Case("extension-b-in-translation", sub(PO, 'msgstr "Workflow"', 'msgstr "Work\U00020000flow"'), f"re:{PO}:\\d+:13", r"U\+20000 .*not in NotoSerif_"),
    Case("circled-digit-in-english", sub(PO, 'msgstr "Workflow"', 'msgstr "Workflow ①"'), f"re:{PO}:\\d+:18", r"U\+2460 .*not in NotoSerif_"),
    Case("tab-in-translation", sub(PO, 'msgstr "Plan"', 'msgstr "Pl\\tan"'), f"re:{PO}:\\d+", "a tab inside the text"),
    # paths: nothing outside the brief is read, and nothing refused is shown
    Case("part-links-outside", link_out(P), f"{B}:5:9", "parts/main.yaml: a link to a file outside the brief's folder is refused"),
    Case("part-links-to-passwd", link_to(P, "/etc/passwd"), f"{B}:5:9", "outside the brief's folder is refused"),
    Case("parts-folder-links-outside", link_out("parts", folder=True), f"{B}:5:9", "outside the brief's folder is refused"),
    Case("metrics-links-outside", link_out(M), M, "a link to a file outside the brief's folder is refused"),
    Case("catalog-links-outside", link_out(PO), PO, "a link to a file outside the brief's folder is refused"),
    Case("part-links-to-itself", link_to(P, "main.yaml"), f"{B}:5:9", "a loop of links"),
    Case("part-is-a-folder", folder_instead(P), f"{B}:5:9", "no file parts/main.yaml for this part"),
    # fonts: one line naming the file, before anything is written (a usage error: exit 2)
    Case("font-missing", font("NotoSans_400Regular.ttf", None), "FONTS/NotoSans_400Regular.ttf", "font file missing", 2),
    Case("fonts-all-missing", font(None, None), "FONTS", r"fonts missing \(NotoSerifSC_400Regular.ttf, ", 2),
    Case("font-zero-bytes", font("NotoSerifSC_700Bold.ttf", lambda data: b""), "FONTS/NotoSerifSC_700Bold.ttf", r"empty \(0 bytes\)", 2),
    Case("font-truncated", font("NotoSans_700Bold.ttf", lambda data: data[:300_000]), "FONTS/NotoSans_700Bold.ttf", "truncated", 2),
    Case("font-cut-in-directory", font("NotoSerif_400Regular.ttf", lambda data: data[:100]), "FONTS/NotoSerif_400Regular.ttf", "truncated", 2),
    Case("font-not-a-font", font("NotoSansSC_400Regular.ttf", lambda data: b"<html>404</html>\n"), "FONTS/NotoSansSC_400Regular.ttf", "not a TrueType font", 2),
]


@pytest.fixture
def case_folder(translated_build: Path, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A copy of the built base (content and out) and a font folder of links to the real fonts."""
    shutil.copytree(translated_build / "content", tmp_path / "content", symlinks=True)
    shutil.copytree(translated_build / "out", tmp_path / "out")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in FACES.values():
        (fonts / name).symlink_to(default_font_dir().resolve() / name)
    yield tmp_path, fonts


@pytest.fixture
def within_20_seconds() -> Iterator[None]:
    """Each case must finish in 20 s: a hang fails the test instead of stalling the suite."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("the case took more than 20 s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 20)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def run(command: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    args = [command, "--content", str(folder / "content")]
    if command == "build":
        args += ["--out", str(folder / "out"), "--jobs", "1"]
    code = main(args)
    captured = capsys.readouterr()
    return code, [line for line in (captured.out + captured.err).splitlines() if line.strip()]


def outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted((folder / "out").rglob("*"))
            if p.is_file() and (p.suffix == ".pdf" or p.name == "manifest.json")}


def expected_place(case: Case, root: Path, fonts: Path) -> str:
    if case.where.startswith("re:"):
        return re.escape(str(root)) + "/" + case.where[3:]
    if case.where.startswith("FONTS"):
        return re.escape(str(fonts) + case.where[5:])
    return re.escape(f"{root}/{case.where}")


@pytest.mark.usefixtures("within_20_seconds")
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_corpus_case(case: Case, case_folder: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
    folder, fonts = case_folder
    root = folder / "content" / "tiny"
    monkeypatch.setenv("BRIEFGEN_FONTS", str(fonts))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    before = outputs(folder)
    case.edit(root, fonts)
    pattern = re.compile(f"{expected_place(case, root, fonts)}(:\\d+)*: (error: )?.*{case.message}")
    for command in ("check", "build"):
        code, lines = run(command, folder, capsys)
        shown = "\n".join(lines)
        assert code == case.code, f"{command}: {shown}"
        assert SECRET not in shown and "root:x:0" not in shown, f"{command} showed a refused file: {shown}"
        problems = [line for line in lines if not line.endswith(NOT_BUILT)]
        assert all(LOCATED.match(line) for line in problems), f"{command}: a line without a place:\n{shown}"
        errors = [line for line in problems if ": warning: " not in line]  # changed text: its translation is stale
        assert len(errors) == case.count, f"{command}: {case.count} located line(s) expected:\n{shown}"
        assert pattern.match(errors[0]), f"{command}: {errors[0]}\n≠ {pattern.pattern}"
    assert outputs(folder) == before, "a failed build changed a previous PDF or the manifest"


def test_corpus_covers_every_kind() -> None:
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)


def test_base_checks_and_builds_clean(translated_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each case breaks exactly one thing of a brief that is otherwise clean."""
    assert run("check", translated_build, capsys) == (0, [])
    assert {p.name for p in (translated_build / "out" / "tiny").glob("*.pdf")} == {"tiny-zh.pdf", "tiny-en.pdf", "tiny-zh-en.pdf"}


def test_a_link_inside_the_brief_is_fine(case_folder: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = case_folder
    root = folder / "content" / "tiny"
    (root / "shared").mkdir()
    (root / P).rename(root / "shared" / "main.yaml")
    (root / P).symlink_to(Path("..") / "shared" / "main.yaml")
    code, lines = run("check", folder, capsys)
    assert code == 0 and all(": warning: " in line for line in lines), lines  # the template names the moved file


def test_a_translation_error_is_located_at_its_msgstr(case_folder: tuple[Path, Path],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder, fonts = case_folder
    root = folder / "content" / "tiny"
    sub(PO, 'msgstr "Key figures"', 'msgstr "Key \ue000figures"')(root, fonts)
    code, lines = run("check", folder, capsys)
    line_number = int(lines[0].split(":")[1])
    assert (root / PO).read_text(encoding="utf-8").split("\n")[line_number - 1] == 'msgstr "Key \ue000figures"'
    assert os.path.basename(lines[0].split(":")[0]) == "content.po" and code == 1


def test_chart_export_runs_the_preflight_too(case_folder: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, fonts = case_folder
    root = folder / "content" / "tiny"
    sub(P, "[规划, 建设", "[规\uf8ff划, 建设")(root, fonts)
    code = main(["charts", "--content", str(folder / "content"), "--out", str(folder / "charts")])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1 and lines == [f"{root}/{P}:20:16: error: U+F8FF is a private-use character: it has no agreed shape "
                                   "and no bundled font draws it"]
    assert not (folder / "charts").exists()
