"""The PO writer against GNU gettext itself: msgcat rewrites nothing that briefgen wrote."""
from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.i18n.pofile import Entry, PoFile, format_header, parse_po, write_po_text
from tests.conftest import ROOT

PIECES = ["政府工作报告", "，", "。", "、", "“", "”", "（", "）", "《", "》", "：", "；", "！", "？", "——", "…",
          "2024年", "{gdp_growth}", "12.5%", "100万", " ", "the ", "word ", "\"quoted\" ", "a-b-c ", "R&D ",
          "(note) ", "x/y ", "\\back ", "tab\t", "line\n", "$5 ", "¥30 ", "Mr. ", "e.g., ", "—dash— ", "A" * 30,
          "河南省郑州市", "·", "％", "℃", "①", "ー", "[1]", "'s ", "‘单’", "2,000 ", "-5 ", "U.S. ", "!?", "<a>"]


def synthetic_catalog(count: int = 300) -> PoFile:
    rng = random.Random(9)
    entries = []
    for i in range(count):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 36)))
        fuzzy = i % 4 == 0
        entries.append(Entry(text, msgstr=text[::-1], msgctxt=f"parts/x/s{i}/p", flags=["fuzzy"] if fuzzy else [],
                             previous_msgid=text[: len(text) // 2] if fuzzy else None,
                             references=[f"parts/x.yaml:{i + 1}"], extracted=["Paragraph"],
                             obsolete=i % 25 == 0))
    header = Entry("", format_header([("Project-Id-Version", "x 1"), ("Content-Type", "text/plain; charset=UTF-8")]))
    return PoFile(header, entries)


@pytest.mark.skipif(not shutil.which("msgcat"), reason="GNU gettext's msgcat is not installed")
@pytest.mark.parametrize("source", ["synthetic", "seed"])
def test_gnu_msgcat_leaves_the_layout_unchanged(tmp_path: Path, source: str) -> None:
    if source == "seed":
        po = parse_po((ROOT / "content/henan-2024/locale/en/LC_MESSAGES/content.po").read_bytes(), Path("content.po"))
    else:
        po = synthetic_catalog()
    ours = tmp_path / "ours.po"
    ours.write_text(write_po_text(po), encoding="utf-8")
    subprocess.run(["msgcat", str(ours), "-o", str(tmp_path / "gnu.po")], check=True)
    assert (tmp_path / "gnu.po").read_text(encoding="utf-8") == ours.read_text(encoding="utf-8")


def test_reading_what_was_written_gives_the_same_entries() -> None:
    po = synthetic_catalog()
    again = parse_po(write_po_text(po).encode("utf-8"), Path("x.po"))
    fields = lambda e: (e.key, e.msgstr, e.flags, e.previous_msgid, e.obsolete)  # noqa: E731
    assert sorted(map(fields, again.entries)) == sorted(map(fields, po.entries))
