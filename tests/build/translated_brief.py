"""A small translated brief for the bad-input tests: two sections, a tile and a diagram chart,
three editions built once; each test breaks one thing of a copy."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.i18n.catalog import read_catalog, write_catalog
from tests.build.conftest import EPOCH
from tests.conftest import TINY, write_brief

LOCATED = re.compile(r"^/\S+?(:\d+(:\d+)?)?: \S")
NOT_BUILT = "/tiny: note: not built; its previous PDFs were left as they were"  # how a line ends
PO = "locale/en/LC_MESSAGES/content.po"

BASE = dict(TINY, **{
    "brief.yaml": TINY["brief.yaml"].replace("locales: [zh]", "locales: [zh, en]"),
    "parts/main.yaml": TINY["parts/main.yaml"] + """\
  - id: second
    title: 工作流程
    paragraphs:
      - 先规划，再建设。
    chart:
      kind: diagram
      title: 流程
      items: [规划, 建设, 验收]
      source: 测试来源
      description: 三个步骤。
""",
})
ENGLISH = {  # msgid -> msgstr (contexts say where a message is; the Chinese is unique here)
    "小测试": "Small Test",
    "主要工作": "Main Work",
    "乡村振兴": "rural revitalization",
    "全年产值{output}，增长{growth}。": "Output reached {output}, up {growth}.",
    "主要数据": "Key figures",
    "两个主要数据。": "Two key figures.",
    "测试来源": "Test source",
    "工作流程": "Workflow",
    "先规划，再建设。": "Plan first, then build.",
    "流程": "Process",
    "三个步骤。": "Three steps.",
    "规划": "Plan",
    "建设": "Build",
    "验收": "Accept",
    "产值": "Output",
    "增长": "Growth",
}

def translate(root: Path, english: dict[str, str]) -> None:
    """Fill the brief's English catalog (made by `i18n update`) from english, by msgid."""
    path = root / PO
    catalog = read_catalog(path)
    for entry in catalog.entries:
        if entry.msgid and not entry.obsolete:
            entry.msgstr = english[entry.msgid]
    write_catalog(catalog, path)


def make_base(folder: Path) -> Path:
    """folder/content/tiny, translated, with its three editions built into folder/out."""
    root = write_brief(folder / "content", BASE)
    assert main(["i18n", "update", "-q", "--content", str(folder / "content")]) == 0
    translate(root, ENGLISH)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        assert main(["build", "-q", "--content", str(folder / "content"), "--out", str(folder / "out")]) == 0
    return root
