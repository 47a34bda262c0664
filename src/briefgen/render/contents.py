"""The table of contents: titles set by the edition's own text engine, page numbers in a right column."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from briefgen.render.styles import RULE

NUMBER_COLUMN = 30.0
INDENT = 21.0


class Contents(TableOfContents):
    """Entries collected by multiBuild; each row is [title, page], linked to its heading."""

    def __init__(self, title: Callable[[str, int], Flowable], number: Callable[[str, int], Flowable], font: str):
        super().__init__()
        self.make_title = title
        self.make_number = number
        self.font = font  # Table's cell font defaults to Helvetica, which would be an unembedded resource

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        entries = self._lastEntries or [(0, "…", 0, None)]
        rows = [[Linked(self.make_title(text, level), key), Linked(self.make_number(str(page), level), key)]
                for level, text, page, key in entries]
        style = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("FONT", (0, 0), (-1, -1), self.font, 10)]
        for row, (level, _text, _page, _key) in enumerate(entries):
            if level == 0:
                style += [("TOPPADDING", (0, row), (-1, row), 12 if row else 0),
                          ("LINEBELOW", (0, row), (-1, row), 0.5, RULE)]
            else:
                style += [("LEFTPADDING", (0, row), (0, row), INDENT)]
        self._table = Table(rows, colWidths=(availWidth - NUMBER_COLUMN, NUMBER_COLUMN), style=TableStyle(style))
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


class Linked(Flowable):
    """A flowable whose area jumps to a bookmark when clicked (a contents row to its heading)."""

    def __init__(self, content: Flowable, key: str | None):
        super().__init__()
        self.content, self.key = content, key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.content.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)
        if self.key:
            self.canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
