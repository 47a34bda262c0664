"""The translation loop as translators' tools expect it: stable message identity, GNU gettext's
layout both ways, strict located PO errors, reuse across briefs, a new language."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content.loader import load_brief
from briefgen.i18n.catalog import po_path, template_path
from briefgen.i18n.pofile import read_po_file, write_po_text
from briefgen.i18n.status import translation_status
from tests.conftest import ROOT

RIVER = ROOT / "tests" / "fixtures" / "briefs" / "river-2025"
SEED = ROOT / "content" / "henan-2024"
needs_msgmerge = pytest.mark.skipif(not shutil.which("msgmerge"), reason="GNU gettext's msgmerge is not installed")


def copy_brief(source: Path, content: Path, name: str | None = None) -> Path:
    target = content / (name or source.name)
    shutil.copytree(source, target)
    return target


def update(content: Path, *names: str) -> None:
    assert main(["i18n", "update", "-q", "--content", str(content), *names]) == 0


def translate_everything(root: Path) -> Path:
    """update, then give every message an English msgstr (written in GNU layout)."""
    update(root.parent, root.name)
    path = po_path(load_brief(root), "en")
    po = read_po_file(path)
    for entry in po.entries:
        entry.msgstr = f"EN {entry.msgid}"
    path.write_text(write_po_text(po), encoding="utf-8")
    return path


def translations(path: Path) -> dict[tuple[str, str], str]:
    return {e.key: e.msgstr for e in read_po_file(path).entries if e.translated and not e.obsolete}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- stable identity ------------------------------------------------------------------------------

def test_inserting_deleting_and_moving_paragraphs_keeps_every_other_translation(tmp_path: Path) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    po = translate_everything(root)
    before = {msgid: value for (_ctx, msgid), value in translations(po).items()}
    areas = root / "parts/areas.yaml"
    text = areas.read_text(encoding="utf-8")
    moved = "      - topic: 推进岸线生态修复。\n        text: 2024年已修复岸线{restored_banks_2024}，到2025年累计达到{restored_banks_goal}。\n"
    deleted = "      - topic: 扩大湿地面积。\n        text: 已恢复湿地{wetland_2024}，到2025年达到{wetland_goal}以上。\n"
    flood = "      - 汛期开展巡查{patrol_days}，加固堤防{dike_length}，完成避险搬迁{relocated_households}以上。\n"
    assert moved in text and deleted in text and flood in text
    text = text.replace(moved, "      - 新插入的段落，位于本节开头。\n", 1)  # inserted at the start, the old first one
    text = text.replace(deleted, "", 1)  # deleted
    text = text.replace(flood, flood + moved, 1)  # moved to the end of another section
    areas.write_text(text, encoding="utf-8")
    update(root.parent)
    after = read_po_file(po)
    current = {e.msgid: e for e in after.entries if not e.obsolete}
    assert not [e for e in after.entries if e.fuzzy]
    assert current["新插入的段落，位于本节开头。"].msgstr == ""
    assert current["推进岸线生态修复。"].msgctxt == "parts/areas/flood_control/p/topic"
    gone = {"扩大湿地面积。", "已恢复湿地{wetland_2024}，到2025年达到{wetland_goal}以上。"}
    for msgid, value in before.items():
        if msgid not in gone:
            assert current[msgid].translated and current[msgid].msgstr == value, msgid
    assert sorted(e.msgid for e in after.entries if e.obsolete) == sorted(gone)
    status = translation_status(load_brief(root), "en")
    assert (status.untranslated, status.fuzzy) == (1, 0)


def test_an_explicit_paragraph_id_is_its_context(tmp_path: Path) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    areas = root / "parts/areas.yaml"
    text = areas.read_text(encoding="utf-8")
    first = re.search(r"^ {6}- (?!topic:)(.+)$", text, re.MULTILINE)
    assert first is not None
    areas.write_text(text.replace(first.group(0), f"      - id: opening\n        text: {first.group(1)}", 1),
                     encoding="utf-8")
    update(root.parent)
    contexts = {e.msgctxt for e in read_po_file(po_path(load_brief(root), "en")).entries}
    assert any(c and c.endswith("/p/opening") for c in contexts)


def test_editing_a_sentence_makes_it_fuzzy_with_its_previous_msgid(tmp_path: Path) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    po = translate_everything(root)
    brief_file = root / "brief.yaml"
    old = "明确岸线修复、污染治理和防洪安澜三项重点任务。"
    edit(brief_file, old, "明确岸线修复、污染治理和防洪安澜四项重点任务。")
    update(root.parent)
    text = po.read_text(encoding="utf-8")
    block = text[text.index("#, fuzzy"):].split("\n\n")[0]
    assert '#| msgctxt "brief/lead"' in block and "三项重点任务" in block.split("msgctxt \"brief/lead\"\nmsgid")[0]
    assert "四项重点任务" in block and "EN " in block
    entry = next(e for e in read_po_file(po).entries if e.fuzzy)
    assert old in (entry.previous_msgid or "")
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True).returncode == 0


# -- GNU gettext round trip -----------------------------------------------------------------------

def test_seed_catalog_is_migrated_and_already_in_the_update_layout(tmp_path: Path) -> None:
    root = copy_brief(SEED, tmp_path / "content")
    po, pot = po_path(load_brief(root), "en"), template_path(load_brief(root))
    before = po.read_bytes(), pot.read_bytes()
    update(root.parent)
    assert (po.read_bytes(), pot.read_bytes()) == before
    text = before[0].decode("utf-8")
    assert not re.search(r"msgctxt \"[^\"]*/(?:p|lead|intro)\d", text)  # no positional contexts left
    assert "EMAIL@ADDRESS" not in text and "FULL NAME" not in text and "Generated-By" not in text
    assert "Project-Id-Version: henan-2024 2024.1" in text and "Language-Team: English" in text
    assert max(len(line) for line in text.splitlines() if not line.startswith('"')) <= 79
    references = re.findall(r"^#: (.*)$", text, re.MULTILINE)
    assert len(references) == 294 and all(" " not in r and not r.startswith("content/") for r in references)


def _msgmerge(po: Path, pot: Path) -> None:
    subprocess.run(["msgmerge", "--quiet", "--previous", "--backup=off", "-U", str(po), str(pot)], check=True)


@needs_msgmerge
def test_msgmerge_and_update_leave_each_other_alone(tmp_path: Path) -> None:
    root = copy_brief(SEED, tmp_path / "content")
    brief = load_brief(root)
    po, pot = po_path(brief, "en"), template_path(brief)
    # a working state: one sentence edited (fuzzy, #|), one paragraph deleted (obsolete), one added
    work = root / "parts/work.yaml"
    edit(work, "推动中原科技城聚能增效", "推动中原科技城加快聚能增效")
    edit(work, "      - topic: 挖掘文旅消费潜力。", "      - 新增一段尚未翻译的文字。\n      - topic: 挖掘文旅消费潜力。")
    text = work.read_text(encoding="utf-8")
    drop = re.search(r"^ {6}- topic: 加快传统消费转型。\n {8}text: .*\n", text, re.MULTILINE)
    assert drop is not None
    work.write_text(text.replace(drop.group(0), ""), encoding="utf-8")
    update(root.parent)
    ours = po.read_bytes()
    assert b"#| msgid" in ours and b"#~ msgid" in ours
    _msgmerge(po, pot)
    assert po.read_bytes() == ours  # msgmerge after update: nothing to change
    update(root.parent)
    assert po.read_bytes() == ours


@needs_msgmerge
def test_update_after_msgmerge_changes_nothing(tmp_path: Path) -> None:
    root = copy_brief(SEED, tmp_path / "content")
    brief = load_brief(root)
    po, pot = po_path(brief, "en"), template_path(brief)
    edit(root / "parts/review.yaml", "过去一年，", "过去的一年，")
    assert main(["i18n", "extract", "-q", "--content", str(root.parent)]) == 0
    _msgmerge(po, pot)  # the translator's tool merges first
    theirs = po.read_bytes()
    assert b"#, fuzzy" in theirs
    update(root.parent)
    assert po.read_bytes() == theirs


def test_catalogs_are_byte_identical_from_any_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = []
    for n, where in enumerate(["content", "brief", "elsewhere"]):
        content = tmp_path / f"run{n}" / "content"
        root = copy_brief(RIVER, content)
        (tmp_path / "elsewhere").mkdir(exist_ok=True)
        cwd = {"content": content.parent, "brief": root, "elsewhere": tmp_path / "elsewhere"}[where]
        monkeypatch.chdir(cwd)
        argument = "content" if where == "content" else str(content)
        assert main(["i18n", "update", "-q", "--content", argument]) == 0
        results.append((template_path(load_brief(root)).read_bytes(), po_path(load_brief(root), "en").read_bytes()))
    assert results[0] == results[1] == results[2]
    assert b"#: parts/areas.yaml:" in results[0][0]


# -- strict reading -------------------------------------------------------------------------------

GOOD_ENTRY = 'msgctxt "brief/title"\nmsgid "清河流域保护规划摘要"\nmsgstr "Summary"\n'

BROKEN = [
    pytest.param('msgctxt "brief/title"\nmsgid "清河流域保护规划摘要\nmsgstr "Summary"\n', 2, "unterminated string",
                 id="unterminated-string"),
    pytest.param('msgctxt "brief/title"\nmsgid "清河流域保护规划摘要"\nmsgstr Summary\n', 3, "msgstr needs a quoted string",
                 id="msgstr-without-quotes"),
    pytest.param(GOOD_ENTRY + "this is stray text\n", 4, "unexpected text", id="stray-text"),
    pytest.param('msgctxt "brief/title"\nmsgid "清河\0流域"\nmsgstr "Summary"\n', 2, "NUL byte", id="nul-byte"),
    pytest.param(GOOD_ENTRY + "\n" + GOOD_ENTRY, 6, "duplicate message (also at line 7)", id="duplicate-entry"),
    pytest.param('msgstr "Summary"\n', 1, "msgstr without a msgid", id="msgstr-without-msgid"),
]


def _broken_catalog(tmp_path: Path, body: str, header: str = "charset=UTF-8") -> tuple[Path, int]:
    root = copy_brief(RIVER, tmp_path / "content")
    update(root.parent)
    po = po_path(load_brief(root), "en")
    head = f'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; {header}\\n"\n\n'
    po.write_bytes((head + body).encode("utf-8"))
    return po, head.count("\n")


@pytest.mark.parametrize("body, line, message", BROKEN)
def test_each_po_syntax_error_is_one_located_line_everywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             body: str, line: int, message: str) -> None:
    po, offset = _broken_catalog(tmp_path, body)
    content = str(po.parents[4])
    expected = f"{po}:{offset + line}: "
    for command in (["check"], ["i18n", "status"], ["build", "--out", str(tmp_path / "out"), "--edition", "en"]):
        capsys.readouterr()
        assert main([*command, "--content", content]) == 1, command
        err = capsys.readouterr().err.splitlines()
        located = [e for e in err if e.startswith(expected)]
        assert len(located) == 1 and message in located[0], (command, err)
    assert not (tmp_path / "out" / "river-2025" / "river-2025-en.pdf").exists()


def test_a_wrong_charset_is_located_on_its_header_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po, _offset = _broken_catalog(tmp_path, GOOD_ENTRY, header="charset=GBK")
    assert main(["check", "--content", str(po.parents[4])]) == 1
    assert f"{po}:4: error: charset GBK is not supported" in capsys.readouterr().err


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    po = translate_everything(root)
    po.write_bytes(b"\xef\xbb\xbf" + po.read_bytes())
    assert translation_status(load_brief(root), "en").complete
    assert main(["check", "--content", str(root.parent)]) == 0


def test_placeholder_mismatch_names_the_missing_and_the_extra_one(tiny_en_brief: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    po = translate_everything(tiny_en_brief)
    edit(po, "EN 全年产值{output}，增长{growth}。", "EN 全年产值{output}，增长{grwoth}。")
    assert main(["check", "--content", str(tiny_en_brief.parent)]) == 1
    err = capsys.readouterr().err
    assert "placeholders differ: the msgstr lacks {growth} and has {grwoth}, which the msgid does not" in err


# -- check names the problems, build judges each edition ------------------------------------------

def test_check_names_each_missing_message_and_the_next_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    po = translate_everything(root)
    edit(po, 'msgstr "EN 清河流域保护规划摘要"', 'msgstr ""')
    edit(root / "parts/overview.yaml", "title:", "title: 新")  # the content moves ahead of the template
    capsys.readouterr()
    assert main(["check", "--content", str(root.parent)]) == 0  # warnings only
    err = capsys.readouterr().err.splitlines()
    line = next(e.line for e in read_po_file(po).entries if e.msgid == "清河流域保护规划摘要")
    assert any(e.startswith(f"{po}:{line}: warning: untranslated: [brief/title]") for e in err), err
    assert any("not in the catalog yet: run 'briefgen i18n update'" in e for e in err)
    assert any(e.startswith(f"{template_path(load_brief(root))}: warning: the template is older") for e in err)
    assert main(["check", "--strict", "--content", str(root.parent)]) == 1


# -- reuse and new languages ----------------------------------------------------------------------

def test_a_new_brief_starts_from_the_other_briefs_translations(tmp_path: Path) -> None:
    content = tmp_path / "content"
    copy_brief(SEED, content)
    copy_brief(RIVER, content)
    nxt = copy_brief(SEED, content, "henan-2025")
    shutil.rmtree(nxt / "locale")
    edit(nxt / "brief.yaml", "1月28日上午", "1月29日上午")
    update(content, "henan-2025", "river-2025")
    po = read_po_file(po_path(load_brief(nxt), "en"))
    translated = [e for e in po.entries if e.translated]
    fuzzy = [e for e in po.entries if e.fuzzy]
    assert len(translated) == 293 and len(fuzzy) == 1
    assert all(e.comments == ["Translation reused from the brief henan-2024."] for e in translated)
    assert fuzzy[0].previous_msgid and "1月28日上午" in fuzzy[0].previous_msgid
    assert "henan-2024" in fuzzy[0].comments[0]
    assert translation_status(load_brief(content / "river-2025"), "en").fuzzy <= 3  # few false friends


def test_init_adds_a_language_at_zero_percent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    assert main(["i18n", "init", "fr", "--content", str(root.parent)]) == 0
    brief = load_brief(root)
    assert "fr" in brief.locales and po_path(brief, "fr").is_file()
    text = po_path(brief, "fr").read_text(encoding="utf-8")
    assert "Language: fr\\n" in text and "Language-Team: French" in text and "nplurals=" in text
    capsys.readouterr()
    assert main(["i18n", "status", "--locale", "fr", "--content", str(root.parent)]) == 0
    assert "river-2025 fr: 0% translated" in capsys.readouterr().out
    assert main(["i18n", "init", "fr", "--content", str(root.parent)]) == 2  # already there


def test_no_working_folder_dependence_in_the_extractor_comments() -> None:
    text = (SEED / "locale" / "content.pot").read_text(encoding="utf-8")
    assert os.sep + "content" + os.sep not in text and "(content/" not in text


def test_headers_a_translation_platform_adds_are_kept(tmp_path: Path) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    po = translate_everything(root)
    edit(po, '"Last-Translator: \\n"', '"Last-Translator: Li Hua <li@example.org>\\n"')
    edit(po, '"Plural-Forms:', '"X-Generator: Weblate 5.8\\n"\n"Plural-Forms:')
    update(root.parent)
    text = po.read_text(encoding="utf-8")
    assert "Last-Translator: Li Hua <li@example.org>\\n" in text and "X-Generator: Weblate 5.8\\n" in text
    fields = [line.split(":")[0] for line in text.split("\n\n")[0].splitlines() if line.startswith('"')]
    assert fields[:3] == ['"Project-Id-Version', '"Report-Msgid-Bugs-To', '"POT-Creation-Date']


def test_a_paragraph_id_used_twice_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_brief(RIVER, tmp_path / "content")
    areas = root / "parts/areas.yaml"
    edit(areas, "      - topic: 推进岸线生态修复。", "      - id: same\n        topic: 推进岸线生态修复。")
    edit(areas, "      - topic: 扩大湿地面积。", "      - id: same\n        topic: 扩大湿地面积。")
    assert main(["check", "--content", str(root.parent)]) == 1
    err = capsys.readouterr().err
    line = areas.read_text(encoding="utf-8").splitlines().index("      - id: same", 8) + 1
    assert f"{areas}:{line}:" in err and "paragraph id 'same' is used twice" in err
