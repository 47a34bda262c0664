"""Keep-with-next as a designer means it: a heading stays with the first lines of what follows."""
from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import ActionFlowable


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
        pieces = last.split(aW, room) if room > 0 else []
        if len(pieces) < 2 or isinstance(pieces[0], ActionFlowable) or pieces[0].wrap(aW, room)[1] > room + 1e-6:
            return super().split(aW, aH)  # not even the opening lines fit: the group moves whole
        for flowable in heads:
            flowable.__dict__["keepWithNext"] = 0
        return [*heads, *pieces]


def _between(after: float, before: float, overlap: bool) -> float:
    """The space a frame puts between two flowables (the larger of the two when spaces overlap)."""
    return max(after, before) if overlap else after + before
