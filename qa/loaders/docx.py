"""Word (.docx, python-docx): headings from the heading styles, paragraphs, list items, tables row
by row, footnotes; a passage's location is its paragraph number (tables and footnotes count on)."""

from __future__ import annotations

import io
import re

from . import Document, joined

SUFFIXES = (".docx",)
THIRD_PARTY = True
_HEADING = re.compile(r"^(?:Heading\s*(\d)|Title)$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _blocks(doc):
    """The body's paragraphs and tables in reading order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in doc.element.body.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, doc)
        elif child.tag == f"{_W}tbl":
            yield Table(child, doc)


def _paragraph(p) -> str:
    text = " ".join(p.text.split())
    style = (p.style.name if p.style is not None else "") or ""
    heading = _HEADING.match(style)
    if heading and text:
        return "#" * int(heading.group(1) or 1) + " " + text
    if text and ("List" in style or p._p.pPr is not None and p._p.pPr.numPr is not None):
        return "- " + text
    return text


def _footnotes(doc) -> list[str]:
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = rel.target_part.element if hasattr(rel.target_part, "element") else None
            if root is None:
                from lxml import etree

                root = etree.fromstring(rel.target_part.blob)
            notes = []
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
                    continue
                text = " ".join("".join(t.text or "" for t in note.iter(f"{_W}t")).split())
                if text:
                    notes.append(text)
            return notes
    return []


def read(data: bytes, rel: str, source: str) -> Document:
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise ValueError(f"unreadable Word file ({type(e).__name__})") from None
    parts, n = [], 0
    for block in _blocks(doc):
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells))  # merged cells once
                n += 1
                parts.append(("paragraph", n, "   ".join(c for c in cells if c)))
        else:
            n += 1
            parts.append(("paragraph", n, _paragraph(block)))
    for note in _footnotes(doc):
        n += 1
        parts.append(("paragraph", n, f"Footnote: {note}"))
    text, locations = joined(parts)
    if not text.strip():
        raise ValueError("no text")
    return Document(rel, source, text, True, locations)
