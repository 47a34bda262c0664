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
from briefgen.charts.typeset import Typesetter, line_slot

Point = tuple[float, float]
Points = Sequence[float]
READING = "reading-"  # gid prefix of text in a reading group
BLOCK = "block-"  # label prefix of the lines of one text block


@dataclass
class Canvas:
    """Drawing primitives in inches; y grows downwards, so layouts read top to bottom."""

    fig: Figure
    ax: Axes
    type: Typesetter
    height: float
    width: float = WIDTH
    reading: int | None = None  # the reading group new text joins (see reads_as)
    blocks: int = 0  # text blocks drawn: each one's lines share a label (layout checks lines against other blocks)

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
    ) -> list[Text]:
        """Text at (x, y) inches from the top left, in the face the Typesetter measures it with,
        one artist per line. Each baseline is placed from the face's ascent and descent, the lines
        Typesetter.height(1, size) apart: matplotlib places a line by the ink of its own letters,
        and since 3.11 does so inside a block of lines too, so that a line without descenders
        ("and research bodies") sat lower under the one above it than that one under the first.
        `va` is matplotlib's: "baseline" is the last line's."""
        s = self.type.printed(s)
        path = self.type.path(s, bold)
        font = FontProperties(fname=path, size=size)
        spacing = self.type.linespacing(path)
        lines = s.split("\n")
        pitch, first = self.type.height(1, size), line_slot(path, size)[0] / 72
        last = first + (len(lines) - 1) * pitch
        top = y - {"top": 0.0, "center": len(lines) * pitch / 2, "bottom": len(lines) * pitch,
                   "baseline": last, "center_baseline": last / 2}[va]
        artists = []
        self.blocks += 1
        for n, line in enumerate(lines):
            artist = self.ax.text(x, top + first + n * pitch, line, fontproperties=font, color=color, ha=ha,
                                  va="baseline", linespacing=spacing)
            artist.set_label(f"{BLOCK}{self.blocks}")
            if self.reading is not None:
                artist.set_gid(f"{READING}{self.reading}")
            artists.append(artist)
        return artists

    def extent(self, artists: list[Text]) -> tuple[float, float, float, float]:
        """Where the artists were drawn, in inches: left, right, top, bottom."""
        renderer = self.fig.canvas.get_renderer()  # type: ignore[attr-defined]
        boxes = [a.get_window_extent(renderer) for a in artists]
        x0, x1 = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
        y0, y1 = min(b.y0 for b in boxes), max(b.y1 for b in boxes)
        return x0 / 72, x1 / 72, self.height - y1 / 72, self.height - y0 / 72

    # Shapes go in with add_artist, not add_patch or add_line: those also grow the axes' data
    # limits, which the fixed inch coordinates never use, and that took a sixth of drawing time.
    def rect(self, x: float, y: float, w: float, h: float, color: str) -> None:
        self.ax.add_artist(Rectangle((x, y), w, h, facecolor=color, edgecolor="none", lw=0))

    def circle(self, x: float, y: float, r: float, color: str, edge: str | None = None) -> None:
        line = 1.2 if edge else 0
        self.ax.add_artist(Circle((x, y), r, facecolor=color, edgecolor=edge or "none", lw=line))

    def ring(
        self, centre: Point, r: float, width: float, arc: tuple[float, float], color: str
    ) -> None:
        """An arc of a donut `width` thick; `arc` in degrees clockwise from 12 o'clock."""
        wedge = Wedge(centre, r, arc[0] - 90, arc[1] - 90, width=width, facecolor=color, lw=0)
        self.ax.add_artist(wedge)

    def polygon(self, points: Sequence[Point], color: str) -> None:
        self.ax.add_artist(Polygon(points, closed=True, facecolor=color, edgecolor="none", lw=0))

    def line(self, xs: Points, ys: Points, color: str, width: float = 0.8) -> None:
        """A stroke `width` points wide."""
        self.ax.add_artist(Line2D(xs, ys, color=color, linewidth=width, solid_capstyle="butt"))


def new_canvas(height: float, type: Typesetter) -> Canvas:
    """A white figure WIDTH x `height` inches whose data coordinates are inches."""
    fig = Figure(figsize=(WIDTH, height), dpi=72, facecolor=WHITE)
    FigureCanvasAgg(fig)  # a renderer to measure drawn text with
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    return Canvas(fig, ax, type, height)
