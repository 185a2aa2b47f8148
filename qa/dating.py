"""Finds the dates a text mentions and picks the one a passage is dated by.

Dates are ISO 8601 prefixes that keep the precision the text gives: "2019", "2019-04",
"2019-04-23". A range ("November 25-27, 2019", "from 2004 to 2005") has an end as well.
Understood forms: "June 15, 2021", "15 June 2021", "November 25-27, 2019",
"February 18 - March 2, 2019", "April 2019", "January, 2018", "2021-06-15", "2019-04",
"2004-2005", "2004-05", "from 2004 to 2005", "between 2018 and 2019", "the 1990s" and
bare years 1000-2099.
Left out: relative dates ("last year"), weekdays, times of day, and numbers that only look
like years in context ("2000 people" is read as a year).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .chunking import Chunk

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DASH = r"\s*(?:-|–|—|to|until)\s*"
_YEAR = r"(?:1\d{3}|20\d{2})"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# A year must not touch other digits, letters or a decimal point ("C20", "8.7", "1,000").
_YB = r"(?<![\w.,$£€-])"
_YA = r"(?![\w%]|[.,]\d)"

# (kind, pattern): tried in this order, earlier matches win where they overlap.
_PATTERNS = [
    ("iso_day", rf"{_YB}(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_YA}"),
    ("md_md_y", rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR}){_YA}"),
    ("m_dd_y", rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR}){_YA}"),
    ("m_d_y", rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR}){_YA}"),
    ("dd_m_y", rf"(?<!\d)(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR}){_YA}"),
    ("d_m_y", rf"(?<!\d)(?P<d>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR}){_YA}"),
    ("m_m_y", rf"(?P<m1>{_MONTH}){_DASH}(?P<m2>{_MONTH}),?\s+(?P<y>{_YEAR}){_YA}"),
    ("m_y", rf"(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR}){_YA}"),
    ("y_y", rf"{_YB}(?:(?:from|between)\s+)?(?P<y1>{_YEAR})(?:\s*(?:-|–|—)\s*|\s+(?:to|and|until)\s+)(?P<y2>{_YEAR}|\d{{2}}){_YA}"),
    ("iso_month", rf"{_YB}(?P<y>{_YEAR})-(?P<m>[01]\d){_YA}"),
    ("decade", rf"{_YB}(?P<y>(?:1\d|20)\d0)s(?!\w)"),
    ("y", rf"{_YB}(?P<y>{_YEAR}){_YA}"),
]
_COMPILED = [(kind, re.compile(p)) for kind, p in _PATTERNS]


@dataclass(frozen=True)
class DateSpan:
    """A date or range a text mentions: ISO prefixes, `end` None for a single date."""

    start: str
    end: str | None
    offset: int  # where in the text it was found
    length: int

    def refines(self, other: DateSpan) -> bool:
        """True when self lies inside `other` and is more precise ("2019-04" refines "2019")."""
        inside = self.end is None or self.end.startswith(other.start)
        return inside and self.start.startswith(other.start) and len(self.start) > len(other.start)


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()[:3]]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """ISO prefix, or None when the parts make no calendar date."""
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _span(kind: str, g: dict[str, str]) -> tuple[str | None, str | None]:
    if kind in ("iso_day", "iso_month"):
        y, m = int(g["y"]), int(g["m"])
        return _iso(y, m, int(g["d"]) if kind == "iso_day" else None), None
    if kind in ("m_d_y", "d_m_y"):
        return _iso(int(g["y"]), _month(g["m"]), _day(g["d"])), None
    if kind in ("m_dd_y", "dd_m_y"):
        y, m = int(g["y"]), _month(g["m"])
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        if d2 <= d1:
            return None, None
        return _iso(y, m, d1), _iso(y, m, d2)
    if kind == "md_md_y":
        y, m1, m2 = int(g["y"]), _month(g["m1"]), _month(g["m2"])
        if m2 <= m1:
            return None, None
        return _iso(y, m1, _day(g["d1"])), _iso(y, m2, _day(g["d2"]))
    if kind == "m_m_y":
        y, m1, m2 = int(g["y"]), _month(g["m1"]), _month(g["m2"])
        if m2 <= m1:
            return None, None
        return _iso(y, m1), _iso(y, m2)
    if kind == "m_y":
        return _iso(int(g["y"]), _month(g["m"])), None
    if kind == "y_y":
        y1, y2 = int(g["y1"]), g["y2"]
        end = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if end <= y1:
            return None, None
        return _iso(y1), _iso(end)
    if kind == "decade":
        y = int(g["y"])
        return _iso(y), _iso(y + 9)
    return _iso(int(g["y"])), None


def find_dates(text: str) -> list[DateSpan]:
    """Every date the text mentions, in order of appearance.

    >>> [(s.start, s.end) for s in find_dates("Met on November 25-27, 2019, and in April 2020.")]
    [('2019-11-25', '2019-11-27'), ('2020-04', None)]
    """
    taken = [False] * len(text)
    found: list[DateSpan] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            start, end = _span(kind, m.groupdict())
            if start is None:
                continue
            found.append(DateSpan(start, end, a, b - a))
            taken[a:b] = [True] * (b - a)
    return sorted(found, key=lambda s: s.offset)


def leading_date(text: str) -> DateSpan | None:
    """The date a line starts with, if it is at least as precise as a month ("June 15, 2021 …")."""
    spans = find_dates(text[:40])
    if spans and spans[0].offset == 0 and len(spans[0].start) >= 7:
        return spans[0]
    return None


def primary_date(text_dates: list[DateSpan], context: list[DateSpan]) -> DateSpan | None:
    """The one date a passage is shown with.

    The passage's own first date, or failing that its heading's; a later mention that refines
    it takes its place ("C20 2019 … in April 2019" -> 2019-04; heading 2019, "in April 2019"
    -> 2019-04). None when neither gives a date.
    """
    base = None
    if context and any(s.refines(context[0]) or s.start == context[0].start for s in text_dates):
        base = context[0]
    elif text_dates:
        base = text_dates[0]
    elif context:
        return context[0]
    else:
        return None
    for span in text_dates:
        if span.refines(base):
            base = span
    return base


def date_chunk(chunk: Chunk) -> Chunk:
    """The chunk with its shown date, its end, and every date its text and heading mention."""
    own = find_dates(chunk.text)
    context = find_dates(chunk.heading) if chunk.heading else []
    best = primary_date(own, context)
    return replace(
        chunk,
        date=best.start if best else None,
        date_end=best.end if best else None,
        dates=[[s.start, s.end] for s in own + context],
    )
