"""Readers of the kinds of document a corpus may hold, one module a kind, behind one interface.

Each module has `SUFFIXES` and `read(data, rel, source) -> Document`, raising ValueError with
the reason a file can't be read. A Document is the file's text as lines the chunker
understands (Markdown `#` headings when `markdown`), and where in the file each part of the
text comes from (`locations`: a PDF's pages, a slide, a sheet's rows), so a passage can say
"report.pdf, page 3" or "events.xlsx, sheet Events, row 12". A new kind is a new module
listed in READERS; the rest of the pipeline does not change.
Left out: OCR of scanned pages, legacy binary Office formats (.doc, .ppt, .xls).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

Location = tuple[int, str, int]  # (first line of the text it covers, unit, number): (12, "slide", 3)


@dataclass(frozen=True)
class Document:
    path: str  # relative to the corpus folder, with forward slashes
    source: str  # how passages name it: the corpus folder as given, joined with `path`
    text: str
    markdown: bool = False  # `#` lines are headings
    locations: tuple[Location, ...] = ()  # where each part of `text` comes from, in order; () = its lines

    def where(self, line: int) -> tuple[str, int]:
        """The unit and number a passage starting on `line` of the text is found at: ("page", 3)."""
        if not self.locations:
            return "line", line
        n = bisect.bisect_right([first for first, _, _ in self.locations], line) - 1
        _, unit, number = self.locations[max(n, 0)]
        return unit, number


def joined(parts: list[tuple[str, int, str]], markdown: bool = True) -> tuple[str, tuple[Location, ...]]:
    """Parts as (unit, number, text) joined by blank lines, with the line each part starts on."""
    lines, locations, at = [], [], 1
    for unit, number, text in parts:
        text = text.strip()
        if not text:
            continue
        locations.append((at, unit, number))
        lines.append(text)
        at += text.count("\n") + 2
    return "\n\n".join(lines), tuple(locations)


def _readers() -> dict[str, object]:
    from . import docx, eml, html, odt, pdf, pptx, text, xlsx

    return {suffix: module for module in (text, html, pdf, docx, pptx, xlsx, odt, eml) for suffix in module.SUFFIXES}


READERS = _readers()
SUFFIXES = tuple(READERS)
PARSED = tuple(s for s, module in READERS.items() if getattr(module, "THIRD_PARTY", False))  # read in a worker


def read_document(data: bytes, rel: str, source: str) -> Document:
    """One document from its bytes, by its suffix; ValueError saying why it can't be read."""
    suffix = "." + rel.rsplit(".", 1)[-1].lower()
    module = READERS.get(suffix)
    if module is None:
        raise ValueError(f"unsupported type {suffix}")
    return module.read(data, rel, source)
