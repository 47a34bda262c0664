"""Marked content while drawing: each flowable's glyphs and paths inside a tagged sequence or an artifact.

Roles are given at story-building time (`tag`); the frame wraps every flowable it draws in
`BDC … EMC` with a fresh MCID, or, for a flowable without a role (rules, spacers), in an
Artifact. What was marked is recorded per page, so `render/accessible.py` can build the
structure tree after ReportLab has written the file. A flowable split across pages keeps its
element: every piece carries the same `Tag`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, HRFlowable, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import Flowable, NullDraw
from reportlab.platypus.tableofcontents import TableOfContents

ROLES = frozenset({"Document", "H1", "H2", "H3", "P", "Caption", "Figure", "TOC", "TOCI", "Link", "Lbl", "Span"})


@dataclass(frozen=True)
class Tag:
    """A structure element a flowable belongs to: its role, language, order and Alt text.

    `order` sorts elements into reading order (story order, not drawing order, so a figure
    that floats still reads where it was written); `parents` nests Link in TOCI in TOC."""

    role: str
    order: tuple[int, ...]
    lang: str = ""
    alt: str = ""
    parents: tuple[tuple[str, tuple[int, ...]], ...] = ()  # (role, order) of enclosing elements, outermost first

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown structure role {self.role!r}")


@dataclass
class Marked:
    """One marked-content sequence: the page it is on, its MCID there, and its element."""

    page: int
    mcid: int
    tag: Tag


@dataclass
class LinkMark:
    """A link annotation drawn inside a Link element: the k-th annotation of its page."""

    page: int
    index: int
    tag: Tag
    contents: str


@dataclass
class Recorder:
    """Everything marked in one layout pass; reset at the start of each pass."""

    marks: list[Marked] = field(default_factory=list)
    links: list[LinkMark] = field(default_factory=list)
    _next_mcid: dict[int, int] = field(default_factory=dict)
    _annots: dict[int, int] = field(default_factory=dict)
    _open: int = 0  # depth of tagged sequences now open (artifacts inside them are skipped)

    def reset(self) -> None:
        self.marks.clear()
        self.links.clear()
        self._next_mcid.clear()
        self._annots.clear()
        self._open = 0

    def mcid(self, page: int, tag: Tag) -> int:
        number = self._next_mcid.get(page, 0)
        self._next_mcid[page] = number + 1
        self.marks.append(Marked(page, number, tag))
        return number

    def link(self, page: int, tag: Tag, contents: str) -> None:
        index = self._annots.get(page, 0)
        self._annots[page] = index + 1
        self.links.append(LinkMark(page, index, tag, contents))


def recorder_of(canv: Canvas) -> Recorder | None:
    return getattr(canv, "_briefgen_recorder", None)


def attach(canv: Canvas, recorder: Recorder) -> None:
    canv._briefgen_recorder = recorder  # type: ignore[attr-defined]


def discard_drawing(canv: Canvas, discarded: bool) -> None:
    """Say whether what is drawn on this canvas will be thrown away (a layout pass that only
    counts pages and places contents entries): text and pictures need not be drawn on it."""
    canv._briefgen_discarded = discarded  # type: ignore[attr-defined]


def discarded(canv: Canvas) -> bool:
    return bool(getattr(canv, "_briefgen_discarded", False))


def tag(flowable: Flowable, role: str, order: tuple[int, ...], lang: str = "", alt: str = "",
        parents: tuple[tuple[str, tuple[int, ...]], ...] = ()) -> Flowable:
    """Give a flowable its structure role; returns the flowable."""
    flowable._briefgen_tag = Tag(role, order, lang, alt, parents)  # type: ignore[attr-defined]
    return flowable


BCP47 = {"zh": "zh-CN", "en": "en-US"}
_TAGS: ContextVar[dict[str, str]] = ContextVar("briefgen_bcp47", default=BCP47)


@contextmanager
def languages(tags: dict[str, str]) -> Iterator[None]:
    """Tag text of these locales with these BCP 47 tags while a PDF is built: {"en": "en-GB"}."""
    token = _TAGS.set({**BCP47, **{k: v for k, v in tags.items() if v}})
    try:
        yield
    finally:
        _TAGS.reset(token)


def in_language(flowable: Flowable, locale: str) -> Flowable:
    """Say which language a flowable's text is in (a DRAFT's fallback text is Chinese in English)."""
    flowable._briefgen_lang = _TAGS.get().get(locale, locale)  # type: ignore[attr-defined]
    return flowable


def tag_of(flowable: Flowable) -> Tag | None:
    return getattr(flowable, "_briefgen_tag", None)


def copy_tag(source: Flowable, pieces: list[Flowable]) -> list[Flowable]:
    """The pieces of a split flowable stay in their element."""
    found = tag_of(source)
    if found is not None:
        for piece in pieces:
            if tag_of(piece) is None:
                piece._briefgen_tag = found  # type: ignore[attr-defined]
    return pieces


def _literal(canv: Canvas, operator: str) -> None:
    canv._code.append(operator)  # type: ignore[attr-defined]


@contextmanager
def marked(canv: Canvas, found: Tag | None) -> Iterator[None]:
    """Draw inside a tagged sequence for `found`, or as a layout artifact when it is None."""
    recorder = recorder_of(canv)
    if recorder is None:
        yield
        return
    if found is None:
        with artifact(canv, "Layout"):
            yield
        return
    number = recorder.mcid(canv.getPageNumber(), found)
    _literal(canv, f"/{found.role} <</MCID {number}>> BDC")
    recorder._open += 1
    try:
        yield
    finally:
        recorder._open -= 1
        _literal(canv, "EMC")


@contextmanager
def artifact(canv: Canvas, kind: str = "Layout", subtype: str = "") -> Iterator[None]:
    """Draw as an artifact (running heads, rules, backgrounds, crop marks, the DRAFT stamp)."""
    recorder = recorder_of(canv)
    if recorder is None or recorder._open:
        yield
        return
    extra = f" /Subtype /{subtype}" if subtype else ""
    _literal(canv, f"/Artifact <</Type /{kind}{extra}>> BDC")
    try:
        yield
    finally:
        _literal(canv, "EMC")


def draw_child(canv: Canvas, child: Flowable, x: float, y: float) -> None:
    """Draw a flowable inside a container, in its own element if it has one."""
    if getattr(child, "_briefgen_tags_itself", False):
        child.drawOn(canv, x, y)
        return
    with marked(canv, tag_of(child)):
        child.drawOn(canv, x, y)


def link_rect(canv: Canvas, key: str, rect: tuple[float, float, float, float], contents: str,
              found: Tag | None) -> None:
    """A relative link annotation, recorded so its Link element can point at it (OBJR)."""
    canv.linkRect(contents, key, rect, relative=1, thickness=0)
    recorder = recorder_of(canv)
    if recorder is not None and found is not None:
        recorder.link(canv.getPageNumber(), found, contents)


class TaggingFrame(Frame):
    """A frame that marks every flowable it draws, and keeps a split flowable's pieces in one element."""

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:  # noqa: N803
        if recorder_of(canv) is None or getattr(flowable, "_briefgen_tags_itself", False):
            return super()._add(flowable, canv, trySplit)
        original: Callable[..., Any] = flowable.drawOn
        found = tag_of(flowable)

        def draw_on(*args: Any, **kwargs: Any) -> None:
            with marked(canv, found):
                original(*args, **kwargs)
        flowable.drawOn = draw_on  # type: ignore[method-assign]
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        return copy_tag(flowable, super().split(flowable, canv))


class TaggedTable(Table):
    """A table whose backgrounds and rules are artifacts and whose cells are its element's content."""

    _briefgen_tags_itself = True

    def _drawBkgrnd(self) -> None:  # noqa: N802
        with artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:  # noqa: N802
        with artifact(self.canv):
            super()._drawLines()

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:  # noqa: N802
        found = tag_of(cellval) if isinstance(cellval, Flowable) else None
        if isinstance(cellval, (list, tuple)):
            found = next((tag_of(v) for v in cellval if tag_of(v) is not None), None)
        with marked(self.canv, found or tag_of(self)):
            super()._drawCell(cellval, cellstyle, pos, size)


class OrderMark(Flowable):
    """A zero-size place in the story: what page decorations draw there (the cover note) reads here."""

    _briefgen_tags_itself = True  # draws nothing, so no marked content of its own

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


class Numbering:
    """Gives every flowable of a story its element, in story order: the reading order of the PDF."""

    def __init__(self, lang: str):
        self.lang = lang
        self.count = 0

    def next(self) -> tuple[int, ...]:
        self.count += 1
        return (self.count,)

    def story(self, flowables: list[Flowable]) -> list[Flowable]:
        for flowable in flowables:
            self.flowable(flowable)
        return flowables

    def flowable(self, flowable: Flowable) -> None:
        children = _children(flowable)
        if children is not None:
            for child in children:
                self.flowable(child)
            return
        found = tag_of(flowable)
        lang = getattr(flowable, "_briefgen_lang", "") or self.lang
        if isinstance(flowable, OrderMark):
            flowable._briefgen_tag = Tag("P", self.next(), self.lang)  # type: ignore[attr-defined]
        elif found is not None:
            flowable._briefgen_tag = replace(found, order=self.next(), lang=found.lang or lang)  # type: ignore[attr-defined]
        elif _is_text(flowable):
            outline = getattr(flowable, "_outline", None)
            role = f"H{min(outline[1] + 1, 3)}" if outline else "P"
            flowable._briefgen_tag = Tag(role, self.next(), lang)  # type: ignore[attr-defined]


def _children(flowable: Flowable) -> list[Flowable] | None:
    """The parts of a container that draws its parts itself, or None for a leaf."""
    if hasattr(flowable, "_content") and not isinstance(flowable, Table):  # KeepTogether and friends
        return list(flowable._content)
    if getattr(flowable, "_briefgen_container", False):
        return list(flowable.parts())  # type: ignore[attr-defined]
    return None


DECORATIONS = (Spacer, HRFlowable, ActionFlowable, NullDraw, TableOfContents)  # rules, spaces, breaks: artifacts


def _is_text(flowable: Flowable) -> bool:
    """A leaf flowable that is not a decoration sets text: a paragraph of either engine, a table."""
    return not isinstance(flowable, DECORATIONS)
