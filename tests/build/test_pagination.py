"""Pagination of the seed's editions, read back from the PDFs: page fill, paired baselines,
figures whole in Chinese lines, the bilingual cover."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.build.edition import localized
from briefgen.content.loader import load_brief
from briefgen.model.document import Document, Span
from briefgen.render.styles import geometry
from briefgen.i18n.words import known_words, word_starts
from tests.build.conftest import ROOT, pdftotext

LIMIT = 0.30  # no page more than 30% empty, except a part's last page
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float  # baseline
    size: float


def runs(page) -> list[Run]:  # type: ignore[no-untyped-def]
    """Every text-showing operation of a page with its baseline origin in page space."""
    found: list[Run] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(text, x, y, size * abs(tm[3] * cm[3]) if tm[3] else size))
    page.extract_text(visitor_text=visit)
    return found


def lines(page, middle: float) -> list[Run]:  # type: ignore[no-untyped-def]
    """Consecutive runs on one baseline and one side of the gutter, joined (pypdf cuts Chinese
    lines into pieces); each line keeps its first run's position and size."""
    out: list[Run] = []
    for run in runs(page):
        last = out[-1] if out else None
        if last and abs(last.y - run.y) < 0.01 and (last.x < middle) == (run.x < middle):
            out[-1] = Run(last.text.rstrip("\n") + run.text, last.x, last.y, last.size)
        else:
            out.append(run)
    return out


def documents() -> tuple[Document, Document]:
    brief = load_brief(ROOT / "content" / "henan-2024")
    return localized(brief, "zh"), localized(brief, "en")


def part_ends(reader: PdfReader) -> set[int]:
    """Pages (1-based) after which a top-level bookmark opens a page, and the last page."""
    starts = {reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)}
    return {n - 1 for n in starts} | {len(reader.pages)}


@pytest.mark.parametrize("edition", ["zh", "en", "zh-en"])
def test_no_page_is_more_than_30_percent_empty_except_at_part_ends(seed_build: Path, edition: str) -> None:
    reader = PdfReader(seed_build / f"henan-2024-{edition}.pdf")
    geo = geometry("a4", 10.5, False)
    bottom, height = geo.margin_bottom, geo.text_height
    ends = part_ends(reader)
    empty = {}
    for number, page in enumerate(reader.pages, 1):
        inside = [r.y for r in runs(page) if bottom - 4 <= r.y <= bottom + height]
        empty[number] = (min(inside) - bottom) / height if inside else 1.0
    over = {n: round(e, 2) for n, e in empty.items() if e > LIMIT and n not in ends and n > 1}
    assert over == {}
    if edition == "zh-en":
        assert len(reader.pages) <= 25


def test_every_bilingual_page_with_chinese_has_its_english(seed_build: Path) -> None:
    pages = pdftotext(seed_build / "henan-2024-zh-en.pdf").split("\f")[:-1]
    for number, text in enumerate(pages, 1):
        body = "\n".join(text.splitlines()[1:-1])  # without the running head and the footer
        if len(HAN.findall(body)) > 20:
            assert len(re.findall(r"[A-Za-z]{3,}", body)) > 20, f"page {number} has Chinese and no English"


def first_lines(zh: Document, en: Document) -> Iterator[tuple[str, str]]:
    """(Chinese start, English start) of every heading and paragraph pair of the body."""
    for zp, ep in zip(zh.parts, en.parts):
        yield zp.title, ep.title
        for zs, es in zip(zp.sections, ep.sections):
            yield zs.title, es.title
            for a, b in zip(zs.paragraphs, es.paragraphs):
                yield a.plain(), b.plain()


def test_paired_first_baselines_align(seed_build: Path) -> None:
    """Each pair's Chinese first line and English first line sit on one baseline (within 0.5 pt).

    A pair is found by the first characters of its two texts in text runs set at a body or
    heading size (a chart's labels are scaled, so never at these sizes), the Chinese one left of
    the gutter and the English one right of it."""
    reader = PdfReader(seed_build / "henan-2024-zh-en.pdf")
    middle = float(reader.pages[0].mediabox.width) / 2 - 50  # inside the gutter: the Chinese column is narrower
    sizes = {10.5, 11.5, 13.0, 16.0}
    page_runs = [[r for r in lines(page, middle) if round(r.size, 2) in sizes] for page in reader.pages[2:]]
    checked, off = 0, []
    for zh_text, en_text in first_lines(*documents()):
        zh_start, en_start = zh_text[:4], " ".join(en_text.split()[:2])
        for found in page_runs:
            left = [r for r in found if r.text.strip().startswith(zh_start) and r.x < middle]
            right = [r for r in found if r.text.strip().startswith(en_start) and r.x > middle]
            if len(left) == 1 and len(right) == 1:
                checked += 1
                if abs(left[0].y - right[0].y) > 0.5:
                    off.append((zh_start, en_start, round(left[0].y - right[0].y, 2)))
                break
    assert checked >= 40  # most headings and paragraphs are found unambiguously
    assert off == []


def figures(document: Document) -> set[str]:
    """The figure texts (number and unit, from metrics) of the body and the lead."""
    spans: list[Span] = [s for p in document.lead for s in p.topic + p.body]
    for part in document.parts:
        for para in part.intro:
            spans += [*para.topic, *para.body]
        for section in part.sections:
            spans += list(section.headline)
            for para in section.paragraphs:
                spans += [*para.topic, *para.body]
    return {re.sub(r"\s+", "", s.text) for s in spans if s.is_figure and HAN.search(s.text)}


@pytest.mark.parametrize("edition", ["zh", "zh-en"])
def test_no_figure_is_split_from_its_unit(seed_build: Path, edition: str) -> None:
    """1.4万|亿斤, 1256万|人: a figure never breaks across lines, in either Chinese setting."""
    lines = [re.sub(r"\s+", "", line) for line in pdftotext(seed_build / f"henan-2024-{edition}.pdf").splitlines()]
    lines = [line for line in lines if line]
    wanted = figures(documents()[0])
    assert len(wanted) > 10
    split = [f"{a[-8:]}|{b[:8]}" for a, b in zip(lines, lines[1:]) for f in wanted
             if any(a.endswith(f[:k]) and b.startswith(f[k:]) for k in range(1, len(f)))]
    assert split == []


def ragged_texts(document: Document) -> set[str]:
    """Headings, figure titles and captions: the Chinese text set ragged."""
    texts = set()
    for part in document.parts:
        charts = [part.chart] + [section.chart for section in part.sections]
        texts |= {part.title} | {c.title for c in charts if c} | {c.description for c in charts if c}
        for section in part.sections:
            texts |= {section.title, "".join(s.text for s in section.headline)}
    return {t for t in texts if HAN.search(t)}


@pytest.mark.parametrize("edition", ["zh", "zh-en"])
def test_headings_and_captions_break_between_words(seed_build: Path, edition: str) -> None:
    """推进绿色|低碳, not 推进绿|色低碳: a ragged Chinese line ends where a word ends (by the
    segmenter the breaker uses), so a line pair that splits one of these texts splits it there."""
    page_text = "\n".join(line.strip() for line in pdftotext(seed_build / f"henan-2024-{edition}.pdf", raw=True).splitlines())
    found, inside = 0, []
    for text in ragged_texts(documents()[0]):
        with known_words(documents()[0].chinese_terms):  # the brief's glossary terms are words too
            starts = set(word_starts(text))
        chars = [(k, ch) for k, ch in enumerate(text) if not ch.isspace()]
        pattern = "\\s*".join(f"({re.escape(ch)})" for _, ch in chars)  # a line may end between any two
        pattern += r"(?=\n|$)"  # where the text ends its paragraph (not inside body text that quotes it)
        for match in re.finditer(pattern, page_text):
            for n in range(1, len(chars)):
                if "\n" in page_text[match.end(n):match.start(n + 1)]:
                    k = chars[n][0]
                    found += 1
                    if k not in starts:
                        inside.append(f"{text[:k]}|{text[k:]}")
    assert found >= (3 if edition == "zh" else 20)  # the bilingual column wraps most headings
    assert inside == []


def test_bilingual_cover_carries_both_languages(seed_build: Path) -> None:
    zh, en = documents()
    cover = re.sub(r"\s+", " ", pdftotext(seed_build / "henan-2024-zh-en.pdf").split("\f")[0])
    for para in en.lead:
        assert " ".join(para.plain().split()[:8]) in cover
    assert en.title in cover and en.dateline.split()[0] in cover and en.credits.split()[0] in cover
    for datum in en.cover:
        assert datum.label in cover
    assert zh.title in cover.replace(" ", "")


def test_a_kicker_is_set_once_in_the_bilingual_edition(seed_build: Path) -> None:
    zh, _ = documents()
    text = pdftotext(seed_build / "henan-2024-zh-en.pdf")
    for part in zh.parts:
        if part.kicker:
            assert text.count(part.kicker + " " + part.kicker) == 0
            assert not re.search(rf"^{part.kicker}\s*\n\s*{part.kicker}\s*$", text, re.M)


def test_each_chart_appears_in_both_languages(seed_build: Path) -> None:
    zh, en = documents()
    text = re.sub(r"\s+", " ", pdftotext(seed_build / "henan-2024-zh-en.pdf"))
    for chart in en.charts():
        labels = [d.label for d in chart.data] + [p[0].label for p in chart.pairs] + list(chart.items)
        assert any(label in text for label in labels), chart.id


def figure_homes(document: Document) -> list[tuple[str, str | None]]:
    """Per figure, in story order: the title of the heading it belongs under, and of the next
    heading it may not pass (None at the end)."""
    headings: list[tuple[str, int]] = []
    owners: list[tuple[str, int]] = []
    for part in document.parts:
        headings.append((part.title, 0))
        if part.chart and part.intro:
            owners.append((part.title, 0))
        for section in part.sections:
            headings.append((section.title, 1))
            if section.chart:
                owners.append((section.title, 1))
        if part.chart and not part.intro:
            owners.append((part.title, 0))
    homes = []
    for title, level in owners:
        at = headings.index((title, level))
        after = next((t for t, lv in headings[at + 1:] if lv <= level), None)
        homes.append((title, after))
    return homes


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_a_figure_floats_within_its_section(seed_build: Path, edition: str) -> None:
    """Never on a page before its heading, never on a page after the next heading of its level."""
    reader = PdfReader(seed_build / f"henan-2024-{edition}.pdf")
    heading_page = {item.title: reader.get_destination_page_number(item) + 1
                    for item in _flat(reader.outline)}
    pages = pdftotext(seed_build / f"henan-2024-{edition}.pdf").split("\f")
    label = "图 {n} " if edition == "zh" else "Figure {n} "
    document = documents()[0 if edition == "zh" else 1]
    homes = figure_homes(document)
    assert len(homes) == 11
    for n, (title, after) in enumerate(homes, 1):
        page = next(number for number, text in enumerate(pages, 1) if label.format(n=n) in text)
        assert heading_page[title] <= page <= (heading_page[after] if after else len(pages)), (n, title)


def _flat(outline: list) -> list:  # type: ignore[type-arg]
    out = []
    for item in outline:
        out += _flat(item) if isinstance(item, list) else [item]
    return out
