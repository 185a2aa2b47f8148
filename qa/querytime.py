"""Reads the time a question refers to: a period, an open bound, an order, or none.

"in 2019", "in November 2019", "from 2004 to 2005", "between 2018 and 2019", "2004-2005"
-> that period; "before 2017", "until 2018" -> up to it; "after 2020", "since 2019" -> from
it; "the latest", "most recent", "earliest", "the first time" -> an order. Numbers that
are not years ("70 thousand", "SDG 8.7", "C20") are left alone (see `dating`).
Left out: relative times ("last year", "recently" as a period), seasons, decades as bounds.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dating import find_dates

_LOW, _HIGH = "0000-00-00", "9999-99-99"
_LATEST = re.compile(r"\b(latest|most recent(?:ly)?|recently|recent|newest|lately|last time|last (?:event|activity|thing))\b",
                     re.I)
_EARLIEST = re.compile(r"\b(earliest|oldest|first time|for the first time|first ever|very first|first .{0,40}\bever)\b"
                       r"|\bwhen did\b.{0,60}\bfirst\b", re.I)
_BEFORE = re.compile(r"\b(before|prior to|until|till|up to|by|earlier than)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
_AFTER = re.compile(r"\b(after|since|from|following|later than|starting(?: in)?|beginning(?: in)?)\s+(?:the\s+)?$", re.I)


def lower_bound(iso: str) -> str:
    """The first day an ISO prefix covers, as YYYY-MM-DD: "2019" -> "2019-01-01"."""
    return iso + "-01-01"[len(iso) - 4:] if len(iso) < 10 else iso


def upper_bound(iso: str) -> str:
    """A string at or above every day an ISO prefix covers: "2019-11" -> "2019-11-99"."""
    return iso + "-99-99"[len(iso) - 4:] if len(iso) < 10 else iso


@dataclass(frozen=True)
class TimeScope:
    start: str | None  # ISO prefix, None for open
    end: str | None  # ISO prefix (inclusive), None for open
    order: str | None = None  # "latest" | "earliest" | None

    @property
    def low(self) -> str:
        return lower_bound(self.start) if self.start else _LOW

    @property
    def high(self) -> str:
        return upper_bound(self.end) if self.end else _HIGH

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None

    def overlaps(self, start: str, end: str | None) -> bool:
        """True when the period start..end (ISO prefixes) shares a day with this scope."""
        return lower_bound(start) <= self.high and upper_bound(end or start) >= self.low

    def describe(self) -> str:
        """Plain words for the page: "in November 2019", "before 2017", "latest first"."""
        from .showing import readable_date

        if self.start and self.end:
            when = "in " + readable_date(self.start, None if self.end == self.start else self.end)
        elif self.start:
            when = "from " + readable_date(self.start)
        elif self.end:
            when = "up to " + readable_date(self.end)
        else:
            when = ""
        order = {"latest": "latest first", "earliest": "earliest first"}.get(self.order or "", "")
        return ", ".join(x for x in (when, order) if x)

    def as_json(self) -> dict:
        return {"start": self.start, "end": self.end, "order": self.order}


def _step(iso: str, delta: int) -> str:
    """The ISO prefix `delta` units away at its own precision: ("2017", -1) -> "2016", ("2019-12", 1) -> "2020-01"."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + delta:04d}"
    if len(parts) == 2:
        months = parts[0] * 12 + parts[1] - 1 + delta
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return (datetime.date(*parts) + datetime.timedelta(days=delta)).isoformat()


def question_time(question: str) -> TimeScope | None:
    """The time `question` asks about, or None.

    >>> question_time("What did ACE do in November 2019?")
    TimeScope(start='2019-11', end='2019-11', order=None)
    >>> question_time("What happened before 2017?")
    TimeScope(start=None, end='2016', order=None)
    """
    order = "latest" if _LATEST.search(question) else "earliest" if _EARLIEST.search(question) else None
    spans = find_dates(question)
    start = end = None
    if spans:
        first, last = spans[0], spans[-1]
        lead = question[:first.offset]
        span_end = last.end or last.start
        if _BEFORE.search(lead) and len(spans) == 1:
            word = _BEFORE.search(lead).group(1).lower()
            end = span_end if word in ("until", "till", "up to", "by") else _step(first.start, -1)
        elif _AFTER.search(lead) and len(spans) == 1 and first.end is None:
            word = _AFTER.search(lead).group(1).lower()
            start = first.start if word in ("since", "from") or word.startswith(("starting", "beginning")) \
                else _step(first.start, 1)
        else:
            start, end = first.start, span_end
            if len(spans) > 1 and lower_bound(last.start) < lower_bound(first.start):
                start, end = last.start, first.end or first.start
    if start is None and end is None and order is None:
        return None
    return TimeScope(start, end, order)
