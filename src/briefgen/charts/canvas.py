"""A figure with one frameless axes measured in inches from the top-left corner."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Polygon, Rectangle, Wedge
from matplotlib.text import Text

from briefgen.charts.style import INK, LABEL_PT, WHITE, WIDTH
from briefgen.charts.typeset import Typesetter

Point = tuple[float, float]
Points = Sequence[float]
READING = "reading-"  # gid prefix of text in a reading group


@dataclass
class Canvas:
    """Drawing primitives in inches; y grows downwards, so layouts read top to bottom."""

    fig: Figure
    ax: Axes
    type: Typesetter
    height: float
    width: float = WIDTH
    reading: int | None = None  # the reading group new text joins (see reads_as)

    @contextmanager
    def reads_as(self, text: str) -> Iterator[None]:
        """Text drawn inside copies out of the PDF as `text`, in one piece: a tile's figure,
        unit and label read "4.1% 生产总值增长", not as parts of a row of figures then a row of labels.
        The texts are kept on the figure (`fig.readings`; a gid "reading-N" marks each artist)."""
        readings: list[str] = self.fig.__dict__.setdefault("readings", [])
        readings.append(text)
        self.reading = len(readings) - 1
        try:
            yield
        finally:
            self.reading = None

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float = LABEL_PT,
        *,
        bold: bool = False,
        color: str = INK,
        ha: str = "left",
        va: str = "top",
    ) -> Text:
        """Text at (x, y) inches from the top left, in the face the Typesetter measures it with."""
        s = self.type.printed(s)
        path = self.type.path(s, bold)
        font = FontProperties(fname=path, size=size)
        spacing = self.type.linespacing(path)
        artist = self.ax.text(x, y, s, fontproperties=font, color=color, ha=ha, va=va, linespacing=spacing)
        if self.reading is not None:
            artist.set_gid(f"{READING}{self.reading}")
        return artist

    def extent(self, artist: Text) -> tuple[float, float, float, float]:
        """Where `artist` was drawn, in inches: left, right, top, bottom."""
        box = artist.get_window_extent(self.fig.canvas.get_renderer())  # type: ignore[attr-defined]
        return box.x0 / 72, box.x1 / 72, self.height - box.y1 / 72, self.height - box.y0 / 72

    def rect(self, x: float, y: float, w: float, h: float, color: str) -> None:
        self.ax.add_patch(Rectangle((x, y), w, h, facecolor=color, edgecolor="none", lw=0))

    def circle(self, x: float, y: float, r: float, color: str, edge: str | None = None) -> None:
        line = 1.2 if edge else 0
        self.ax.add_patch(Circle((x, y), r, facecolor=color, edgecolor=edge or "none", lw=line))

    def ring(
        self, centre: Point, r: float, width: float, arc: tuple[float, float], color: str
    ) -> None:
        """An arc of a donut `width` thick; `arc` in degrees clockwise from 12 o'clock."""
        wedge = Wedge(centre, r, arc[0] - 90, arc[1] - 90, width=width, facecolor=color, lw=0)
        self.ax.add_patch(wedge)

    def polygon(self, points: Sequence[Point], color: str) -> None:
        self.ax.add_patch(Polygon(points, closed=True, facecolor=color, edgecolor="none", lw=0))

    def line(self, xs: Points, ys: Points, color: str, width: float = 0.8) -> None:
        """A stroke `width` points wide."""
        self.ax.add_line(Line2D(xs, ys, color=color, linewidth=width, solid_capstyle="butt"))


def new_canvas(height: float, type: Typesetter) -> Canvas:
    """A white figure WIDTH x `height` inches whose data coordinates are inches."""
    fig = Figure(figsize=(WIDTH, height), dpi=72, facecolor=WHITE)
    FigureCanvasAgg(fig)  # a renderer to measure drawn text with
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    return Canvas(fig, ax, type, height)
