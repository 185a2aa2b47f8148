"""Shows passages to people: readable dates, a plain-text listing, Markdown for the page, JSON.

Document text is shown as text: in Markdown every character that could start markup is
escaped, so a passage can't inject HTML, links or images into the page.
"""

from __future__ import annotations

import re
from dataclasses import fields

from .searching import Answer, Hit

NOTHING = "No passage about that in the documents."
_HIT_FIELDS = [f.name for f in fields(Hit)]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    p = [int(x) for x in iso.split("-")]
    return p[0], (p[1] if len(p) > 1 else None), (p[2] if len(p) > 2 else None)


def _one(iso: str) -> str:
    y, m, d = _parts(iso)
    return " ".join(str(x) for x in (d, _MONTHS[m - 1] if m else None, y) if x is not None)


def readable_date(start: str | None, end: str | None = None) -> str:
    """"2021-06-15" -> "15 June 2021"; ("2019-11-25", "2019-11-27") -> "25–27 November 2019".

    Ranges drop what their two ends share: "18 February – 2 March 2019", "2004–2005".
    """
    if not start:
        return ""
    if not end or end == start:
        return _one(start)
    (y1, m1, d1), (y2, m2, d2) = _parts(start), _parts(end)
    if y1 == y2 and m1 and m1 == m2 and d1 and d2:
        return f"{d1}–{d2} {_MONTHS[m1 - 1]} {y1}"
    if y1 == y2 and m1 and m2:
        first = " ".join(str(x) for x in (d1, _MONTHS[m1 - 1]) if x is not None)
        return f"{first} – {_one(end)}"
    return f"{_one(start)} – {_one(end)}" if (m1 or m2) else f"{y1}–{y2}"


def answer_json(answer: Answer) -> dict:
    """The `qa ask --json` object: question, time understood (or null), passages best first."""
    return {
        "question": answer.question,
        "time": answer.time.as_json() if answer.time else None,
        "found": answer.found,
        "passages": [{**{f: getattr(h, f) for f in _HIT_FIELDS}, "highlight": list(h.highlight)} for h in answer.hits],
    }


def time_note(answer: Answer) -> str:
    """"Showing events in November 2019", or "" when the question names no time."""
    return f"Showing events {answer.time.describe()}" if answer.time else ""


def location(hit: Hit) -> str:
    """"corpus/a.txt:12", or "corpus/report.pdf, page 3"."""
    return f"{hit.source}:{hit.line}" if hit.unit == "line" else f"{hit.source}, {hit.unit} {hit.line}"


def listing(answer: Answer) -> str:
    """A plain-text answer for the terminal."""
    hits = answer.hits
    lines = [f"Q: {answer.question}"]
    if answer.time:
        lines.append(f"   ({time_note(answer)})")
    if not hits:
        lines.append(f"   {NOTHING}")
    for n, h in enumerate(hits, 1):
        date = readable_date(h.date, h.date_end) or "undated"
        lines.append(f"{n}. [{date}] {location(h)}  score {h.score:.2f}")
        if h.heading:
            lines.append(f"   {h.heading}")
        lines.append(f"   {h.text}")
    return "\n".join(lines)


_MARKUP = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&\"'=:])")


def escape_markdown(text: str) -> str:
    """Backslash-escapes every character that Markdown or HTML could read as markup."""
    return _MARKUP.sub(r"\\\1", text)


def marked(text: str, span: tuple[int, int]) -> str:
    """The escaped text with the answering sentence `span` wrapped in <mark>.

    >>> print(marked("Met. Signed <b>it</b>.", (5, 22)))
    Met\\. <mark>Signed \\<b\\>it\\</b\\>\\.</mark>
    """
    a, b = span
    if not 0 <= a < b <= len(text) or (a, b) == (0, len(text)):
        return escape_markdown(text)
    return f"{escape_markdown(text[:a])}<mark>{escape_markdown(text[a:b])}</mark>{escape_markdown(text[b:])}"


def markdown(hits: list[Hit]) -> str:
    """The answer as Markdown for the chat page: one numbered passage after another."""
    if not hits:
        return NOTHING
    blocks = []
    for n, h in enumerate(hits, 1):
        date = readable_date(h.date, h.date_end) or "Undated"
        head = f"**{n}. {escape_markdown(date)}**"
        if h.heading:
            head += f" · *{escape_markdown(h.heading)}*"
        meta = f"{escape_markdown(h.source)}, {h.unit} {h.line} · score {h.score:.2f}"
        blocks.append(f"{head}\n\n{marked(h.text, h.highlight)}\n\n<sub>{meta}</sub>")
    return "\n\n---\n\n".join(blocks)
