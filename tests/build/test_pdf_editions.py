"""The PDFs users get: read back with pypdf and poppler, as a reader or a print shop would."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from briefgen.build.edition import localized
from briefgen.content.loader import load_brief
from tests.build.conftest import EPOCH, ROOT, build, pdftotext

KINSOKU = ROOT.parent / "shared" / "tools" / "kinsoku_check.py"
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def seed_brief():  # type: ignore[no-untyped-def]
    return load_brief(ROOT / "content" / "henan-2024")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_page_size_metadata_and_language(seed_build: Path, locale: str) -> None:
    reader = PdfReader(seed_build / f"henan-2024-{locale}.pdf")
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=0.5)
    document = localized(seed_brief(), locale)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == document.title and meta.author == document.author and meta.subject == document.subtitle
    assert meta.get("/Keywords")
    assert str(reader.trailer["/Root"]["/Lang"]) == {"zh": "zh-CN", "en": "en-US"}[locale]


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_outline_has_every_part_and_area(seed_build: Path, locale: str) -> None:
    reader = PdfReader(seed_build / f"henan-2024-{locale}.pdf")
    titles = set(_outline_titles(reader.outline))
    document = localized(seed_brief(), locale)
    expected = {p.title for p in document.parts} | {s.title for p in document.parts for s in p.sections}
    assert expected <= titles, expected - titles
    assert len([s for p in document.parts for s in p.sections if s.keyword]) == 9


def _outline_titles(outline: list) -> list[str]:  # type: ignore[type-arg]
    out: list[str] = []
    for item in outline:
        out += _outline_titles(item) if isinstance(item, list) else [str(item.title)]
    return out


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_page_labels_and_footer_count_pages(seed_build: Path, locale: str) -> None:
    pdf = seed_build / f"henan-2024-{locale}.pdf"
    reader = PdfReader(pdf)
    total = len(reader.pages)
    assert reader.page_labels == [str(n) for n in range(1, total + 1)]
    pages = pdftotext(pdf).split("\f")
    footer = {"zh": "第 {n} 页 / 共 {total} 页", "en": "Page {n} of {total}"}[locale]
    for n in range(2, total + 1):
        assert footer.format(n=n, total=total) in pages[n - 1], f"page {n}"


@pytest.mark.parametrize("locale", ["zh", "en", "zh-en"])
def test_every_font_is_embedded_and_subset(seed_build: Path, locale: str) -> None:
    fonts = _fonts(PdfReader(seed_build / f"henan-2024-{locale}.pdf"))
    assert fonts, "no fonts found"
    for name, descriptor in fonts.items():
        assert descriptor is not None and "/FontFile2" in descriptor, f"{name} is not embedded"
        assert re.match(r"/[A-Z]{6}\+Noto(Serif|Sans)(SC)?-", name), f"{name} is not a subset of a bundled font"


def _fonts(reader: PdfReader) -> dict[str, object]:
    found: dict[str, object] = {}
    for page in reader.pages:
        _collect(page.get("/Resources"), found, set())
    return found


def _collect(resources: object, found: dict[str, object], seen: set[int]) -> None:
    if isinstance(resources, IndirectObject):
        if resources.idnum in seen:
            return
        seen.add(resources.idnum)
        resources = resources.get_object()
    if not hasattr(resources, "get"):
        return
    for font in (resources.get("/Font") or {}).values():  # type: ignore[union-attr]
        font = font.get_object()
        found[str(font["/BaseFont"])] = font.get("/FontDescriptor") and font["/FontDescriptor"].get_object()
    for xobject in (resources.get("/XObject") or {}).values():  # type: ignore[union-attr]
        _collect(xobject.get_object().get("/Resources"), found, seen)


def present(text: str, pages: list[str]) -> bool:
    """In the squeezed text, or cut in two by a page end: its head on one page, the rest on the
    next (where a running head, the footer or a figure that floated to the page top comes between)."""
    return text in "".join(pages) or any(text[:k] in a and text[k:] in b
                                         for a, b in zip(pages, pages[1:]) for k in range(1, len(text)))


def test_every_chinese_sentence_copies_out(seed_build: Path) -> None:
    pages = [squeeze(page) for page in pdftotext(seed_build / "henan-2024-zh.pdf").split("\f")]
    document = localized(seed_brief(), "zh")
    paragraphs = [p for part in document.parts for s in part.sections for p in s.paragraphs]
    paragraphs += [p for part in document.parts for p in part.intro] + list(document.lead)
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[。；！？])", squeeze(p.plain())) if s]
    assert len(sentences) > 150
    missing = [s for s in sentences if not present(s, pages)]
    assert not missing, missing[:5]


def test_no_space_inside_numbers(seed_build: Path) -> None:
    for locale in ("zh", "en"):
        text = pdftotext(seed_build / f"henan-2024-{locale}.pdf")
        assert not re.search(r"\d[ \u00a0]\.\d|\d\.[ \u00a0]\d|\d [%％]", text), locale


@pytest.mark.skipif(not KINSOKU.is_file(), reason="shared/tools/kinsoku_check.py not present")
@pytest.mark.parametrize("locale", ["zh", "en"])
def test_line_breaking_rules_hold(seed_build: Path, locale: str) -> None:
    pdftotext(seed_build / f"henan-2024-{locale}.pdf")  # skips without poppler
    done = subprocess.run([sys.executable, str(KINSOKU), str(seed_build / f"henan-2024-{locale}.pdf")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf is not installed")
def test_qpdf_finds_no_structural_problem(seed_build: Path) -> None:
    for pdf in seed_build.glob("*.pdf"):
        done = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_same_epoch_gives_identical_bytes(seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build(ROOT / "content", tmp_path, "--edition", "zh") == 0
    again = (tmp_path / "henan-2024" / "henan-2024-zh.pdf").read_bytes()
    assert again == (seed_build / "henan-2024-zh.pdf").read_bytes()


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_letter_paper_with_print_marks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edition: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build(ROOT / "content", tmp_path, "--edition", edition, "--paper", "letter", "--print-marks") == 0
    pdf = tmp_path / "henan-2024" / f"henan-2024-{edition}-letter-print.pdf"
    page = PdfReader(pdf).pages[3]
    trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
    assert (float(trim.width), float(trim.height)) == pytest.approx(LETTER, abs=0.5)
    assert float(bleed.width) == pytest.approx(float(trim.width) + 2 * 8.504, abs=0.1)  # 3 mm each side
    assert float(media.width) > float(bleed.width)
    if KINSOKU.is_file() and shutil.which("pdftotext"):
        done = subprocess.run([sys.executable, str(KINSOKU), str(pdf)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout[-3000:]


def test_bilingual_edition_pairs_every_paragraph(seed_build: Path) -> None:
    pdf = seed_build / "henan-2024-zh-en.pdf"
    reader = PdfReader(pdf)
    assert str(reader.trailer["/Root"]["/Lang"]) == "zh-CN"
    text = pdftotext(pdf)
    chinese, english = localized(seed_brief(), "zh"), localized(seed_brief(), "en")
    squeezed = [squeeze(page) for page in text.split("\f")]
    for zh_part, en_part in zip(chinese.parts, english.parts):
        for zh_section, en_section in zip(zh_part.sections, en_part.sections):
            for zh_para, en_para in zip(zh_section.paragraphs, en_section.paragraphs):
                assert present(squeeze(zh_para.plain())[:40], squeezed)
                assert present(squeeze(en_para.plain())[:30], [squeeze(reading(page)) for page in text.split("\f")])
    titles = set(_outline_titles(reader.outline))
    assert f"{chinese.parts[0].title} / {english.parts[0].title}" in titles
    pages = text.split("\f")[:-1]
    total = len(pages)
    for n in range(2, total + 1):
        assert f"第 {n} 页 / 共 {total} 页" in pages[n - 1] and f"Page {n} of {total}" in pages[n - 1]


@pytest.mark.skipif(not KINSOKU.is_file(), reason="shared/tools/kinsoku_check.py not present")
def test_bilingual_line_breaking_rules_hold(seed_build: Path) -> None:
    pdftotext(seed_build / "henan-2024-zh-en.pdf")
    done = subprocess.run([sys.executable, str(KINSOKU), str(seed_build / "henan-2024-zh-en.pdf")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]


def test_english_headings_are_never_hyphenated(seed_build: Path) -> None:
    reader = PdfReader(seed_build / "henan-2024-en.pdf")  # pypdf keeps a line-end hyphen; pdftotext drops it
    text = squeeze(reading("\n".join(page.extract_text() for page in reader.pages)).replace("\u00ad", "-"))
    document = localized(seed_brief(), "en")
    headings = [p.title for p in document.parts] + [s.title for p in document.parts for s in p.sections]
    headings += ["".join(x.text for x in s.headline) for p in document.parts for s in p.sections if s.headline]
    assert [h for h in headings if squeeze(h) not in text] == []


def test_english_compounds_break_only_at_their_hyphen(seed_build: Path) -> None:
    lines = [line.strip() for line in pdftotext(seed_build / "henan-2024-en.pdf").splitlines() if line.strip()]
    assert not [line for line in lines if re.match(r"-[a-z]", line)]  # 'high-' / '-tech'


def test_contents_rows_link_to_their_headings(seed_build: Path) -> None:
    reader = PdfReader(seed_build / "henan-2024-zh.pdf")
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    contents_text = reader.pages[1].extract_text()
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    targets = [pages[link["/Dest"][0].idnum] for link in links if link.get("/Subtype") == "/Link"]
    assert len(targets) >= 2 * 20
    for target in set(targets):  # every target page number is printed on the contents page
        assert str(target) in contents_text and target >= 3


def reading(text: str) -> str:
    """Text as a reader copies it, folded to the catalog's plain ASCII: soft hyphens dropped with
    their line break, other line breaks read as spaces, curly quotes and en dashes in ranges made straight."""
    text = re.sub("\u00ad\\s*\n", "", text)
    text = re.sub(r"([-–])[ ]?\n", r"\1", text)  # a compound broken at its own hyphen or dash
    text = re.sub(r"(?<=\d)–(?=\d)", "-", text)
    return text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "}))


def english_texts(document, lead: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    """Every paragraph, heading and chart caption; the cover's lead only where it is printed."""
    paragraphs = [p for part in document.parts for s in part.sections for p in s.paragraphs]
    paragraphs += [p for part in document.parts for p in part.intro] + (list(document.lead) if lead else [])
    texts = [p.plain() if not p.topic else " ".join([
        "".join(s.text for s in p.topic), "".join(s.text for s in p.body)]) for p in paragraphs]
    texts += [p.title for p in document.parts] + [s.title for p in document.parts for s in p.sections]
    charts = [p.chart for p in document.parts] + [s.chart for p in document.parts for s in p.sections]
    texts += [c.description for c in charts if c]
    return [t.replace("\n", " ") for t in texts]


def missing_words(pdf_text: str, texts: list[str], slack: int) -> list[str]:
    """Catalog texts whose words do not all appear, in order, spelled the same, in the PDF's words;
    up to `slack` other words (running heads, footers, the other language, a figure that floated
    into a paragraph) may come between two. A word hyphenated across pages is missing."""
    words = reading(pdf_text).split()
    where: dict[str, list[int]] = {}
    for n, word in enumerate(words):
        where.setdefault(word, []).append(n)
    bad = []
    for text in texts:
        wanted = text.split()
        if not any(_follows(words, start, wanted, slack) for start in where.get(wanted[0], [])):
            bad.append(text[:80])
    return bad


def _follows(words: list[str], start: int, wanted: list[str], slack: int) -> bool:
    at = start
    for word in wanted[1:]:
        window = words[at + 1:at + 2 + slack]
        if word not in window:
            return False
        at += 1 + window.index(word)
    return True


@pytest.mark.parametrize("edition", ["en", "zh-en"])
def test_every_english_word_is_printed_as_the_catalog_spells_it(seed_build: Path, edition: str) -> None:
    """No word lost, joined or split, in the text pypdf and pdftotext -raw read back."""
    pdf = seed_build / f"henan-2024-{edition}.pdf"
    texts = english_texts(localized(seed_brief(), "en"), lead=edition == "en")  # zh-en: a Chinese cover
    assert len(texts) > 60
    compounds = ["university-enterprise", "high-quality", "ex-service", "large-scale"]
    assert all(any(c in t for t in texts) for c in compounds)
    pypdf_text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    pdftotext(pdf)  # skips without poppler
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    for text in (pypdf_text, raw):
        assert missing_words(text, texts, slack=300 if edition == "zh-en" else 150) == []
        words = set(reading(text).split())
        assert all(any(c in w for w in words) for c in compounds)
        assert not {"universityenterprise", "highquality", "exservice", "largescale"} & words


def test_copied_english_has_spaces_at_line_ends_and_no_straight_quotes(seed_build: Path) -> None:
    reader = PdfReader(seed_build / "henan-2024-en.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages[2:])
    lines = [line for line in text.splitlines() if len(line) > 60]  # body lines
    assert lines and sum(line.endswith((" ", "\u00ad", "-", "–", ".", ":")) for line in lines) > 0.9 * len(lines)
    document = localized(seed_brief(), "en")
    prose = [t for t in english_texts(document) if "'" in t or '"' in t]
    assert prose  # the catalog has straight quotes; the page has none of them in body text
    body = reading(text)
    assert all(t.split()[0] in body for t in prose)
    printed = "".join(line for line in text.splitlines() if len(line) > 60)
    assert "'" not in printed and '"' not in printed


def test_manifest_and_summary_count_the_real_pages(seed_build: Path) -> None:
    """The page count people see (summary line, manifest) is the PDF's; a /PageLabel is no page."""
    import json

    outputs = json.loads((seed_build.parent / "manifest.json").read_text(encoding="utf-8"))["briefs"]["henan-2024"]["outputs"]
    for name, entry in outputs.items():
        assert entry["pages"] == len(PdfReader(seed_build / name).pages), name
