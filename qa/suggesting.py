"""Example questions for the page, made from the documents themselves: a new corpus gets examples
about its own dated entries, in its own language (a Japanese question for Japanese documents).

Four at most: the month with the most dated passages, the title of a short dated entry, the
year with the most, and the most recent activity. Left out: anything that needs to understand
the text (the questions are templates filled with the documents' own dates and names).
"""

from __future__ import annotations

import re
from collections import Counter

from .chunking import Chunk
from .dates import JAPANESE, find_dates, japanese_date, readable_date
from .languages import table

LONGEST = 60  # characters: an example fits on a button
FALLBACK = {"en": ["What are these documents about?", "What is the most recent activity on record?"],
            "ja": ["これらの資料は何についてですか？", "最近の活動は何ですか？"]}


def language_of(chunks: list[Chunk]) -> str:
    """ "ja" when most passages are written in Japanese, else "en"."""
    sample = chunks[:: max(1, len(chunks) // 200)]
    japanese = sum(1 for c in sample if JAPANESE.search(c.text))
    return "ja" if sample and japanese * 2 > len(sample) else "en"


def examples(chunks: list[Chunk]) -> list[str]:
    """Up to four questions the documents answer, in their language."""
    lang = language_of(chunks)
    dated = [c for c in chunks if c.date]
    if not dated:
        return FALLBACK[lang]
    months = Counter(c.date[:7] for c in dated if len(c.date) >= 7)
    years = Counter(c.date[:4] for c in dated)
    out = []
    if months:
        month = months.most_common(1)[0][0]
        out.append(f"{japanese_date(month)}に何がありましたか？" if lang == "ja" else f"What happened in {readable_date(month)}?")
    title = _entry_title(dated, lang)
    if title:
        the = "" if title[:1].isupper() or title[:1].isdigit() else "the "
        out.append(f"{title}はいつでしたか？" if lang == "ja" else f"When was {the}{title}?")
    year = years.most_common(1)[0][0]
    out.append(f"{year}年の主な活動は？" if lang == "ja" else f"What happened in {year}?")
    out.append(FALLBACK[lang][1])
    return [q for q in dict.fromkeys(out) if len(q) <= LONGEST]


def _entry_title(dated: list[Chunk], lang: str) -> str | None:
    """The event of a dated entry ("Participated in the Freedom from Slavery Forum in Bangkok" ->
    "Freedom from Slavery Forum in Bangkok"), short enough for a button; the most recent such."""
    words = table(lang)
    for c in sorted(dated, key=lambda c: c.date, reverse=True):
        text = " ".join(c.text.split())
        spans = find_dates(text[:40])
        if not spans or spans[0].offset != 0:
            continue  # not an entry that starts with its date
        entry = text[spans[0].length:].strip(" ,:-–　")
        title = words.label(entry)
        # an English entry that starts with what was done ("Participated in …"): an event, not a name in a list
        event = lang == "ja" or (len(title.split()) >= 3 and not entry.startswith(title))
        if event and 8 <= len(title) <= LONGEST - 16 and not re.search(r"[“”\"「」]", title):
            return title
    return None
