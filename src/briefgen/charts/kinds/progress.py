"""Progress toward a goal: one track per pair, filled to the current figure."""
from __future__ import annotations

from briefgen.charts.canvas import Canvas, new_canvas
from briefgen.charts.labels import value_text, word
from briefgen.charts.style import (
    INK, LABEL_PT, MARGIN, MIN_HEIGHT, MUTED, ORANGE, SMALL_PT, TRACK, VALUE_PT, WIDTH,
)
from briefgen.charts.typeset import Typesetter
from briefgen.model.document import ChartData, Datum

TRACK_H = 0.14
ROW_GAP = 0.2
ABOVE = 0.05  # between a row's words and its track
NOTE_GAP = 0.05
RIGHT = WIDTH - MARGIN


def draw_progress(chart: ChartData, type: Typesetter) -> Canvas:
    labels = [_label(type, cur, goal) for cur, goal in chart.pairs]
    heights = [type.height(len(lines), LABEL_PT) + ABOVE + TRACK_H for lines in labels]
    note = type.height(1, SMALL_PT) + NOTE_GAP
    needed = sum(heights) + ROW_GAP * (len(heights) - 1) + note + 2 * MARGIN
    canvas = new_canvas(max(needed, MIN_HEIGHT), type)
    spare = (canvas.height - needed) / len(heights)
    y = MARGIN + spare / 2
    for i, ((cur, goal), lines, h) in enumerate(zip(chart.pairs, labels, heights)):
        _row(canvas, y, lines, cur, goal)
        if i == 0:
            _notes(canvas, chart, y + h, _done(cur, goal))
            y += note
        y += h + ROW_GAP + spare
    return canvas


def _done(cur: Datum, goal: Datum) -> float:
    return min(max(cur.value / goal.value, 0.0), 1.0) if goal.value else 0.0


def _figures(cur: Datum, goal: Datum, locale: str) -> tuple[str, str]:
    return value_text(cur, locale), " / " + value_text(goal, locale)


def _label(type: Typesetter, cur: Datum, goal: Datum) -> list[str]:
    now, then = _figures(cur, goal, type.locale)
    room = type.width(now, VALUE_PT, True) + type.width(then, VALUE_PT) + 0.25
    return type.wrap(cur.label, WIDTH - 2 * MARGIN - room, LABEL_PT)


def _row(canvas: Canvas, y: float, label: list[str], cur: Datum, goal: Datum) -> None:
    """The label and "current / goal" on one baseline, the track under them."""
    track_y = y + canvas.type.height(len(label), LABEL_PT) + ABOVE
    text = "\n".join(label)
    baseline = y + canvas.type.height(len(label) - 1, LABEL_PT) + canvas.type.first_baseline(text, LABEL_PT)
    now, then = _figures(cur, goal, canvas.type.locale)
    canvas.text(MARGIN, baseline, text, LABEL_PT, va="baseline")
    right = canvas.text(RIGHT, baseline, then, VALUE_PT, color=MUTED, ha="right", va="baseline")
    left = canvas.extent(right)[0]
    canvas.text(left, baseline, now, VALUE_PT, bold=True, ha="right", va="baseline")
    canvas.rect(MARGIN, track_y, RIGHT - MARGIN, TRACK_H, TRACK)
    canvas.rect(MARGIN, track_y, (RIGHT - MARGIN) * _done(cur, goal), TRACK_H, ORANGE)


def _notes(canvas: Canvas, chart: ChartData, y: float, done: float) -> None:
    """Direct labels under the first track: where the current figure ends, where the goal is."""
    goal, now = word(chart, "goal"), word(chart, "actual")
    canvas.line([RIGHT - 0.004, RIGHT - 0.004], [y - TRACK_H, y + 0.04], MUTED, 0.8)
    canvas.text(RIGHT, y + NOTE_GAP, goal, SMALL_PT, color=MUTED, ha="right")
    end = MARGIN + (RIGHT - MARGIN) * done
    half = canvas.type.width(now, SMALL_PT) / 2
    if end + half < RIGHT - canvas.type.width(goal, SMALL_PT) - 0.15:
        canvas.line([end, end], [y - TRACK_H, y + 0.04], INK, 0.8)
        canvas.text(max(end, MARGIN + half), y + NOTE_GAP, now, SMALL_PT, color=INK, ha="center")
