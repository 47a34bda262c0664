"""A pseudo-locale whose every msgstr is the msgid in «guillemets» proves each visible string of
the content goes through the catalog: anything Chinese left outside «…» bypassed translation."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from briefgen.build.edition import localized
from briefgen.cli import main
from briefgen.content.loader import load_brief
from briefgen.i18n.catalog import po_path
from briefgen.model.document import Document
from tests.conftest import ROOT

HAN = re.compile(r"[\u3400-\u9fff]")
WRAPPED = re.compile(r"«.*?»", re.DOTALL)


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("pseudo") / "content"
    shutil.copytree(ROOT / "content" / "henan-2024", content / "henan-2024", ignore=shutil.ignore_patterns("en"))
    brief_yaml = content / "henan-2024" / "brief.yaml"
    brief_yaml.write_text(re.sub(r"locales: \[.*\]", "locales: [zh, xx]", brief_yaml.read_text(encoding="utf-8")),
                          encoding="utf-8")
    assert main(["i18n", "update", "-q", "--content", str(content)]) == 0
    path = po_path(load_brief(content / "henan-2024"), "xx")
    with path.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if message.id:
            message.string = f"«{message.id}»"
    with path.open("wb") as f:
        write_po(f, catalog)
    return content


def visible_strings(document: Document) -> list[str]:
    out = [document.title, document.subtitle, document.dateline, document.source, document.credits]
    out += [p.plain() for p in document.lead]
    for part in document.parts:
        out += [part.title, *(p.plain() for p in part.intro)]
        for section in part.sections:
            out += [section.title, "".join(s.text for s in section.headline), *(p.plain() for p in section.paragraphs)]
            out += [section.keyword] if section.keyword else []
    for chart in document.charts():
        out += [chart.title, chart.description, chart.source, *chart.items, *(d.label for d in chart.data)]
        out += [d.label for pair in chart.pairs for d in pair]
    return [s for s in out if s]


def test_every_content_string_is_translated(pseudo: Path) -> None:
    document = localized(load_brief(pseudo / "henan-2024"), "xx")
    assert not document.draft
    leaks = [s for s in visible_strings(document) if HAN.search(WRAPPED.sub("", s))]
    assert leaks == []
    assert len(visible_strings(document)) > 150


def unwrapped(text: str) -> str:
    """The text outside «…», counted as brackets: a paragraph that runs on to the next page has a
    running head or a figure that floated to the page top, each «wrapped» itself, inside it."""
    depth, out = 0, []
    for ch in text:
        depth += (ch == "«") - (ch == "»")
        if depth == 0 and ch != "»":
            out.append(ch)
    return "".join(out)


def test_the_pseudo_pdf_prints_nothing_untranslated(pseudo: Path, tmp_path: Path) -> None:
    from tests.build.conftest import pdftotext

    assert main(["build", "-q", "--strict", "--content", str(pseudo), "--out", str(tmp_path), "--edition", "xx"]) == 0
    text = pdftotext(tmp_path / "henan-2024" / "henan-2024-xx.pdf")
    outside = unwrapped(text)
    assert text.count("«") > 150
    assert not HAN.search(outside), HAN.findall(outside)[:20]
