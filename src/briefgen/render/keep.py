"""Pagination: a heading kept with the first lines of what follows; where a part opens a page."""
from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether
from reportlab.platypus.doctemplate import ActionFlowable

from briefgen.render.tagging import copy_tag, draw_child


class KeepWithFirstLines(KeepTogether):
    """Headings (flowables marked keepWithNext) and the flowable after them.

    ReportLab's KeepTogether moves the whole group to the next page when it does not fit, so a
    heading drags a 400 pt paragraph after it and leaves the space blank. This group moves only
    when the headings and the opening lines of the last flowable (as many as its own split
    allows: two at least, by the widow and orphan rules) do not fit; otherwise the last flowable
    is split and runs on to the next page. A figure after a heading cannot split: the group then
    moves whole.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (ReportLab's names)
        *heads, last = self._content
        frame = getattr(self, "_frame", None)
        if not heads or frame is None or frame._atTop:
            return super().split(aW, aH)
        overlap = bool(getattr(frame, "_oASpace", 0))
        used, after = 0.0, None
        for flowable in heads:
            _, height = flowable.wrap(aW, aH)
            used += height + (_between(after, flowable.getSpaceBefore(), overlap) if after is not None else 0.0)
            after = flowable.getSpaceAfter()
        room = aH - used - _between(after or 0.0, last.getSpaceBefore(), overlap)
        pieces = copy_tag(last, last.split(aW, room)) if room > 0 else []
        if len(pieces) < 2 or isinstance(pieces[0], ActionFlowable) or pieces[0].wrap(aW, room)[1] > room + 1e-6:
            return super().split(aW, aH)  # not even the opening lines fit: the group moves whole
        for flowable in heads:
            flowable.__dict__["keepWithNext"] = 0
        return [*heads, *pieces]


TALL = 1e6


def _between(after: float, before: float, overlap: bool) -> float:
    """The space a frame puts between two flowables (the larger of the two when spaces overlap)."""
    return max(after, before) if overlap else after + before


class PartBreak(CondPageBreak):
    """Where a part opens: a new page only when less than `fraction` of the frame is left.

    The rule: a part that would open in the bottom part of a page starts a new page; one that can
    open with its kicker, title and first lines in the upper part of the page runs on, so that a
    short part after a long one does not leave half a page blank (nor stand alone on its page).
    """

    def __init__(self, fraction: float):
        super().__init__(0.0)
        self.fraction = fraction

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        frame = self._doctemplateAttr("frame")
        self.height = self.fraction * frame._aH if frame else 0.0
        return super().wrap(availWidth, availHeight)


class AtFoot(Flowable):
    """Flowables set at the foot of the page, after whatever the page already holds (the colophon).

    It takes the rest of the page when it fits there, else moves whole to the next page; its
    bookmark is that of its first flowable, and each flowable in it is its own tagged element.
    """

    _briefgen_tags_itself = True
    _briefgen_container = True
    _opens = -1  # the end of the text: a figure still waiting for a page is placed before it

    def __init__(self, content: list[Flowable]):
        super().__init__()
        self.content = content
        self.heights: list[float] = []
        outline = getattr(content[0], "_outline", None) if content else None
        if outline is not None:
            self._outline = outline

    def parts(self) -> list[Flowable]:
        return self.content

    def _stack(self, width: float) -> float:
        self.heights = [f.wrap(width, TALL)[1] for f in self.content]
        spaces = [f.getSpaceBefore() for f in self.content[1:]] + [0.0]
        return sum(h + max(f.getSpaceAfter(), s) for f, h, s in zip(self.content, self.heights, spaces))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.needed = self._stack(availWidth)
        self.width, self.height = availWidth, max(self.needed, availHeight - 1e-3)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []

    def draw(self) -> None:
        y = self.needed
        for n, (f, h) in enumerate(zip(self.content, self.heights)):
            if n:
                y -= max(self.content[n - 1].getSpaceAfter(), f.getSpaceBefore())
            y -= h
            draw_child(self.canv, f, 0, y)
