"""Dates as text: reading the dates a text mentions, writing a date in words, and time scopes.

Dates are ISO 8601 prefixes that keep the precision the text gives: "2019", "2019-04",
"2019-04-23". A range ("November 25-27, 2019", "from 2004 to 2005") has an end as well.
Understood forms: "June 15, 2021", "15 June 2021", "November 25-27, 2019",
"February 18 - March 2, 2019", "April 2019", "January, 2018", "2021-06-15", "2019-04",
"2004-2005", "2004-05", "from 2004 to 2005", "between 2018 and 2019", "the 1990s" and
bare years 1000-2099.
A date is written in words at its precision ("25–27 November 2019"); a TimeScope is a
period with open or closed ends, as a question asks about one (see `querytime`).
The helper below chunking, dating, the question's time and showing.
Left out: relative dates ("last year"), weekdays, times of day, and numbers that only look
like years in context ("2000 people" is read as a year).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

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
    ("md_md_y", rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})\s?,?\s+(?P<y>{_YEAR}){_YA}"),
    ("m_dd_y", rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s?,?\s+(?P<y>{_YEAR}){_YA}"),
    ("m_d_y", rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})\s?,?\s+(?P<y>{_YEAR}){_YA}"),
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
_ANY_YEAR = re.compile(r"(?:1\d|20)\d{2}")  # what every English form needs (a quick test before the twelve)
_ANY_MONTH = re.compile(_MONTH)
_MONTH_KINDS = frozenset({"md_md_y", "m_dd_y", "m_d_y", "dd_m_y", "d_m_y", "m_m_y", "m_y"})

# Japanese: 西暦 with 年月日, the era names, ranges with 〜, and 2021/6/15; full-width digits are read
# as digits (see find_dates). Tried only on a text that holds 年 or a slash.
_JA_DASH = r"\s*[〜～~－\-—–]\s*"
_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926}
_JA_YEAR = r"(?:(?P<y>\d{4})|(?P<era>令和|平成|昭和)(?P<ey>元|\d{1,2}))年"  # 2019年 or 令和元年
_JA_PATTERNS = [
    ("ja_md_md", rf"{_JA_YEAR}(?P<m1>\d{{1,2}})月(?P<d1>\d{{1,2}})日?{_JA_DASH}(?P<m2>\d{{1,2}})月(?P<d2>\d{{1,2}})日"),
    ("ja_m_dd", rf"{_JA_YEAR}(?P<m>\d{{1,2}})月(?P<d1>\d{{1,2}})日?{_JA_DASH}(?P<d2>\d{{1,2}})日"),
    ("ja_m_m", rf"{_JA_YEAR}(?P<m1>\d{{1,2}})月?{_JA_DASH}(?P<m2>\d{{1,2}})月"),
    ("ja_y_y", rf"(?P<y1>\d{{4}})年?{_JA_DASH}(?P<y2>\d{{4}})年"),
    ("ja_ymd", rf"{_JA_YEAR}(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日"),
    ("ja_ym", rf"{_JA_YEAR}(?P<m>\d{{1,2}})月"),
    ("ja_y", rf"(?<!\d){_JA_YEAR}(?!\d)"),
    ("slash", r"(?<![\d/])(?P<y>(?:1\d|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"),
]
_JA_COMPILED = [(kind, re.compile(p)) for kind, p in _JA_PATTERNS]
_WIDE = str.maketrans("０１２３４５６７８９／", "0123456789/")  # one character for one: offsets stay


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


def _ordered(first: str | None, last: str | None, later: bool) -> tuple[str | None, str | None]:
    """A range, or no date when its end does not come after its start."""
    return (first, last) if later else (None, None)


def era_year(era: str, year: str) -> int:
    """A Japanese era's year as a western one: 令和元年 = 2019, 平成30年 = 2018."""
    return _ERAS[era] + (1 if year == "元" else int(year)) - 1


def _ja_span(kind: str, g: dict[str, str]) -> tuple[str | None, str | None]:
    """A Japanese date's ISO prefix (and end for a range)."""
    if kind == "ja_y_y":
        y1, y2 = int(g["y1"]), int(g["y2"])
        return _ordered(_iso(y1), _iso(y2), y2 > y1)
    if g.get("era"):
        y = era_year(g["era"], g["ey"])
    else:
        y = int(g["y"])
    if kind == "ja_md_md":
        m1, m2 = int(g["m1"]), int(g["m2"])
        return _ordered(_iso(y, m1, int(g["d1"])), _iso(y, m2, int(g["d2"])), m2 > m1)
    if kind == "ja_m_dd":
        m, d1, d2 = int(g["m"]), int(g["d1"]), int(g["d2"])
        return _ordered(_iso(y, m, d1), _iso(y, m, d2), d2 > d1)
    if kind == "ja_m_m":
        m1, m2 = int(g["m1"]), int(g["m2"])
        return _ordered(_iso(y, m1), _iso(y, m2), m2 > m1)
    m = int(g["m"]) if g.get("m") else None
    return _iso(y, m, int(g["d"]) if g.get("d") else None), None


def _span(kind: str, g: dict[str, str]) -> tuple[str | None, str | None]:
    if kind.startswith("ja_") or kind == "slash":
        return _ja_span(kind, g)
    y = int(g["y"]) if g.get("y") else 0
    if kind in ("iso_day", "iso_month"):
        return _iso(y, int(g["m"]), int(g["d"]) if kind == "iso_day" else None), None
    if kind in ("m_d_y", "d_m_y"):
        return _iso(y, _month(g["m"]), _day(g["d"])), None
    if kind in ("m_dd_y", "dd_m_y"):
        m, d1, d2 = _month(g["m"]), _day(g["d1"]), _day(g["d2"])
        return _ordered(_iso(y, m, d1), _iso(y, m, d2), d2 > d1)
    if kind == "md_md_y":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        return _ordered(_iso(y, m1, _day(g["d1"])), _iso(y, m2, _day(g["d2"])), m2 > m1)
    if kind == "m_m_y":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        return _ordered(_iso(y, m1), _iso(y, m2), m2 > m1)
    if kind == "m_y":
        return _iso(y, _month(g["m"])), None
    if kind == "y_y":
        y1, y2 = int(g["y1"]), g["y2"]
        end = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        return _ordered(_iso(y1), _iso(end), end > y1)
    if kind == "decade":
        return _iso(y), _iso(y + 9)
    return _iso(y), None


def find_dates(text: str) -> list[DateSpan]:
    """Every date the text mentions, in order of appearance.

    >>> [(s.start, s.end) for s in find_dates("Met on November 25-27, 2019, and in April 2020.")]
    [('2019-11-25', '2019-11-27'), ('2020-04', None)]
    """
    taken = [False] * len(text)
    found: list[DateSpan] = []
    if "年" in text or "/" in text or "／" in text:
        text = text.translate(_WIDE)
        patterns = _JA_COMPILED + _COMPILED
    elif _ANY_YEAR.search(text) is None:  # every English form holds a year: half of a corpus's paragraphs hold none
        return found
    else:
        patterns = _COMPILED
    if _ANY_MONTH.search(text) is None:
        patterns = [(kind, rx) for kind, rx in patterns if kind not in _MONTH_KINDS]
    for kind, rx in patterns:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            start, end = _span(kind, m.groupdict())
            if start is None:
                continue
            found.append(DateSpan(start, end, a, b - a))
            taken[a:b] = [True] * (b - a)
    return _joined(sorted(found, key=lambda s: s.offset), text)


def _later(day: str, than: str) -> bool:
    """Whether an ISO prefix lies after another: a later year, or a later month or day of the same year."""
    return day[:4] > than[:4] or day[:4] == than[:4] and min(len(day), len(than)) > 4 and day > than


_TO = re.compile(r"\s*(?:-|–|—|(?P<word>to|until|till|through))\s*")


def _joined(spans: list[DateSpan], text: str) -> list[DateSpan]:
    """Two dates with "to" or a dash between them as one range, when the second comes later: "from 26
    February 2012 to 2018", "11 September 2001 – 22 February 2009" (one pattern reads only those of one year).

    >>> [(s.start, s.end) for s in find_dates("Chair from 26 February 2012 to 2018; again 3 May 2019.")]
    [('2012-02-26', '2018'), ('2019-05-03', None)]
    >>> [(s.start, s.end) for s in find_dates("Bulleid ( 19 September 1882 – 25 April 1970 ) was")]
    [('1882-09-19', None), ('1970-04-25', None)]
    """
    out: list[DateSpan] = []
    for span in spans:
        last = out[-1] if out else None
        between = _TO.fullmatch(text, last.offset + last.length, span.offset) if last is not None else None
        # not a life's span, "( 19 September 1882 – 25 April 1970 )": a passage about him is not of every year of it
        if between is not None and last.end is None and span.end is None and _later(span.start, last.start) \
                and (between.group("word") or text.rfind("(", 0, last.offset) <= text.rfind(")", 0, last.offset)):
            out[-1] = DateSpan(last.start, span.start, last.offset, span.offset + span.length - last.offset)
        else:
            out.append(span)
    return out


# A day and month with no year ("- 4 July : …", "September 9 :", 7月4日): read only where a heading gives the year.
_YEARLESS = [
    ("md_md", re.compile(rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?!\s*,?\s*\d)")),
    ("m_dd", re.compile(rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\b(?!\s*,?\s*\d)")),
    ("m_d", re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*,?\s*\d)")),
    ("dd_m", re.compile(rf"(?<![\d.])(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m>{_MONTH})\b(?!\s*,?\s*\d)")),
    ("d_m", re.compile(rf"(?<![\d.,])(?P<d>{_DAY})\s+(?P<m>{_MONTH})\b(?!\s*,?\s*\d)")),
    ("ja_md", re.compile(r"(?<![\d年])(?P<jm>\d{1,2})月(?P<jd>\d{1,2})日")),
]


def find_day_months(text: str, year: int, spans: list[DateSpan] | None = None) -> list[DateSpan]:
    """Days named with a month and no year ("4 July", "July 4-6", 7月4日), dated in `year`: the year a
    heading gives the passages under it. Mentions that hold a year are `find_dates`' (`spans`, when the
    caller has read them already) and left out.

    >>> [(s.start, s.end) for s in find_day_months("- 28 June : Magnus Uggla ; 5 July 2009 elsewhere", 2008)]
    [('2008-06-28', None)]
    """
    if _ANY_MONTH.search(text) is None and "月" not in text:
        return []
    text = text.translate(_WIDE)
    taken = [False] * len(text)
    for span in find_dates(text) if spans is None else spans:
        taken[span.offset:span.offset + span.length] = [True] * span.length
    found: list[DateSpan] = []
    for kind, rx in _YEARLESS:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            g = m.groupdict()
            if kind == "ja_md":
                start, end = _iso(year, int(g["jm"]), int(g["jd"])), None
            elif kind == "md_md":
                m1, m2 = _month(g["m1"]), _month(g["m2"])
                start, end = _ordered(_iso(year, m1, _day(g["d1"])), _iso(year, m2, _day(g["d2"])), m2 > m1)
            elif kind in ("m_dd", "dd_m"):
                mo, d1, d2 = _month(g["m"]), _day(g["d1"]), _day(g["d2"])
                start, end = _ordered(_iso(year, mo, d1), _iso(year, mo, d2), d2 > d1)
            else:
                start, end = _iso(year, _month(g["m"]), _day(g["d"])), None
            if start is None or len(start) < 10:  # no such day ("31 February"): nothing read
                continue
            found.append(DateSpan(start, end, a, b - a))
            taken[a:b] = [True] * (b - a)
    return sorted(found, key=lambda s: s.offset)


def without_dates(text: str) -> str:
    """`text` with every date it names blanked out (each replaced by one space).

    >>> without_dates("What did ACE do in November 2019?")
    'What did ACE do in  ?'
    """
    for span in reversed(find_dates(text)):
        text = text[:span.offset] + " " + text[span.offset + span.length:]
    return text


def leading_date(text: str) -> DateSpan | None:
    """The date a line starts with, if it is at least as precise as a month ("June 15, 2021 …")."""
    spans = find_dates(text[:40])
    if spans and spans[0].offset == 0 and len(spans[0].start) >= 7:
        return spans[0]
    return None


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    p = [int(x) for x in iso.split("-")]
    return p[0], (p[1] if len(p) > 1 else None), (p[2] if len(p) > 2 else None)


def _one(iso: str) -> str:
    y, m, d = _parts(iso)
    return " ".join(str(x) for x in (d, _MONTH_NAMES[m - 1] if m else None, y) if x is not None)


def _as_fine(start: str, end: str | None) -> str:
    """`start` at `end`'s precision when `end` lies within it: ("2021-06", "2021-06-29") -> "2021-06-01"."""
    return lower_bound(start)[:len(end)] if end and len(start) < len(end) and end.startswith(start) else start


def japanese_date(start: str | None, end: str | None = None) -> str:
    """"2019-11-25" -> "2019年11月25日"; ("2019-11-25", "2019-11-27") -> "2019年11月25日〜27日".

    >>> japanese_date("2019-04", "2019-06"), japanese_date("2019")
    ('2019年4月〜6月', '2019年')
    """
    if not start:
        return ""

    def one(iso: str, drop: int = 0) -> str:
        parts = [int(p) for p in iso.split("-")]
        return "".join(f"{v}{u}" for v, u in list(zip(parts, "年月日", strict=False))[drop:])

    if not end or end == start:
        return one(start)
    start = _as_fine(start, end)
    shared = 0
    a, b = start.split("-"), end.split("-")
    while shared < min(len(a), len(b)) - 1 and a[shared] == b[shared]:
        shared += 1
    return f"{one(start)}〜{one(end, shared)}"


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # kana and kanji


def date_for(text: str, start: str | None, end: str | None = None) -> str:
    """A date in the words of the text it belongs to: Japanese beside Japanese, else English."""
    return japanese_date(start, end) if JAPANESE.search(text) else readable_date(start, end)


def readable_date(start: str | None, end: str | None = None) -> str:
    """"2021-06-15" -> "15 June 2021"; ("2019-11-25", "2019-11-27") -> "25–27 November 2019".

    Ranges drop what their two ends share: "18 February – 2 March 2019", "2004–2005"; a range from
    a month to a day of it starts on its first day: ("2021-06", "2021-06-29") -> "1–29 June 2021".
    """
    if not start:
        return ""
    if not end or end == start:
        return _one(start)
    start = _as_fine(start, end)
    (y1, m1, d1), (y2, m2, d2) = _parts(start), _parts(end)
    if y1 == y2 and m1 and m1 == m2 and d1 and d2:
        return f"{d1}–{d2} {_MONTH_NAMES[m1 - 1]} {y1}"
    if y1 == y2 and m1 and m2:
        first = " ".join(str(x) for x in (d1, _MONTH_NAMES[m1 - 1]) if x is not None)
        return f"{first} – {_one(end)}"
    return f"{_one(start)} – {_one(end)}" if (m1 or m2) else f"{y1}–{y2}"


_LOW, _HIGH = "0000-00-00", "9999-99-99"


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
    near: str | None = None  # "two years later": the time it names; of the scope's passages, the nearest to it first

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
        """Plain words for the page: "in November 2019", "before 2017", "latest first", "nearest 2021 first"."""
        if self.start and self.end:
            when = "in " + readable_date(self.start, None if self.end == self.start else self.end)
        elif self.start:
            when = "from " + readable_date(self.start)
        elif self.end:
            when = "up to " + readable_date(self.end)
        else:
            when = ""
        order = {"latest": "latest first", "earliest": "earliest first"}.get(self.order or "", "")
        if self.near:  # "two years later": what comes nearest the time it names first
            order = f"nearest {readable_date(self.near)} first"
        return ", ".join(x for x in (when, order) if x)

    def as_json(self) -> dict:
        return {"start": self.start, "end": self.end, "order": self.order}
