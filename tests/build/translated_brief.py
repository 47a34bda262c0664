"""A small translated brief for the bad-input tests: two sections, a tile and a diagram chart,
three editions built once; each test breaks one thing of a copy."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from briefgen.cli import main
from tests.build.conftest import EPOCH
from tests.conftest import TINY, write_brief

LOCATED = re.compile(r"^/\S+?(:\d+(:\d+)?)?: \S")
NOT_BUILT = "tiny: not built; its previous PDFs were left as they were"
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
ENGLISH = {
    "brief/title": "Small Test",
    "parts/main/title": "Main Work",
    "parts/main/first/keyword": "rural revitalization",
    "parts/main/first/p1": "Output reached {output}, up {growth}.",
    "parts/main/first/chart/title": "Key figures",
    "parts/main/first/chart/description": "Two key figures.",
    "parts/main/first/chart/source": "Test source",
    "parts/main/second/title": "Workflow",
    "parts/main/second/p1": "Plan first, then build.",
    "parts/main/second/chart/title": "Process",
    "parts/main/second/chart/description": "Three steps.",
    "parts/main/second/chart/source": "Test source",
    "parts/main/second/chart/items/1": "Plan",
    "parts/main/second/chart/items/2": "Build",
    "parts/main/second/chart/items/3": "Accept",
    "metrics/output/label": "Output",
    "metrics/growth/label": "Growth",
}

def translate(root: Path, english: dict[str, str]) -> None:
    """Fill the brief's English catalog (made by `i18n update`) from english, by context."""
    path = root / PO
    with path.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if message.id:
            message.string = english[message.context]
    with path.open("wb") as f:
        write_po(f, catalog)


def make_base(folder: Path) -> Path:
    """folder/content/tiny, translated, with its three editions built into folder/out."""
    root = write_brief(folder / "content", BASE)
    assert main(["i18n", "update", "-q", "--content", str(folder / "content")]) == 0
    translate(root, ENGLISH)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        assert main(["build", "-q", "--content", str(folder / "content"), "--out", str(folder / "out")]) == 0
    return root
