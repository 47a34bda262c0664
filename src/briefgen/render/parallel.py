"""The bilingual edition: Chinese left, English right, aligned paragraph by paragraph.

Both languages' stories are built by the same StoryBuilder at their column widths, so they have
the same shape; they are zipped element by element. Text elements become side-by-side rows
whose first baselines align and that split across pages together; a part's kicker (a year) is
set once; each chart is shown in both languages, the Chinese drawing above the English one at
full width (at column width a chart's labels would shrink to half size), under a paired title
and above a paired caption. The column widths are chosen so that the two texts come out of
equal height: the Chinese is shorter, so its column is narrower.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator

from reportlab.platypus import Flowable, HRFlowable, KeepTogether, NextPageTemplate, PageBreak, Spacer, Table

from briefgen.model.document import Document, Para
from briefgen.render.keep import TALL, AtFoot, KeepWithFirstLines
from briefgen.render.pages import mark_heading
from briefgen.render.paragraph import SetParagraph, measure
from briefgen.render.picture import PictureFlowable
from briefgen.render.story import StoryBuilder
from briefgen.render.styles import ACCENT, Type
from briefgen.render.tagging import OrderMark, copy_tag, draw_child
from briefgen.render.text import plain_block

PAIRED = (SetParagraph, Table)
GAP = 18.0
CHART_GAP = 6.0  # between the Chinese and the English drawing of a chart
COLUMN_RANGE = (0.36, 0.56)  # the Chinese column's share of the two columns, at most and least
SEPARATOR = " / "  # between the Chinese and the English title of a bookmark or contents entry


def first_baseline(flowable: Flowable) -> float | None:
    """Distance from a wrapped flowable's top to its first baseline, when it is text."""
    own = getattr(flowable, "first_baseline", None)  # SetParagraph, and any text flowable that says where its first line sits
    return float(own()) if callable(own) else None


class SideBySide(Flowable):
    """Two flowables in columns with their first baselines on one line; splits both together.

    Each column is its own element: the Chinese paragraph reads first, then its English."""

    _briefgen_tags_itself = True
    _briefgen_container = True

    def __init__(self, left: Flowable, right: Flowable, left_width: float, gap: float = GAP):
        super().__init__()
        self.left, self.right = left, right
        self.left_width, self.gap = left_width, gap
        self.keepWithNext = getattr(left, "keepWithNext", 0) or getattr(right, "keepWithNext", 0)
        self.spaceBefore = max(left.getSpaceBefore(), right.getSpaceBefore())
        self.spaceAfter = max(left.getSpaceAfter(), right.getSpaceAfter())
        self.drops = (0.0, 0.0)

    def parts(self) -> tuple[Flowable, Flowable]:
        return self.left, self.right

    def _widths(self, available: float) -> tuple[float, float]:
        return self.left_width, available - self.left_width - self.gap

    def _align(self) -> tuple[float, float]:
        """How far each side is moved down so that the first baselines meet (after wrap)."""
        a, b = first_baseline(self.left), first_baseline(self.right)
        if a is None or b is None:
            return 0.0, 0.0
        return (b - a, 0.0) if b > a else (0.0, a - b)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        left, right = self._widths(availWidth)
        _, self.left_height = self.left.wrap(left, availHeight)
        _, self.right_height = self.right.wrap(right, availHeight)
        self.drops = self._align()
        self.width = availWidth
        self.height = max(self.left_height + self.drops[0], self.right_height + self.drops[1])
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        heads, tails = [], []
        for part, width, drop in zip((self.left, self.right), self._widths(availWidth), self.drops):
            room = availHeight - drop
            _, height = part.wrap(width, room)
            pieces = [part] if height <= room else copy_tag(part, part.split(width, room))
            if not pieces:
                return []
            heads.append(pieces[0])
            tails.append(pieces[1] if len(pieces) > 1 else Spacer(0, 0))
        if all(isinstance(t, Spacer) for t in tails):
            return [self]
        return [SideBySide(heads[0], heads[1], self.left_width, self.gap),
                SideBySide(tails[0], tails[1], self.left_width, self.gap)]

    def draw(self) -> None:
        draw_child(self.canv, self.left, 0, self.height - self.drops[0] - self.left_height)
        draw_child(self.canv, self.right, self.left_width + self.gap, self.height - self.drops[1] - self.right_height)


def zip_stories(left: Iterable[Flowable], right: Iterable[Flowable], left_width: float) -> list[Flowable]:
    """Pair the text of two same-shaped stories; a chart is taken from both, the rest from the left."""
    out: list[Flowable] = []
    for a, b in zip(left, right, strict=True):
        if isinstance(a, KeepTogether) and isinstance(b, KeepTogether):
            kind = type(a) if isinstance(a, KeepWithFirstLines) else KeepTogether
            group = kind(zip_stories(a._content, b._content, left_width))
            if hasattr(a, "_float"):
                group._float = a._float  # type: ignore[attr-defined]
            out.append(group)
        elif isinstance(a, PictureFlowable) and isinstance(b, PictureFlowable):
            out += [a, Spacer(0, CHART_GAP), b]
        elif getattr(a, "_kicker", None) is not None and getattr(a, "_kicker", None) == getattr(b, "_kicker", None):
            out.append(a)  # the same year in both languages: once, over both columns
        elif isinstance(a, PAIRED) and isinstance(b, PAIRED):
            out.append(pair(a, b, left_width))
        else:
            out.append(a)
    return out


def pair(a: Flowable, b: Flowable, left_width: float) -> Flowable:
    """A side-by-side row; its bookmark names both titles."""
    row = SideBySide(a, b, left_width)
    outline = getattr(a, "_outline", None)
    other = getattr(b, "_outline", None)
    if outline:
        title, level, key, toc = outline
        row._outline = (f"{title}{SEPARATOR}{other[0]}" if other else title, level, key, toc)  # type: ignore[attr-defined]
    return row


def body_paragraphs(document: Document) -> Iterator[Para]:
    for part in document.parts:
        yield from part.intro
        for section in part.sections:
            yield from section.paragraphs


ESTIMATE_MARGIN = 0.02  # widths estimated within this share of the best are set to decide between them
WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"  # CJK: a line may end after any of these
_TOKEN = re.compile(rf"[{WIDE}]|[^ \n{WIDE}]+ ?| +|\n")  # a character, or a word and its space


def balanced_column(chinese: StoryBuilder, english: StoryBuilder, total: float, em: float) -> float:
    """The Chinese column's width (whole ems) that makes the paired body text shortest.

    Each pair is as tall as its taller side. Setting both texts at a width costs about a second,
    so every width is first estimated by filling lines greedily from the words' natural widths
    (within 2-3% of the setting, and off by the same amount at every width); only the widths whose
    estimate is within ESTIMATE_MARGIN of the best are set, and the shortest of those wins (one
    width, usually, and the story then reuses its settings: paragraph.layout shares them). The
    tests check the choice against setting every width."""
    columns = total - GAP
    lo, hi = math.ceil(COLUMN_RANGE[0] * columns / em), math.floor(COLUMN_RANGE[1] * columns / em)
    widths = [n * em for n in range(lo, hi + 1)]
    guesses = dict(zip(widths, map(estimated_heights(chinese, english, total), widths)))
    near = [w for w in widths if guesses[w] <= min(guesses.values()) * (1 + ESTIMATE_MARGIN)]
    if len(near) == 1:
        return near[0]
    heights = paired_heights(chinese, english, total)
    return min((heights(w)[2], w) for w in near)[1]


def estimated_heights(chinese: StoryBuilder, english: StoryBuilder, total: float) -> Callable[[float], float]:
    """For a Chinese column width: the estimated height of the body text pairs side by side."""
    pairs = list(zip(body_paragraphs(chinese.doc), body_paragraphs(english.doc), strict=True))
    zh_flow = [_Estimate(chinese.paragraph(a)) for a, _ in pairs]
    en_flow = [_Estimate(english.paragraph(b)) for _, b in pairs]

    def heights(width: float) -> float:
        return sum(max(a.height(width), b.height(total - width - GAP)) for a, b in zip(zh_flow, en_flow))

    return heights


class _Estimate:
    """A paragraph's height at a width, its lines filled greedily from its words' natural widths."""

    def __init__(self, flowable: Flowable) -> None:
        self.flowable = flowable
        self.tokens: list[tuple[bool, float, float]] = []  # (hard break, advance, width without its space)
        if isinstance(flowable, SetParagraph):
            for span in flowable.spans:
                for token in _TOKEN.findall(span.text):
                    self.tokens.append((token == "\n", measure(token, span.font, span.size),
                                        measure(token.rstrip(" "), span.font, span.size)))

    def height(self, width: float) -> float:
        flowable = self.flowable
        if not isinstance(flowable, SetParagraph):
            return float(flowable.wrap(width, TALL)[1])
        x, lines = flowable.style.first_indent, 1
        for hard, advance, ink in self.tokens:
            if hard or (x > 0 and x + ink > width + 1e-6):
                x, lines = (0.0 if hard else advance), lines + 1
            else:
                x += advance
        return lines * flowable.style.leading


def paired_heights(chinese: StoryBuilder, english: StoryBuilder,
                   total: float) -> Callable[[float], tuple[float, float, float]]:
    """For a Chinese column width: the heights of the Chinese body text, of the English one, and
    of the pairs side by side (each as tall as its taller side)."""
    pairs = list(zip(body_paragraphs(chinese.doc), body_paragraphs(english.doc), strict=True))
    zh_flow = [chinese.paragraph(a) for a, _ in pairs]
    en_flow = [english.paragraph(b) for _, b in pairs]

    def heights(width: float) -> tuple[float, float, float]:
        left = [f.wrap(width, TALL)[1] for f in zh_flow]
        right = [f.wrap(total - width - GAP, TALL)[1] for f in en_flow]  # as SideBySide divides it
        return sum(left), sum(right), sum(map(max, left, right))

    return heights


class ParallelStoryBuilder:
    """Chinese and English builders at their column widths, and full-width ones for the cover titles."""

    def __init__(self, full: StoryBuilder, chinese: StoryBuilder, english: StoryBuilder, column: float):
        self.full, self.chinese, self.english, self.column = full, chinese, english, column

    def story(self) -> list[Flowable]:
        zh, en = self.chinese, self.english
        out = [*self.cover(), OrderMark(), NextPageTemplate("body"), PageBreak(), *self.contents()]
        for n, (zh_part, en_part) in enumerate(zip(zh.doc.parts, en.doc.parts, strict=True)):
            out += [*zh.part_break(n), *zip_stories(zh.part(zh_part), en.part(en_part), self.column)]
        out.append(AtFoot(zip_stories(zh.back_page(), en.back_page(), self.column)))
        return out

    def cover(self) -> Iterator[Flowable]:
        """Datelines side by side; both titles over the full width; key figures and leads in columns."""
        zh, en, full = self.chinese, self.english, self.full
        yield Spacer(0, 72)
        yield pair(zh.dateline(stacked=True), en.dateline(stacked=True), self.column)
        yield Spacer(0, 14)
        yield from full.titles()
        yield Spacer(0, 12)
        yield plain_block(en.doc.title, en.typo.h1, en.locale, align="left", space_after=4)
        yield plain_block(en.doc.subtitle, en.typo.h3, en.locale, align="left")
        yield Spacer(0, 16)
        yield HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=16)
        if zh.doc.cover:
            yield pair(zh.figures_heading(), en.figures_heading(), self.column)
            yield pair(zh.cover_figures(zh.doc.cover, 1), en.cover_figures(en.doc.cover, 1), self.column)
            yield Spacer(0, 18)
        for a, b in zip(zh.doc.lead, en.doc.lead, strict=True):
            yield pair(zh.paragraph(a), en.paragraph(b), self.column)

    def contents(self) -> Iterator[Flowable]:
        zh, en = self.chinese, self.english
        zh_title, en_title = (plain_block(b.ui.gettext("Contents"), b.typo.h1, b.locale, align="left", space_after=18)
                              for b in (zh, en))
        heading = pair(zh_title, en_title, self.column)
        yield mark_heading(heading, f"{zh.ui.gettext('Contents')}{SEPARATOR}{en.ui.gettext('Contents')}", 0,
                           self.full.key(), toc=False)
        yield self.full.toc(self.contents_title)

    def contents_title(self, text: str, level: int) -> Flowable:
        """A contents entry: the Chinese title in the Chinese column, the English beside it."""
        zh_text, _, en_text = text.partition(SEPARATOR)
        zh, en = self.chinese, self.english
        rows = [plain_block(t, zh.typo.h3 if level == 0 else Type(b.typo.serif, 10.5, 16), b.locale, align="left")
                for t, b in ((zh_text, zh), (en_text or zh_text, en))]
        indent = 0.0 if level == 0 else 21.0
        return SideBySide(rows[0], rows[1], self.column - indent)
