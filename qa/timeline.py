"""The page's timeline: every dated passage as a dot on a line of years, the answer's passages
numbered above it, drawn as one SVG that scales to any width.

There is no y-axis to read: grey dots sit in a few rows so that a busy year stays visible, the
answer's passages stand above them with their rank. Hovering a dot shows its date in words (at
the precision the text gives), the start of its text and its document. Everything is drawn
here, so nothing is fetched and nothing is clipped; all text is escaped.
Left out: zooming, clicking a dot to ask about it.
"""

from __future__ import annotations

import html
import math

from .chunking import Chunk
from .dates import japanese_date, readable_date

POINTS = 1500  # beyond this many dated passages the line shows an even sample (and every answer's)
WIDTH, HEIGHT, PAD = 440, 170, 22
BASE = HEIGHT - 34  # the line of years
ROWS = 4  # rows of grey dots above the line
MARK_TOP = 10  # the highest a numbered mark's centre goes (its radius is 8.5)


def _year(iso: str) -> float:
    """A date as a point on a line of years, in the middle of what it covers: "2019-07" -> 2019.54."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365


def _step(span: float) -> int:
    return next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if span / s <= 9)


class Timeline:
    """The timeline of one index, drawn once; `svg(hits)` adds an answer's passages."""

    def __init__(self, chunks: list[Chunk]):
        dated = [c for c in chunks if c.date]
        self.count = len(dated)
        self._x: dict[int, float] = {}
        if not dated:
            self.lo = self.hi = 0.0
            self._base = ""
            return
        years = [_year(c.date) for c in dated]
        self.first, self.last = min(c.date for c in dated), max(c.date for c in dated)
        self.lo, self.hi = math.floor(min(years)), math.ceil(max(years))
        if self.hi - self.lo < 2:
            self.lo, self.hi = self.lo - 1, self.hi + 1
        self._x = {id(c): self._at(y) for c, y in zip(dated, years, strict=True)}
        every = max(1, -(-len(dated) // POINTS))
        dots = [self._dot(c, self._x[id(c)], BASE - 8 - 9 * (n % ROWS), 3.2, "#9aa4b2", "") for n, c in
                enumerate(dated[::every])]
        self._base = self._axis() + "".join(dots)

    def _at(self, year: float) -> float:
        return PAD + (year - self.lo) / (self.hi - self.lo) * (WIDTH - 2 * PAD)

    def _axis(self) -> str:
        step = _step(self.hi - self.lo)
        ticks = []
        for year in range(int(math.ceil(self.lo / step) * step), int(self.hi) + 1, step):
            x = self._at(year)
            ticks.append(f'<line x1="{x:.1f}" y1="{BASE}" x2="{x:.1f}" y2="{BASE + 5}" stroke="#6b7280"/>'
                         f'<text x="{x:.1f}" y="{BASE + 18}" text-anchor="middle">{year}</text>')
        return (f'<line x1="{PAD}" y1="{BASE}" x2="{WIDTH - PAD}" y2="{BASE}" stroke="#6b7280"/>' + "".join(ticks))

    @staticmethod
    def _dot(c: Chunk, x: float, y: float, r: float, fill: str, label: str) -> str:
        text = c.text if len(c.text) <= 140 else c.text[:137] + "…"
        tip = f"{label + '. ' if label else ''}{readable_date(c.date, c.date_end)}: {text} ({c.source.rsplit('/', 1)[-1]})"
        mark = (f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" fill="#fff" font-weight="700">{label}</text>'
                if label else "")
        return (f'<g class="dot"><title>{html.escape(tip)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" '
                f'fill="{fill}"/>{mark}</g>')

    def svg(self, hits=(), lang: str = "en") -> str:
        """The timeline with the answer's dated passages numbered by rank above the line; its caption
        in Japanese when `lang` is "ja"."""
        if not self.count:
            return '<p class="timeline-empty">No passage in the documents has a date.</p>'
        placed = []  # (x, row, rank, chunk) of the numbers, so that none covers another
        for n, h in enumerate(hits, 1):
            if id(h.chunk) not in self._x:
                continue
            x = self._x[id(h.chunk)]
            row = next(r for r in range(len(hits) + 1) if all(abs(x - px) >= 18 or pr != r for px, pr, _, _ in placed))
            placed.append((x, row, n, h.chunk))
        # rows of numbers 19 apart, closer when many answers share a date: the top one stays inside the picture
        rows = max((row for _, row, _, _ in placed), default=0)
        gap = min(19.0, (BASE - 58 - MARK_TOP) / rows) if rows else 19.0
        marks = [self._dot(c, x, BASE - 58 - gap * row, 8.5, "#ea580c", str(n)) for x, row, n, c in placed]
        if lang == "ja":
            title = (f"日付のある記述 {self.count}件（{japanese_date(self.first)}〜{japanese_date(self.last)}）"
                     + ("。この答えの記述に番号を付けています" if marks else ""))
        else:
            title = (f"{self.count} dated passages, {readable_date(self.first)} to {readable_date(self.last)}"
                     + ("; this answer's are numbered" if marks else ""))
        return (f'<figure class="timeline" aria-label="{html.escape(title)}"><figcaption>{html.escape(title)}'
                f'</figcaption><svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
                f'font-size="13" font-family="system-ui, sans-serif" fill="#374151">{self._base}'
                f'{"".join(reversed(marks))}</svg></figure>')
