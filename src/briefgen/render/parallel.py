"""The bilingual edition: Chinese left, English right, aligned paragraph by paragraph.

Both languages' stories are built by the same StoryBuilder at column width, so they have the
same shape; they are zipped element by element. Text elements become side-by-side rows that
split across pages together; charts, rules and page breaks are taken once, from the Chinese.
"""
from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from briefgen.render.cjk_paragraph import CJKParagraph
from briefgen.render.story import StoryBuilder
from briefgen.render.tagging import OrderMark, copy_tag, draw_child
from briefgen.render.text import plain_block

PAIRED = (CJKParagraph, Paragraph, Table)
GAP = 18.0


class SideBySide(Flowable):
    """Two flowables in columns, top-aligned; splits both at the same height.

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

    def parts(self) -> tuple[Flowable, Flowable]:
        return self.left, self.right

    def _widths(self, available: float) -> tuple[float, float]:
        return self.left_width, available - self.left_width - self.gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        left, right = self._widths(availWidth)
        _, self.left_height = self.left.wrap(left, availHeight)
        _, self.right_height = self.right.wrap(right, availHeight)
        self.width, self.height = availWidth, max(self.left_height, self.right_height)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        left, right = self._widths(availWidth)
        heads, tails = [], []
        for part, width in ((self.left, left), (self.right, right)):
            _, height = part.wrap(width, availHeight)
            pieces = [part] if height <= availHeight else copy_tag(part, part.split(width, availHeight))
            if not pieces:
                return []
            heads.append(pieces[0])
            tails.append(pieces[1] if len(pieces) > 1 else Spacer(0, 0))
        if all(isinstance(t, Spacer) for t in tails):
            return [self]
        return [SideBySide(heads[0], heads[1], self.left_width, self.gap),
                SideBySide(tails[0], tails[1], self.left_width, self.gap)]

    def draw(self) -> None:
        draw_child(self.canv, self.left, 0, self.height - self.left_height)
        draw_child(self.canv, self.right, self.left_width + self.gap, self.height - self.right_height)


def zip_stories(left: Iterable[Flowable], right: Iterable[Flowable], left_width: float) -> list[Flowable]:
    """Pair the text of two same-shaped stories; take everything else from the left one."""
    out: list[Flowable] = []
    for a, b in zip(left, right, strict=True):
        if isinstance(a, KeepTogether) and isinstance(b, KeepTogether):
            out.append(KeepTogether(zip_stories(a._content, b._content, left_width)))
        elif isinstance(a, PAIRED) and isinstance(b, PAIRED):
            out.append(_pair(a, b, left_width))
        else:
            out.append(a)
    return out


def _pair(a: Flowable, b: Flowable, left_width: float) -> Flowable:
    pair = SideBySide(a, b, left_width)
    outline = getattr(a, "_outline", None)
    other = getattr(b, "_outline", None)
    if outline:
        title, level, key, toc = outline
        pair._outline = (f"{title} / {other[0]}" if other else title, level, key, toc)  # type: ignore[attr-defined]
    return pair


class ParallelStoryBuilder:
    """Chinese and English builders at column width, plus a full-width Chinese one for the cover."""

    def __init__(self, full: StoryBuilder, chinese: StoryBuilder, english: StoryBuilder, column: float):
        self.full, self.chinese, self.english, self.column = full, chinese, english, column

    def story(self) -> list[Flowable]:
        en = self.english
        out = list(self.full.cover())
        out.append(OrderMark())
        out += [Spacer(0, 18), plain_block(en.doc.title, en.typo.h1, en.locale, align="left", space_after=4),
                plain_block(en.doc.subtitle, en.typo.h3, en.locale, align="left")]
        out += [NextPageTemplate("body"), PageBreak(), *self.full.contents()]
        for zh_part, en_part in zip(self.chinese.doc.parts, en.doc.parts, strict=True):
            out += [PageBreak(), *zip_stories(self.chinese.part(zh_part), en.part(en_part), self.column)]
        out += [PageBreak(), *zip_stories(self.chinese.back_page(), en.back_page(), self.column)]
        return out
