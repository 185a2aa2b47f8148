"""Dates a passage: its shown date, the end of a range, and every date its text and heading mention.

The shown date is the passage's own first date, refined by later, more precise mentions,
else its heading's (see `primary_date`); an undated passage stays undated. The dates are
read by `dates`.
A day and month with no year ("- 4 July : …") takes the year of a heading that names one.
A heading's year that the text under it overrules ("Sustainable Brands 2019" over "… the 2020
conference") is kept among the mentions but marked (`superseded`): time does not count it.
Left out: dating a passage by its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .chunking import Chunk
from .dates import DateSpan, find_dates, find_day_months


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


# A heading that is a year and nothing more ("2006", "- 2014", "2015 season"); not "Euro 2008", whose
# passages may tell of the years before it, nor "2015–present"
_YEAR_HEADING = re.compile(r"^\W*((?:1\d|20)\d{2})(?:\s+season)?\W*$", re.I)


_SPAN_HEADING = re.compile(r"\d\s*[–—-]|\b(?:to|until|through|since|present|onwards?)\b", re.I)


@lru_cache(maxsize=4096)
def _heading_dates(heading: str) -> tuple:
    """The dates a heading names: read once for all the passages under it."""
    return tuple(find_dates(heading))


def superseded(chunk: Chunk) -> int:
    """How many of a dated chunk's `dates`, at their end, are its heading's and do not date it: its text
    gives a date of its own that the heading's does not hold ("Sustainable Brands 2019" over "… at the
    2020 conference"). A heading that is a year alone ("2006") dates what is under it whatever else it says."""
    if not chunk.heading or not chunk.date or len(chunk.dates) <= 1 or _YEAR_HEADING.match(chunk.heading.split(" › ")[-1]):
        return 0
    context = _heading_dates(chunk.heading)
    if len(context) != 1 or context[0].end or _SPAN_HEADING.search(chunk.heading):
        return 0  # "1910s to 1960s", "Decline ( 2018– )": a heading naming a span may hold the passage's year
    held = chunk.date[:4] == context[0].start[:4]
    return 0 if held else 1


def date_chunk(chunk: Chunk) -> Chunk:
    """The chunk with its shown date, its end, and every date its text and heading mention; under a
    heading that names one year, a day and month alone ("- 4 July : …") is of that year."""
    own = find_dates(chunk.text)
    context = list(_heading_dates(chunk.heading)) if chunk.heading else []
    year = _YEAR_HEADING.match(chunk.heading.split(" › ")[-1]) if chunk.heading else None
    if year is not None:
        own = sorted(own + find_day_months(chunk.text, int(year.group(1)), own), key=lambda s: s.offset)
    best = primary_date(own, context)
    return replace(
        chunk,
        date=best.start if best else None,
        date_end=best.end if best else None,
        dates=[[s.start, s.end] for s in own + context],
    )
