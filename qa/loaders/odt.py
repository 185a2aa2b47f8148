"""OpenDocument text (.odt, odfpy): headings by their outline level, paragraphs and list items;
a passage's location is its paragraph number."""

from __future__ import annotations

import io

from . import Document, joined

SUFFIXES = (".odt",)
THIRD_PARTY = True


def read(data: bytes, rel: str, source: str) -> Document:
    from odf import teletype
    from odf.opendocument import load

    try:
        doc = load(io.BytesIO(data))
    except Exception as e:
        raise ValueError(f"unreadable OpenDocument file ({type(e).__name__})") from None
    parts, n = [], 0

    def walk(node):  # headings and paragraphs in reading order, through lists, sections and tables
        nonlocal n
        for child in node.childNodes:
            name = getattr(child, "qname", (None, None))[1]
            if name == "h":
                n += 1
                level = int(child.getAttribute("outlinelevel") or 1)
                parts.append(("paragraph", n, "#" * min(level, 6) + " " + " ".join(teletype.extractText(child).split())))
            elif name == "p":
                n += 1
                parts.append(("paragraph", n, " ".join(teletype.extractText(child).split())))
            elif name in ("list", "list-item", "section", "table", "table-row", "table-cell"):
                walk(child)

    walk(doc.text)
    text_, locations = joined(parts)
    if not text_.strip():
        raise ValueError("no text")
    return Document(rel, source, text_, True, locations)
