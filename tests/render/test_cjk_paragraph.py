"""End-to-end: real PDFs of Chinese policy text, read back with pdftotext / pypdf and checked."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import cm, inch
from reportlab.platypus import Flowable, SimpleDocTemplate

from briefgen.render.cjk_paragraph import CJKParagraph, CJKStyle, split_point
from briefgen.runtime import default_font_dir
from briefgen.render.fonts import register_fonts
from briefgen.render.linebreak import Span

KINSOKU_CHECK = Path(os.environ.get(
    "BRIEFGEN_KINSOKU_CHECK", Path(__file__).parents[3] / "shared" / "tools" / "kinsoku_check.py"))

PARAGRAPHS = [
    "过去一年，面对深刻变化的外部环境和艰巨繁重的发展任务，我省始终牢记总书记“奋勇争先、更加出彩”的"
    "殷殷嘱托，全力以赴攻难关、解难题、防风险，“十大战略”深入实施，“两个确保”扎实推进。全年生产总值"
    "增长4.1%，一般公共预算收入增长6.2%，工业投资增长8.9%，技改投资增长17.4%，社会消费品零售总额增长"
    "6.5%，居民人均可支配收入增长6.1%，粮食产量1324.9亿斤，经营主体1094万户，“三个一批”产业项目"
    "9262个、总投资6.8万亿元。济郑高铁全线贯通，率先在全国建成“米”字形高铁网。",
    "全社会研发投入强度突破2%，技术合同成交额增长33.4%，发明专利授权量增长20.3%。形成中原科技城、"
    "中原医学科学城、中原农谷“三足鼎立”科技创新大格局。建设省实验室16家，产业研究院40家，中试基地"
    "36家，创新联合体28家。全国重点实验室达13家，国家级创新平台增至172家。高校“双一流”建设扎实推进，"
    "5个学科进入ESI全球前1‰，80个学科进入前1%，上海交通大学、北京理工大学郑州研究院揭牌运行。",
    "细颗粒物（PM2.5）平均浓度下降到每立方米46微克——比上年下降2.1%，空气质量优良天数达到241天……"
    "我们也清醒看到，经济回升向好的基础还不稳固（有效需求不足、部分行业产能过剩），新旧动能转换任务"
    "艰巨；新建5G基站3.6万个，COVID-19疫情之后消费“回暖”明显。《河南省国土空间规划（2021—2035年）》"
    "获批实施，郑州航空港区“空中丝绸之路”新开国际货运航线12条，中欧班列（中豫号）开行3266列。",
    "2024年全省经济社会发展的主要预期目标是：生产总值增长5.5%左右，一般公共预算收入增长4%以上，"
    "居民人均可支配收入增长与经济增长同步，城镇新增就业110万人以上，居民消费价格涨幅3%左右，"
    "粮食产量稳定在1300亿斤以上，单位生产总值能耗降低完成国家下达的目标任务。",
    "报告强调：“要坚持‘稳中求进、以进促稳’。”（详见《政府工作报告》）、《规划（草案）》"
    "等文件，“十大战略”“两个确保”——都要落到实处……他说：“《纲要》明确了‘四个着力’。”"
    "【附件】列明了9个方面、57项重点任务（其中‘十大工程’12项）；“双一流”建设、“专精特新”"
    "企业培育、“空中丝绸之路”建设继续推进！？",
]
SHORT = "坚持稳中求进、以进促稳、先立后破。"
SIGNATURE = "河南省人民政府\n2024年1月28日"


@dataclass(frozen=True)
class Page:
    """A text area: page size and side margins."""

    size: tuple[float, float]
    margin: float


PAGES = {
    "a4": Page(A4, 2.5 * cm),
    "letter": Page(letter, 1 * inch),
    "odd-333pt": Page((333.3 + 144, 540), 72),
    "odd-157pt": Page((157 + 100, 420), 50),
    "odd-201.7pt": Page((201.7 + 90, 330), 45),
}


class RecordingDoc(SimpleDocTemplate):
    """Remembers which flowable landed on which page."""

    def __init__(self, path: Path, page: Page) -> None:
        super().__init__(str(path), pagesize=page.size, leftMargin=page.margin,
                         rightMargin=page.margin, topMargin=page.margin,
                         bottomMargin=page.margin, invariant=1, initialFontName="Serif")
        self.placed: list[tuple[int, Flowable]] = []

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        self.placed.append((self.page, flowable))


@dataclass(frozen=True)
class Built:
    path: Path
    story: list[Flowable]
    placed: list[tuple[int, Flowable]]


def story() -> list[Flowable]:
    body = CJKStyle(leading=18.9, first_indent=21, space_after=4)
    heading = CJKStyle(leading=22, align="center", space_after=6, keep_with_next=True)
    out: list[Flowable] = [CJKParagraph([Span("砥砺奋进，攻坚克难", "Sans-Bold", 16)], heading)]
    for text in PARAGRAPHS * 2:
        out.append(CJKParagraph([Span(text, "Serif", 10.5)], body))
    out.append(CJKParagraph([Span("细颗粒物PM", "Serif", 10.5), Span("2.5", "Serif", 7, -2),
                             Span("浓度下降，", "Serif", 10.5), Span("重点突出", "Serif-Bold", 10.5),
                             Span(SHORT, "Serif", 10.5)], body))
    out.append(CJKParagraph([Span(SIGNATURE, "Sans", 10.5)], CJKStyle(leading=18.9, align="right")))
    return out


def source_text() -> str:
    return ("砥砺奋进，攻坚克难" + "".join(PARAGRAPHS * 2) + "细颗粒物PM2.5浓度下降，重点突出"
            + SHORT + SIGNATURE)


@pytest.fixture(scope="module", params=list(PAGES), ids=list(PAGES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    register_fonts(default_font_dir())
    path = tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf"
    doc, flowables = RecordingDoc(path, PAGES[request.param]), story()
    doc.build(list(flowables))
    return Built(path, flowables, doc.placed)


def extracted(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.skipif(not KINSOKU_CHECK.exists(), reason=f"no {KINSOKU_CHECK}")
def test_kinsoku_check_is_clean(built: Built) -> None:
    result = subprocess.run([sys.executable, str(KINSOKU_CHECK), str(built.path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_text_comes_back_in_order(built: Built) -> None:
    assert re.sub(r"\s+", "", extracted(built.path)) == re.sub(r"\s+", "", source_text())


def test_no_space_inside_numbers_or_words(built: Built) -> None:
    text = extracted(built.path)
    assert not re.search(r"\d[ \t]+[\d.]|[A-Za-z][ \t]+[A-Za-z\d]", text), text


def test_split_pieces_keep_two_lines_each(built: Built) -> None:
    """No lone first line at a page bottom, no lone last line at a page top."""
    whole = {id(f) for f in built.story}
    pieces = [f for _, f in built.placed if isinstance(f, CJKParagraph)]
    split = [f for f in pieces if id(f) not in whole]
    if built.path.stem.startswith("odd"):
        assert split, "the small test pages must make some paragraph split"
    assert all(len(f.lines) >= 2 for f in split), [len(f.lines) for f in split]
    assert "".join(f.getPlainText() for f in pieces) == source_text()


def test_output_is_deterministic(built: Built, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    RecordingDoc(again, PAGES[built.path.stem]).build(story())
    assert again.read_bytes() == built.path.read_bytes()


@pytest.mark.parametrize(("total", "fits", "keep"), [
    pytest.param(3, 2, 0, id="three-lines-move-whole"),
    pytest.param(5, 1, 0, id="no-lone-first-line"),
    pytest.param(5, 4, 3, id="no-lone-last-line"),
    pytest.param(6, 3, 3, id="even"),
    pytest.param(4, 2, 2, id="four-lines-two-and-two"),
    pytest.param(9, 0, 0, id="nothing-fits"),
])
def test_split_point(total: int, fits: int, keep: int) -> None:
    assert split_point(total, fits) == keep


def test_split_pieces_join_up() -> None:
    register_fonts(default_font_dir())
    style = CJKStyle(leading=18, first_indent=21, space_before=6, space_after=6,
                     keep_with_next=True)
    para = CJKParagraph([Span(PARAGRAPHS[0], "Serif", 10.5)], style)
    _, height = para.wrap(200, 10_000)
    head, tail = para.split(200, height - 3 * 18)
    head.wrap(200, 10_000)
    tail.wrap(200, 10_000)
    assert head.getPlainText() + tail.getPlainText() == PARAGRAPHS[0]
    assert len(head.lines) + len(tail.lines) == len(para.lines)
    assert [line.glyphs for line in tail.lines] == [line.glyphs for line in para.lines[-3:]]
    assert (head.getSpaceAfter(), head.getKeepWithNext()) == (0, False)
    assert (tail.getSpaceBefore(), tail.getKeepWithNext()) == (0, True)
    assert para.split(200, 18.5) == []


def test_unknown_alignment_is_refused() -> None:
    with pytest.raises(ValueError, match="alignment"):
        CJKStyle(leading=18, align="justified")
