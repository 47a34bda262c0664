"""The table of contents: titles set by the edition's own text engine, page numbers in a right column."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from briefgen.render.styles import RULE
from briefgen.render.tagging import Tag, TaggedTable, link_rect, tag_of

NUMBER_COLUMN = 30.0
INDENT = 21.0


class Contents(TableOfContents):
    """Entries collected by multiBuild; each row is [title, page], linked to its heading.

    Tagged as a TOC of TOCI elements, each holding a Link to its heading."""

    _briefgen_tags_itself = True

    def __init__(self, title: Callable[[str, int], Flowable], number: Callable[[str, int], Flowable], font: str):
        super().__init__()
        self.make_title = title
        self.make_number = number
        self.font = font  # Table's cell font defaults to Helvetica, which would be an unembedded resource

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        entries = self._lastEntries or [(0, "…", 0, None)]
        rows = [[Linked(self.make_title(text, level), key, text, self._link_tag(row)),
                 Linked(self.make_number(str(page), level), key, text, self._link_tag(row))]
                for row, (level, text, page, key) in enumerate(entries)]
        style = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("FONT", (0, 0), (-1, -1), self.font, 10)]
        for row, (level, _text, _page, _key) in enumerate(entries):
            if level == 0:
                style += [("TOPPADDING", (0, row), (-1, row), 12 if row else 0),
                          ("LINEBELOW", (0, row), (-1, row), 0.5, RULE)]
            else:
                style += [("LEFTPADDING", (0, row), (0, row), INDENT)]
        self._table = TaggedTable(rows, colWidths=(availWidth - NUMBER_COLUMN, NUMBER_COLUMN), style=TableStyle(style))
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def _link_tag(self, row: int) -> Tag | None:
        own = tag_of(self)
        if own is None:
            return None
        return Tag("Link", (*own.order, row, 0), own.lang, parents=(("TOC", own.order), ("TOCI", (*own.order, row))))


class Linked(Flowable):
    """A flowable whose area jumps to a bookmark when clicked (a contents row to its heading)."""

    def __init__(self, content: Flowable, key: str | None, text: str = "", link_tag: Tag | None = None):
        super().__init__()
        self.content, self.key, self.text = content, key, text
        self._briefgen_tag = link_tag

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.content.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)
        if self.key:
            link_rect(self.canv, self.key, (0, 0, self.width, self.height), self.text, tag_of(self))
